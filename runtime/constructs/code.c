/* code.c - lambda.Code: what a function's Code (or a layer's Content) property holds.
 *
 * Inline code is written as ZipFile; bucket code as S3Bucket/S3Key/S3ObjectVersion;
 * an asset is fingerprinted (assets/fingerprint.c, the profile's hash) and referenced
 * in the bootstrap bucket as "<hash>.zip" for a directory or "<hash><ext>" for a file,
 * exactly the S3 key aws-cdk-lib's DefaultStackSynthesizer gives it.
 */
#include "config.h"

#include <stdio.h>
#include <string.h>
#include <sys/stat.h>

#include <lambdac/asset.h>
#include <lambdac/lambda.h>
#include <lambdac/synth.h>

#include "internal.h"

lc_value_t *lc_asset_bucket_value(lc_stack_t *st)
{
    lc_arena_t *a = st->app->arena;
    if (st->account && st->region)
        return lc_v_strfmt(a, "cdk-hnb659fds-assets-%s-%s", st->account, st->region);
    return lc_fn_sub(a, "cdk-hnb659fds-assets-${AWS::AccountId}-${AWS::Region}");
}

lc_value_t *lc_code_value(lc_stack_t *st, lc_node_t *n, const lc_code_t *c, const char *what)
{
    lc_app_t *app = st->app;
    lc_arena_t *a = app->arena;
    lc_value_t *o = lc_v_obj(a);
    switch (c->kind) {
    case LC_CODE_INLINE:
        if (strcmp(what, "Content") == 0) {
            lc_error(app, n, "InlineCodeNotSupportedForLayers",
                     "Inline code is not supported for AWS Lambda layers");
            break;
        }
        lc_obj_set(a, o, "ZipFile", lc_v_str(a, c->text ? c->text : ""));
        break;
    case LC_CODE_BUCKET: {
        if (c->bucket)
            lc_expand(st, c->bucket);
        const char *name = c->bucket ? c->bucket->bucket_name : NULL;
        lc_obj_set(a, o, "S3Bucket", lc_v_str(a, name ? name : ""));
        lc_obj_set(a, o, "S3Key", lc_v_str(a, c->text ? c->text : ""));
        if (c->object_version)
            lc_obj_set(a, o, "S3ObjectVersion", lc_v_str(a, c->object_version));
        break;
    }
    case LC_CODE_ASSET: {
        lc_asset_options_t opt;
        memset(&opt, 0, sizeof opt);
        opt.exclude = c->exclude;
        opt.ignore_mode = c->ignore_mode;
        char hash[65] = "";
        char err[512] = "";
        if (!c->text || !*c->text) {
            lc_error(app, n, "AssetPathRequired", "an asset needs a path");
            break;
        }
        if (c->asset_hash) {
            snprintf(hash, sizeof hash, "%s", c->asset_hash);
        } else if (lc_asset_fingerprint(c->text, &opt, app->profile, hash, err, sizeof err) != 0) {
            lc_error(app, n, "AssetFingerprint", "cannot fingerprint asset '%s': %s", c->text, err);
            break;
        }
        /* a directory is published as a zip; a file keeps its own extension */
        const char *ext = ".zip";
        const char *base = strrchr(c->text, '/');
        base = base ? base + 1 : c->text;
        const char *dot = strrchr(base, '.');
        struct stat sb;
        if (!(stat(c->text, &sb) == 0 && S_ISDIR(sb.st_mode)) && dot)
            ext = dot;
        lc_obj_set(a, o, "S3Bucket", lc_asset_bucket_value(st));
        lc_obj_set(a, o, "S3Key", lc_v_strfmt(a, "%s%s", hash, ext));
        break;
    }
    default:
        break;
    }
    return o;
}
