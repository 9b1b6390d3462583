/* code.c - lambda.Code: what a function's Code (or a layer's Content) property holds.
 *
 * Inline code is written as ZipFile; bucket code as S3Bucket/S3Key/S3ObjectVersion;
 * an asset is fingerprinted (assets/fingerprint.c, the profile's hash) and referenced
 * in the bootstrap bucket as "<hash>.zip" for a directory or "<hash><ext>" for a file,
 * exactly the S3 key aws-cdk-lib's DefaultStackSynthesizer gives it, and registered
 * with the stack's assets (staging.c: staged by --output, aws:asset:* metadata).
 */
#include "config.h"

#include <stdio.h>
#include <string.h>
#include <strings.h>
#include <sys/stat.h>

#include <lambdac/assembly.h>
#include <lambdac/asset.h>
#include <lambdac/docker.h>
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
        if (c->bundling && !c->asset_hash) {
            /* Code.fromAsset(path, {bundling}): hashed, bundled and registered there */
            lc_asset_options_t *bopt = lc_xalloc(a, sizeof *bopt);
            *bopt = opt;
            lc_file_asset_spec_t bspec = {
                .source = c->text, .copy = bopt,
                .display_name = lc_sprintf(a, "%s/Code", lc_node_path(n)) };
            const char *oext = ".zip";
            if (lc_stack_add_bundled_asset(st, &bspec, c->bundling, lc_node_resource(n), what,
                                           hash, &oext) == 0) {
                lc_obj_set(a, o, "S3Bucket", lc_asset_bucket_value(st));
                lc_obj_set(a, o, "S3Key", lc_v_strfmt(a, "%s%s", hash, oext));
            }
            break;
        }
        if (c->asset_hash) {
            snprintf(hash, sizeof hash, "%s", c->asset_hash);
        } else if (lc_asset_fingerprint_cached(app, c->text, &opt, hash, err, sizeof err) != 0) {
            lc_error(app, n, "AssetFingerprint", "cannot fingerprint asset '%s': %s", c->text, err);
            break;
        }
        /* a directory is published as a zip; a file keeps its own extension */
        const char *ext = ".zip";
        const char *base = strrchr(c->text, '/');
        base = base ? base + 1 : c->text;
        const char *dot = strrchr(base, '.');
        struct stat sb;
        int is_dir = stat(c->text, &sb) == 0 && S_ISDIR(sb.st_mode);
        if (!is_dir && dot)
            ext = dot;
        /* CDK's AssetCode: only a directory or an archive can be Lambda code */
        if (!is_dir && !(dot && (strcasecmp(dot, ".zip") == 0 || strcasecmp(dot, ".jar") == 0 ||
                                 strcasecmp(dot, ".tar") == 0 || strcasecmp(dot, ".tgz") == 0 ||
                                 (strcasecmp(dot, ".gz") == 0 && dot - base >= 4 &&
                                  strncasecmp(dot - 4, ".tar", 4) == 0)))) {
            lc_error(app, n, "AssetMustBeZipFile", "Asset must be a .zip file or a directory (%s)",
                     c->text);
            break;
        }
        lc_obj_set(a, o, "S3Bucket", lc_asset_bucket_value(st));
        lc_obj_set(a, o, "S3Key", lc_v_strfmt(a, "%s%s", hash, ext));
        /* staged by the assembly writer; adds the aws:asset:* metadata */
        lc_asset_options_t *copy = lc_xalloc(a, sizeof *copy);
        *copy = opt;
        lc_file_asset_spec_t spec = {
            .source = c->text, .hash = hash, .copy = copy,
            .packaging = is_dir ? LC_ASSET_ZIP_DIRECTORY : LC_ASSET_FILE,
            .display_name = lc_sprintf(a, "%s/Code", lc_node_path(n)) };
        lc_stack_add_file_asset(st, &spec, lc_node_resource(n), what);
        break;
    }
    case LC_CODE_IMAGE_ASSET:
    case LC_CODE_ECR_IMAGE:
        return lc__image_code_value(st, n, c, what);
    default:
        break;
    }
    return o;
}
