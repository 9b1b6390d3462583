/* assembly.c - the cloud assembly writer (--output DIR).
 *
 * The JSON files are built as values and written with the one writer, in the layouts
 * aws-cdk-lib uses (JSON.stringify(x, undefined, 2) for manifest/assets/metadata, compact
 * for tree.json, no trailing newline), with keys in CDK's insertion order, so that
 * manifest.json and <Stack>.assets.json equal aws-cdk-lib's byte for byte under the cdk
 * hash profile (t/assembly-conformance.sh checks that against the oracle assemblies).
 *
 * Why every file goes through a temporary name first: the CDK CLI reads manifest.json
 * and follows it to the templates and asset manifests; replacing them one by one could
 * leave a manifest that points at files of another run.  Here all files are written
 * (and fsynced) under "<name>.tmp.<pid>" before the first rename, and manifest.json is
 * renamed last; a failure before that removes the temporaries and leaves the previous
 * assembly untouched.  Staged assets are named by content hash, so adding them early
 * is harmless.
 */
#include "config.h"

#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include <xxhash.h>

#include <lambdac/assembly.h>
#include <lambdac/dsl.h>
#include <lambdac/error.h>
#include <lambdac/hash.h>
#include <lambdac/json_read.h>
#include <lambdac/logical_id.h>
#include <lambdac/synth.h>
#include <lambdac/writer.h>

#include "assembly-int.h"

/* The feature-flag report rows: name, recommendedValue, explanation, unconfigured v2,
 * new-project value (JSON texts; generated from aws-cdk-lib, see the file's header). */
typedef struct flag_row {
    const char *name, *recommended, *explanation, *unconfigured, *new_project;
} flag_row_t;
static const flag_row_t flag_rows[] = {
#include "feature_flags.inc"
};

#define SCHEMA_VERSION "55.0.0"
#define MIN_CLI_VERSION "2.1148.2"
#define CONSTRUCTS_VERSION "10.8.1"
#define QUALIFIER "hnb659fds"

/* ---- small helpers --------------------------------------------------------------------- */

/* The profile's content hash of bytes: SHA-256 (cdk, as aws-cdk-lib's contentHash) or
 * XXH3-128 (native), lower-case hex. */
static void profile_hex(lc_hash_profile_t p, const void *data, size_t n, char out[65])
{
    if (p == LC_HASH_CDK) {
        lc_sha256_hex(data, n, out);
    } else {
        lc_xxh3_128_hex(data, n, out);
    }
}

static lc_value_t *s(lc_arena_t *a, const char *str)
{
    return lc_v_str(a, str);
}

static int pinned(const lc_stack_t *st)
{
    return st->account && st->region;
}

/* "${AWS::AccountId}" or the literal account, etc. */
static const char *env_account(const lc_stack_t *st)
{
    return pinned(st) ? st->account : "${AWS::AccountId}";
}

static const char *env_region(const lc_stack_t *st)
{
    return pinned(st) ? st->region : "${AWS::Region}";
}

static const char *env_name(lc_arena_t *a, const lc_stack_t *st)
{
    return pinned(st) ? lc_sprintf(a, "%s-%s", st->account, st->region)
                      : "current_account-current_region";
}

static const char *role_arn(lc_arena_t *a, const lc_stack_t *st, const char *role)
{
    return lc_sprintf(a, "arn:${AWS::Partition}:iam::%s:role/cdk-" QUALIFIER "-%s-%s-%s",
                      env_account(st), role, env_account(st), env_region(st));
}

static char *to_json(lc_arena_t *a, const lc_value_t *v, lc_json_layout_t layout, size_t *len)
{
    lc_sink_t sk = { 0 };
    if (lc_write_json(&sk, v, layout, NULL) != 0) {
        lc_sink_fini(&sk);
        return NULL;
    }
    char *out = lc_strndup(a, sk.buf ? sk.buf : "", sk.len);
    if (len)
        *len = sk.len;
    lc_sink_fini(&sk);
    return out;
}

/* The destination entry: "<env>-<first 8 hex of hash(JSON of the destination)>". */
static void add_destination(lc_app_t *app, const lc_stack_t *st, lc_value_t *dests,
                            lc_value_t *d)
{
    lc_arena_t *a = app->arena;
    size_t n = 0;
    char *json = to_json(a, d, LC_JSON_COMPACT, &n);
    char h[65];
    profile_hex(app->profile, json ? json : "", n, h);
    h[8] = 0;
    lc_obj_set(a, dests, lc_sprintf(a, "%s-%s", env_name(a, st), h), d);
}

static lc_value_t *file_destination(lc_arena_t *a, const lc_stack_t *st, const char *key)
{
    lc_value_t *d = lc_v_obj(a);
    lc_obj_set(a, d, "bucketName",
               s(a, lc_sprintf(a, "cdk-" QUALIFIER "-assets-%s-%s", env_account(st), env_region(st))));
    lc_obj_set(a, d, "objectKey", s(a, key));
    if (pinned(st))
        lc_obj_set(a, d, "region", s(a, st->region));
    lc_obj_set(a, d, "assumeRoleArn", s(a, role_arn(a, st, "file-publishing-role")));
    return d;
}

static lc_value_t *image_destination(lc_arena_t *a, const lc_stack_t *st, const char *tag)
{
    lc_value_t *d = lc_v_obj(a);
    lc_obj_set(a, d, "repositoryName",
               s(a, lc_sprintf(a, "cdk-" QUALIFIER "-container-assets-%s-%s", env_account(st),
                               env_region(st))));
    lc_obj_set(a, d, "imageTag", s(a, tag));
    if (pinned(st))
        lc_obj_set(a, d, "region", s(a, st->region));
    lc_obj_set(a, d, "assumeRoleArn", s(a, role_arn(a, st, "image-publishing-role")));
    return d;
}

/* ---- <Stack>.assets.json ------------------------------------------------------------------ */

static lc_value_t *assets_manifest(lc_app_t *app, lc_stack_t *st, const char *tmpl_hash)
{
    lc_arena_t *a = app->arena;
    lc_stack_assets_t *sa = lc__stack_assets(st);
    lc_value_t *files = lc_v_obj(a), *images = lc_v_obj(a);
    for (size_t i = 0; i < sa->nfiles; i++) {
        lc_file_asset_rec_t *r = sa->files[i];
        lc_value_t *e = lc_v_obj(a), *src = lc_v_obj(a), *dests = lc_v_obj(a);
        lc_obj_set(a, e, "displayName", s(a, r->spec.display_name));
        lc_obj_set(a, src, "path", s(a, r->staged));
        lc_obj_set(a, src, "packaging",
                   s(a, r->manifest_packaging == LC_ASSET_ZIP_DIRECTORY ? "zip" : "file"));
        lc_obj_set(a, e, "source", src);
        add_destination(app, st, dests, file_destination(a, st, r->object_key));
        lc_obj_set(a, e, "destinations", dests);
        lc_obj_set(a, files, r->spec.hash, e);
    }
    /* the template itself, last (CDK adds it when the stack is synthesized) */
    {
        lc_value_t *e = lc_v_obj(a), *src = lc_v_obj(a), *dests = lc_v_obj(a);
        lc_obj_set(a, e, "displayName", s(a, lc_sprintf(a, "%s Template", st->name)));
        lc_obj_set(a, src, "path", s(a, lc_sprintf(a, "%s.template.json", st->name)));
        lc_obj_set(a, src, "packaging", s(a, "file"));
        lc_obj_set(a, e, "source", src);
        add_destination(app, st, dests,
                        file_destination(a, st, lc_sprintf(a, "%s.json", tmpl_hash)));
        lc_obj_set(a, e, "destinations", dests);
        lc_obj_set(a, files, tmpl_hash, e);
    }
    for (size_t i = 0; i < sa->nimages; i++) {
        lc_image_asset_rec_t *r = sa->images[i];
        const lc_image_asset_spec_t *sp = &r->spec;
        lc_value_t *e = lc_v_obj(a), *src = lc_v_obj(a), *dests = lc_v_obj(a);
        lc_obj_set(a, e, "displayName", s(a, sp->display_name));
        lc_obj_set(a, src, "directory", s(a, r->staged));
        if (sp->build_args && sp->build_args->n) {
            lc_value_t *ba = lc_v_obj(a);
            for (size_t k = 0; k < sp->build_args->n; k++)
                lc_obj_set(a, ba, sp->build_args->items[k].key,
                           s(a, sp->build_args->items[k].value));
            lc_obj_set(a, src, "dockerBuildArgs", ba);
        }
        if (sp->target)
            lc_obj_set(a, src, "dockerBuildTarget", s(a, sp->target));
        if (sp->file)
            lc_obj_set(a, src, "dockerFile", s(a, sp->file));
        if (sp->network_mode)
            lc_obj_set(a, src, "networkMode", s(a, sp->network_mode));
        if (sp->platform)
            lc_obj_set(a, src, "platform", s(a, sp->platform));
        if (sp->outputs && sp->outputs->n) {
            lc_value_t *arr = lc_v_arr(a);
            for (size_t k = 0; k < sp->outputs->n; k++)
                lc_arr_push(a, arr, s(a, sp->outputs->items[k]));
            lc_obj_set(a, src, "dockerOutputs", arr);
        }
        lc_obj_set(a, e, "source", src);
        add_destination(app, st, dests, image_destination(a, st, sp->hash));
        lc_obj_set(a, e, "destinations", dests);
        lc_obj_set(a, images, sp->hash, e);
    }
    lc_value_t *m = lc_v_obj(a);
    lc_obj_set(a, m, "version", s(a, SCHEMA_VERSION));
    lc_obj_set(a, m, "files", files);
    lc_obj_set(a, m, "dockerImages", images);
    return m;
}

/* ---- manifest.json ---------------------------------------------------------------------- */

static lc_value_t *bootstrap_props(lc_arena_t *a, lc_value_t *o, int version)
{
    lc_obj_set(a, o, "requiresBootstrapStackVersion", lc_v_int(a, version));
    lc_obj_set(a, o, "bootstrapStackVersionSsmParameter",
               s(a, "/cdk-bootstrap/" QUALIFIER "/version"));
    return o;
}

static lc_value_t *parse_json(lc_arena_t *a, const char *text)
{
    char err[128];
    lc_value_t *v = lc_json_parse(a, text, strlen(text), err, sizeof err);
    return v ? v : lc_v_null(a);
}

static lc_value_t *feature_flag_report(lc_app_t *app)
{
    lc_arena_t *a = app->arena;
    struct lc_assembly_state *as = lc__assembly_state(app);
    lc_value_t *flags = lc_v_obj(a);
    for (size_t i = 0; i < sizeof flag_rows / sizeof *flag_rows; i++) {
        const flag_row_t *f = &flag_rows[i];
        lc_value_t *e = lc_v_obj(a);
        if (as->opts.new_project_flags && f->new_project)
            lc_obj_set(a, e, "userValue", parse_json(a, f->new_project));
        lc_obj_set(a, e, "recommendedValue", parse_json(a, f->recommended));
        lc_obj_set(a, e, "explanation", s(a, f->explanation));
        if (f->unconfigured) {
            lc_value_t *u = lc_v_obj(a);
            lc_obj_set(a, u, "v2", parse_json(a, f->unconfigured));
            lc_obj_set(a, e, "unconfiguredBehavesLike", u);
        }
        lc_obj_set(a, flags, f->name, e);
    }
    lc_value_t *props = lc_v_obj(a);
    lc_obj_set(a, props, "module", s(a, "aws-cdk-lib"));
    lc_obj_set(a, props, "flags", flags);
    lc_value_t *art = lc_v_obj(a);
    lc_obj_set(a, art, "type", s(a, "cdk:feature-flag-report"));
    lc_obj_set(a, art, "properties", props);
    return art;
}

static lc_value_t *manifest(lc_app_t *app, const char *const *tmpl_hashes)
{
    lc_arena_t *a = app->arena;
    lc_value_t *arts = lc_v_obj(a);
    size_t k = 0;
    for (lc_stack_t *st = app->stacks; st; st = st->next, k++) {
        const char *assets_id = lc_sprintf(a, "%s.assets", st->name);
        lc_value_t *am = lc_v_obj(a), *amp = lc_v_obj(a);
        lc_obj_set(a, am, "type", s(a, "cdk:asset-manifest"));
        lc_obj_set(a, amp, "file", s(a, lc_sprintf(a, "%s.assets.json", st->name)));
        lc_obj_set(a, am, "properties", bootstrap_props(a, amp, 6));
        lc_obj_set(a, arts, assets_id, am);

        lc_value_t *sa = lc_v_obj(a), *p = lc_v_obj(a);
        lc_obj_set(a, sa, "type", s(a, "aws:cloudformation:stack"));
        lc_obj_set(a, sa, "environment",
                   s(a, lc_sprintf(a, "aws://%s/%s", pinned(st) ? st->account : "unknown-account",
                                   pinned(st) ? st->region : "unknown-region")));
        lc_obj_set(a, p, "templateFile", s(a, lc_sprintf(a, "%s.template.json", st->name)));
        lc_obj_set(a, p, "terminationProtection", lc_v_bool(a, false));
        lc_obj_set(a, p, "validateOnSynth", lc_v_bool(a, false));
        lc_obj_set(a, p, "assumeRoleArn", s(a, role_arn(a, st, "deploy-role")));
        lc_obj_set(a, p, "cloudFormationExecutionRoleArn", s(a, role_arn(a, st, "cfn-exec-role")));
        lc_obj_set(a, p, "stackTemplateAssetObjectUrl",
                   s(a, lc_sprintf(a, "s3://cdk-" QUALIFIER "-assets-%s-%s/%s.json", env_account(st),
                                   env_region(st), tmpl_hashes[k])));
        bootstrap_props(a, p, 6);
        lc_value_t *adeps = lc_v_arr(a);
        lc_arr_push(a, adeps, s(a, assets_id));
        lc_obj_set(a, p, "additionalDependencies", adeps);
        lc_value_t *lookup = lc_v_obj(a);
        lc_obj_set(a, lookup, "arn", s(a, role_arn(a, st, "lookup-role")));
        lc_obj_set(a, p, "lookupRole", bootstrap_props(a, lookup, 8));
        lc_obj_set(a, sa, "properties", p);
        lc_value_t *deps = lc_v_arr(a);
        lc_arr_push(a, deps, s(a, assets_id));
        lc_obj_set(a, sa, "dependencies", deps);
        lc_obj_set(a, sa, "additionalMetadataFile",
                   s(a, lc_sprintf(a, "%s.metadata.json", st->name)));
        lc_obj_set(a, sa, "displayName", s(a, st->name));
        lc_obj_set(a, arts, st->name, sa);
    }
    lc_value_t *tree = lc_v_obj(a), *tp = lc_v_obj(a);
    lc_obj_set(a, tree, "type", s(a, "cdk:tree"));
    lc_obj_set(a, tp, "file", s(a, "tree.json"));
    lc_obj_set(a, tree, "properties", tp);
    lc_obj_set(a, arts, "Tree", tree);
    lc_obj_set(a, arts, "aws-cdk-lib/feature-flag-report", feature_flag_report(app));

    lc_value_t *m = lc_v_obj(a);
    lc_obj_set(a, m, "version", s(a, SCHEMA_VERSION));
    lc_obj_set(a, m, "artifacts", arts);
    lc_obj_set(a, m, "minimumCliVersion", s(a, MIN_CLI_VERSION));
    return m;
}

/* ---- <Stack>.metadata.json --------------------------------------------------------------- */

static const char *resource_id(const lc_resource_t *r)
{
    return r->override_id ? r->override_id : r->logical_id;
}

static lc_value_t *md_entry(lc_arena_t *a, const char *type, const lc_value_t *data)
{
    lc_value_t *e = lc_v_obj(a);
    lc_obj_set(a, e, "type", s(a, type));
    lc_obj_set(a, e, "data", data);
    lc_value_t *arr = lc_v_arr(a);
    lc_arr_push(a, arr, e);
    return arr;
}

/* Emit the entries of nodes at `depth` below n (aws-cdk-lib lists construct metadata
 * breadth first: level by level, each level in tree order). */
static int md_level(lc_app_t *app, lc_stack_t *st, lc_node_t *n, int depth, lc_value_t *md)
{
    lc_arena_t *a = app->arena;
    int any = 0;
    for (lc_node_t *c = n->first; c; c = c->next) {
        if (depth == 1) {
            any = 1;
            const char *id = NULL;
            if (c->res)
                id = resource_id(c->res);
            else if (c->l2_kind == LC_DECL_OUTPUT) {
                const char *comp[1] = { c->id };
                id = lc_logical_id(a, app->profile, comp, 1);
            }
            if (id)
                lc_obj_set(a, md, lc_sprintf(a, "/%s/%s", st->name, lc_node_path(c)),
                           md_entry(a, "aws:cdk:logicalId", s(a, id)));
        } else {
            any |= md_level(app, st, c, depth - 1, md);
        }
    }
    return any;
}

static lc_value_t *stack_metadata(lc_app_t *app, lc_stack_t *st)
{
    lc_arena_t *a = app->arena;
    lc_value_t *md = lc_v_obj(a);
    lc_obj_set(a, md, lc_sprintf(a, "/%s", st->name),
               md_entry(a, "aws:cdk:templateFile",
                        s(a, lc_sprintf(a, "%s.template.json", st->name))));
    for (int depth = 1;; depth++) {
        int any = md_level(app, st, st->root, depth, md);
        if (depth == 1 && app->bootstrap_rule) {
            lc_obj_set(a, md, lc_sprintf(a, "/%s/BootstrapVersion", st->name),
                       md_entry(a, "aws:cdk:logicalId", s(a, "BootstrapVersion")));
            lc_obj_set(a, md, lc_sprintf(a, "/%s/CheckBootstrapVersion", st->name),
                       md_entry(a, "aws:cdk:logicalId", s(a, "CheckBootstrapVersion")));
        }
        if (!any)
            break;
    }
    return md;
}

/* ---- tree.json --------------------------------------------------------------------------- */

/* "AWS::Lambda::Function" -> "aws-cdk-lib.aws_lambda.CfnFunction" (pre = "Cfn") or the
 * L2 guess "aws-cdk-lib.aws_lambda.Function" (pre = ""). */
static const char *fqn_of_type(lc_arena_t *a, const char *type, const char *pre)
{
    const char *p = strstr(type, "::");
    const char *q = p ? strstr(p + 2, "::") : NULL;
    if (!p || !q)
        return "aws-cdk-lib.CfnResource";
    char svc[64];
    size_t n = (size_t)(q - (p + 2));
    if (n >= sizeof svc)
        n = sizeof svc - 1;
    for (size_t i = 0; i < n; i++) {
        char c = p[2 + i];
        svc[i] = (char)(c >= 'A' && c <= 'Z' ? c - 'A' + 'a' : c);
    }
    svc[n] = 0;
    return lc_sprintf(a, "aws-cdk-lib.aws_%s.%s%s", svc, pre, q + 2);
}

static const char *node_fqn(lc_arena_t *a, const lc_node_t *n)
{
    if (n->res)
        return fqn_of_type(a, n->res->type, "Cfn");
    switch (n->l2_kind) {
    case LC_DECL_FUNCTION:
        /* a DockerImageFunction is a Function whose resource has PackageType Image */
        return n->default_child && n->default_child->res &&
                       lc_obj_get(n->default_child->res->props, "PackageType")
                   ? "aws-cdk-lib.aws_lambda.DockerImageFunction"
                   : "aws-cdk-lib.aws_lambda.Function";
    case LC_DECL_ROLE: return "aws-cdk-lib.aws_iam.Role";
    case LC_DECL_QUEUE: return "aws-cdk-lib.aws_sqs.Queue";
    case LC_DECL_TOPIC: return "aws-cdk-lib.aws_sns.Topic";
    case LC_DECL_LOG_GROUP: return "aws-cdk-lib.aws_logs.LogGroup";
    case LC_DECL_VERSION: return "aws-cdk-lib.aws_lambda.Version";
    case LC_DECL_ALIAS: return "aws-cdk-lib.aws_lambda.Alias";
    case LC_DECL_LAYER: return "aws-cdk-lib.aws_lambda.LayerVersion";
    case LC_DECL_OUTPUT: return "aws-cdk-lib.CfnOutput";
    default: break;
    }
    /* an L2 created at run time (a ServiceRole, a CurrentVersion, ...): named after the
     * resource it wraps */
    if (n->default_child && n->default_child->res)
        return fqn_of_type(a, n->default_child->res->type, "");
    return "constructs.Construct";
}

static lc_value_t *construct_info(lc_arena_t *a, const char *fqn, const char *version)
{
    lc_value_t *ci = lc_v_obj(a);
    lc_obj_set(a, ci, "fqn", s(a, fqn));
    lc_obj_set(a, ci, "version", s(a, version));
    return ci;
}

static lc_value_t *tree_leaf(lc_arena_t *a, const char *id, const char *path, const char *fqn)
{
    lc_value_t *o = lc_v_obj(a);
    lc_obj_set(a, o, "id", s(a, id));
    lc_obj_set(a, o, "path", s(a, path));
    lc_obj_set(a, o, "constructInfo", construct_info(a, fqn, LC_CDK_LIB_VERSION));
    return o;
}

/* The asset construct CDK keeps under the consumer (s3_assets.Asset "Code" with its
 * Stage and AssetBucket, or ecr_assets.DockerImageAsset "AssetImage" with Staging and
 * Repository); lambdac has no node for it, so it is drawn here. */
static lc_value_t *virtual_asset(lc_arena_t *a, const char *owner_path, int image)
{
    const char *id = image ? "AssetImage" : "Code";
    const char *path = lc_sprintf(a, "%s/%s", owner_path, id);
    lc_value_t *o = tree_leaf(a, id, path, image ? "aws-cdk-lib.aws_ecr_assets.DockerImageAsset"
                                                 : "aws-cdk-lib.aws_s3_assets.Asset");
    lc_value_t *ch = lc_v_obj(a);
    const char *c1 = image ? "Staging" : "Stage", *c2 = image ? "Repository" : "AssetBucket";
    lc_obj_set(a, ch, c1, tree_leaf(a, c1, lc_sprintf(a, "%s/%s", path, c1),
                                    "aws-cdk-lib.AssetStaging"));
    lc_obj_set(a, ch, c2, tree_leaf(a, c2, lc_sprintf(a, "%s/%s", path, c2),
                                    image ? "aws-cdk-lib.aws_ecr.RepositoryBase"
                                          : "aws-cdk-lib.aws_s3.BucketBase"));
    lc_obj_set(a, o, "children", ch);
    return o;
}

static lc_value_t *tree_node(lc_app_t *app, lc_stack_t *st, lc_node_t *n)
{
    lc_arena_t *a = app->arena;
    const char *path = lc_sprintf(a, "%s/%s", st->name, lc_node_path(n));
    lc_value_t *o = tree_leaf(a, n->id, path, node_fqn(a, n));
    if (n->first) {
        lc_stack_assets_t *sa = lc__stack_assets(st);
        lc_value_t *ch = lc_v_obj(a);
        for (lc_node_t *c = n->first; c; c = c->next) {
            if (c == n->default_child)      /* the asset is bound just before "Resource" */
                for (size_t i = 0; i < sa->nvirt; i++)
                    if (sa->virt[i].owner == n)
                        lc_obj_set(a, ch, sa->virt[i].image ? "AssetImage" : "Code",
                                   virtual_asset(a, path, sa->virt[i].image));
            lc_obj_set(a, ch, c->id, tree_node(app, st, c));
        }
        lc_obj_set(a, o, "children", ch);
    }
    if (n->res) {
        lc_value_t *at = lc_v_obj(a);
        lc_obj_set(a, at, "aws:cdk:cloudformation:type", s(a, n->res->type));
        lc_obj_set(a, at, "aws:cdk:cloudformation:logicalId", s(a, resource_id(n->res)));
        lc_obj_set(a, o, "attributes", at);
    }
    return o;
}

static lc_value_t *tree(lc_app_t *app)
{
    lc_arena_t *a = app->arena;
    lc_value_t *stacks = lc_v_obj(a);
    for (lc_stack_t *st = app->stacks; st; st = st->next) {
        lc_value_t *so = tree_leaf(a, st->name, st->name, "aws-cdk-lib.Stack");
        lc_value_t *ch = lc_v_obj(a);
        for (lc_node_t *c = st->root->first; c; c = c->next)
            lc_obj_set(a, ch, c->id, tree_node(app, st, c));
        if (app->bootstrap_rule) {
            lc_obj_set(a, ch, "BootstrapVersion",
                       tree_leaf(a, "BootstrapVersion",
                                 lc_sprintf(a, "%s/BootstrapVersion", st->name),
                                 "aws-cdk-lib.CfnParameter"));
            lc_obj_set(a, ch, "CheckBootstrapVersion",
                       tree_leaf(a, "CheckBootstrapVersion",
                                 lc_sprintf(a, "%s/CheckBootstrapVersion", st->name),
                                 "aws-cdk-lib.CfnRule"));
        }
        if (ch->u.obj.n)
            lc_obj_set(a, so, "children", ch);
        lc_obj_set(a, stacks, st->name, so);
    }
    lc_value_t *t = lc_v_obj(a);
    lc_value_t *treenode = lc_v_obj(a);
    lc_obj_set(a, treenode, "id", s(a, "Tree"));
    lc_obj_set(a, treenode, "path", s(a, "Tree"));
    lc_obj_set(a, treenode, "constructInfo",
               construct_info(a, "constructs.Construct", CONSTRUCTS_VERSION));
    lc_obj_set(a, stacks, "Tree", treenode);
    lc_value_t *app_node = lc_v_obj(a);
    lc_obj_set(a, app_node, "id", s(a, "App"));
    lc_obj_set(a, app_node, "path", s(a, ""));
    lc_obj_set(a, app_node, "constructInfo",
               construct_info(a, "aws-cdk-lib.App", LC_CDK_LIB_VERSION));
    lc_obj_set(a, app_node, "children", stacks);
    lc_obj_set(a, t, "version", s(a, "tree-0.1"));
    lc_obj_set(a, t, "tree", app_node);
    return t;
}

/* ---- writing: temporaries first, then renames ---------------------------------------------- */

typedef struct pending {
    char *final;
    char *tmp;
} pending_t;

static int write_tmp(lc_app_t *app, pending_t *p, const char *data, size_t n)
{
    int fd = open(p->tmp, O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0666);
    if (fd < 0) {
        fprintf(stderr, "%s: cannot create %s: %s\n", app->argv0, p->tmp, strerror(errno));
        return LC_E_IO;
    }
    size_t off = 0;
    while (off < n) {
        ssize_t w = write(fd, data + off, n - off);
        if (w < 0 && errno == EINTR)
            continue;
        if (w < 0) {
            fprintf(stderr, "%s: cannot write %s: %s\n", app->argv0, p->tmp, strerror(errno));
            close(fd);
            return LC_E_IO;
        }
        off += (size_t)w;
    }
    if (fsync(fd) != 0 || close(fd) != 0) {
        fprintf(stderr, "%s: cannot write %s: %s\n", app->argv0, p->tmp, strerror(errno));
        return LC_E_IO;
    }
    return 0;
}

int lc_assembly_write(lc_app_t *app, const lc_sink_t *templates)
{
    lc_arena_t *a = app->arena;
    const char *dir = app->outdir;
    if (!app->argv0)
        app->argv0 = "lambdac";
    if (!dir)
        return LC_E_INVAL;
    if (mkdir(dir, 0777) != 0 && errno != EEXIST) {
        fprintf(stderr, "%s: cannot create %s: %s\n", app->argv0, dir, strerror(errno));
        return LC_E_IO;
    }
    struct stat sb;
    if (stat(dir, &sb) != 0 || !S_ISDIR(sb.st_mode)) {
        fprintf(stderr, "%s: %s is not a directory\n", app->argv0, dir);
        return LC_E_IO;
    }

    /* 1. assets (new names only: harmless if a later step fails) */
    int rc = lc__stage_assets(app);
    if (rc)
        return rc;

    /* 2. every file under a temporary name */
    size_t nst = 0;
    for (lc_stack_t *st = app->stacks; st; st = st->next)
        nst++;
    const char **hashes = lc_xalloc(a, (nst ? nst : 1) * sizeof *hashes);
    size_t cap = 3 * nst + 4, np = 0;
    pending_t *pend = lc_xalloc(a, cap * sizeof *pend);
    long pid = (long)getpid();
#define PEND(name) \
    (pend[np].final = lc_sprintf(a, "%s/%s", dir, (name)), \
     pend[np].tmp = lc_sprintf(a, "%s/%s.tmp.%ld", dir, (name), pid), &pend[np++])

    size_t k = 0;
    for (lc_stack_t *st = app->stacks; st && !rc; st = st->next, k++) {
        const lc_sink_t *t = &templates[k];
        char h[65];
        profile_hex(app->profile, t->buf ? t->buf : "", t->len, h);
        hashes[k] = lc_strdup(a, h);
        rc = write_tmp(app, PEND(lc_sprintf(a, "%s.template.json", st->name)),
                       t->buf ? t->buf : "", t->len);
        size_t n = 0;
        char *json;
        if (!rc) {
            json = to_json(a, assets_manifest(app, st, hashes[k]), LC_JSON_INDENT2, &n);
            rc = json ? write_tmp(app, PEND(lc_sprintf(a, "%s.assets.json", st->name)), json, n)
                      : LC_E_UTF8;
        }
        if (!rc) {
            json = to_json(a, stack_metadata(app, st), LC_JSON_INDENT2, &n);
            rc = json ? write_tmp(app, PEND(lc_sprintf(a, "%s.metadata.json", st->name)), json, n)
                      : LC_E_UTF8;
        }
    }
    if (!rc) {
        size_t n = 0;
        char *json = to_json(a, tree(app), LC_JSON_COMPACT, &n);
        rc = json ? write_tmp(app, PEND("tree.json"), json, n) : LC_E_UTF8;
    }
    if (!rc) {
        static const char marker[] = "{\"version\":\"" SCHEMA_VERSION "\"}";
        rc = write_tmp(app, PEND("cdk.out"), marker, sizeof marker - 1);
    }
    if (!rc) {
        size_t n = 0;
        char *json = to_json(a, manifest(app, hashes), LC_JSON_INDENT2, &n);
        rc = json ? write_tmp(app, PEND("manifest.json"), json, n) : LC_E_UTF8;
    }
#undef PEND
    if (rc) {
        if (rc == LC_E_UTF8)
            fprintf(stderr, "%s: invalid UTF-8 in a name of the assembly\n", app->argv0);
        for (size_t i = 0; i < np; i++)
            unlink(pend[i].tmp);
        return rc;
    }

    /* a final name taken by a directory would make a rename below fail halfway:
     * refuse before the first one */
    for (size_t i = 0; !rc && i < np; i++) {
        struct stat fs;
        if (lstat(pend[i].final, &fs) == 0 && S_ISDIR(fs.st_mode)) {
            fprintf(stderr, "%s: cannot replace %s: it is a directory\n", app->argv0,
                    pend[i].final);
            rc = LC_E_IO;
        }
    }
    if (rc) {
        for (size_t i = 0; i < np; i++)
            unlink(pend[i].tmp);
        return rc;
    }

    /* 3. switch: in order, manifest.json (the last pending file) last */
    for (size_t i = 0; i < np; i++) {
        if (rename(pend[i].tmp, pend[i].final) != 0) {
            fprintf(stderr, "%s: cannot rename %s to %s: %s\n", app->argv0, pend[i].tmp,
                    pend[i].final, strerror(errno));
            for (size_t j = i; j < np; j++)
                unlink(pend[j].tmp);
            return LC_E_IO;
        }
    }

    /* 4. the asset cache: best effort (a lost cache only costs a re-read) */
    struct lc_assembly_state *as = lc__assembly_state(app);
    lc_sink_t cs = { 0 };
    lc__cache_serialize(as, &cs);
    const char *cpath = lc_sprintf(a, "%s/%s", dir, LC_ASSET_CACHE_FILE);
    const char *ctmp = lc_sprintf(a, "%s.tmp.%ld", cpath, pid);
    pending_t cp = { (char *)cpath, (char *)ctmp };
    if (write_tmp(app, &cp, cs.buf ? cs.buf : "", cs.len) == 0)
        rename(ctmp, cpath);
    else
        unlink(ctmp);
    lc_sink_fini(&cs);
    return 0;
}

void lc_assembly_report(lc_app_t *app, FILE *f)
{
    struct lc_assembly_state *as = lc__assembly_state(app);
    fprintf(f, "%s: assets: %u fingerprinted, %u from the cache; %u staged, %u already staged, "
               "%u zipped\n", app->argv0 ? app->argv0 : "lambdac", as->stats.fingerprinted,
            as->stats.cached, as->stats.staged, as->stats.present, as->stats.zipped);
}
