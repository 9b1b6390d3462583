/* docker.c - DockerImageFunction, DockerImageCode (fromImageAsset, fromEcr) and
 * ecr.Repository, as aws-cdk-lib 2.276.0 renders them.
 *
 * A DockerImageFunction is expanded as a Function (function.c does the role, policies,
 * versions, ...) whose runtime and handler are FROM_IMAGE; afterwards the resource is
 * finished the way CDK's Function constructor treats Runtime.FROM_IMAGE: no Handler,
 * PackageType Image, ImageConfig from the code's cmd / entrypoint / workingDirectory.
 *
 * fromImageAsset follows CDK's DockerImageAsset: the exclude list is the directory's
 * .dockerignore lines, then the user's patterns, then "!.dockerignore", then
 * "!<Dockerfile>" and the output directory; the ignore mode defaults to Docker's; the
 * asset hash is the directory fingerprint with `extraHash` = JSON of the build options
 * that invalidate the image (user extra hash, build args, target, file, network mode,
 * platform, outputs) plus "version":"1.21.0", in that key order.  Nothing is built at
 * synthesis (no Docker needed): the image asset goes into <Stack>.assets.json and the
 * image URI points at the bootstrap repository with the hash as tag.
 *
 * fromEcr grants the Lambda service principal pull access on the repository (a
 * statement in a repository we create; nothing for an imported one, where CDK's grant
 * finds no policy to change) and builds the URI from the repository ARN the way CDK's
 * repositoryUriForTagOrDigest does.
 */
#include "config.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include <lambdac/assembly.h>
#include <lambdac/asset.h>
#include <lambdac/docker.h>
#include <lambdac/lambda.h>
#include <lambdac/synth.h>

#include "access-internal.h"
#include "internal.h"

/* ---- ecr.Repository --------------------------------------------------------------- */

typedef struct ecr_state {
    const lc_ecr_repository_t *decl;
    lc_resource_t *res;          /* NULL for an imported repository */
    int pull_granted;            /* the Lambda pull statement is in the policy */
} ecr_state_t;

/* The repository policy is a policy document like any other: under
 * @aws-cdk/aws-iam:minimizePolicies it is minimized (actions sorted) when rendered. */
static void repository_prepare(lc_resource_t *r, void *ctx)
{
    const lc_value_t *doc = lc_obj_get(r->props, "RepositoryPolicyText");
    if (doc)
        lc_policy_document_minimize(ctx, doc);
}

lc_node_t *lc_ecr_repository_expand(lc_stack_t *st, lc_node_t *scope, const lc_decl_t *d)
{
    const lc_ecr_repository_t *rd = (const lc_ecr_repository_t *)d;
    lc_arena_t *a = st->app->arena;
    lc_node_t *n = lc_decl_new_node(st, scope, d);
    if (!n)
        return NULL;
    ecr_state_t *es = lc_xalloc(a, sizeof *es);
    es->decl = rd;
    n->l2 = es;
    if (rd->imported) {
        if (!rd->repository_name || !*rd->repository_name)
            lc_error(st->app, n, "RepositoryNameRequired",
                     "Repository.fromRepositoryName needs a repository name");
        return n;
    }
    lc_resource_t *r = lc_resource_new(n, "Resource", "AWS::ECR::Repository");
    if (!r)
        return n;
    es->res = r;
    r->prepare = repository_prepare;
    r->prepare_ctx = st;
    r->prepare_order = 20;      /* after the logical ids it sorts by (access-internal.h) */
    if (rd->repository_name)
        lc_obj_set(a, r->props, "RepositoryName", lc_v_str(a, rd->repository_name));
    lc_resource_set_removal_policy(r, rd->removal_policy, LC_REMOVAL_RETAIN);
    lc_stack_use_section(st, "Resources");
    return n;
}

/* repository.grantPull(new ServicePrincipal('lambda.amazonaws.com')) */
static void grant_pull(lc_stack_t *st, ecr_state_t *es)
{
    if (!es->res || es->pull_granted)
        return;     /* imported: CDK's grant has no resource policy to add to */
    lc_arena_t *a = st->app->arena;
    es->pull_granted = 1;
    lc_value_t *actions = lc_v_arr(a);
    lc_arr_push(a, actions, lc_v_str(a, "ecr:BatchCheckLayerAvailability"));
    lc_arr_push(a, actions, lc_v_str(a, "ecr:GetDownloadUrlForLayer"));
    lc_arr_push(a, actions, lc_v_str(a, "ecr:BatchGetImage"));
    lc_value_t *principal = lc_v_obj(a);
    lc_obj_set(a, principal, "Service", lc_v_str(a, "lambda.amazonaws.com"));
    lc_value_t *stmt = lc_v_obj(a);
    lc_obj_set(a, stmt, "Action", actions);
    lc_obj_set(a, stmt, "Effect", lc_v_str(a, "Allow"));
    lc_obj_set(a, stmt, "Principal", principal);
    lc_value_t *stmts = lc_v_arr(a);
    lc_arr_push(a, stmts, stmt);
    lc_value_t *doc = lc_v_obj(a);
    lc_obj_set(a, doc, "Statement", stmts);
    lc_obj_set(a, doc, "Version", lc_v_str(a, "2012-10-17"));
    lc_obj_set(a, es->res->props, "RepositoryPolicyText", doc);
}

/* ":<tag>" or "@<digest>" (CDK: a value starting with "sha256:" is a digest). */
static const char *tag_suffix(lc_arena_t *a, const char *t)
{
    return lc_sprintf(a, "%s%s", strncmp(t, "sha256:", 7) == 0 ? "@" : ":", t);
}

static lc_value_t *select_arn_part(lc_stack_t *st, lc_node_t *repo, int idx)
{
    lc_arena_t *a = st->app->arena;
    lc_value_t *split_args = lc_v_arr(a);
    lc_arr_push(a, split_args, lc_v_str(a, ":"));
    lc_arr_push(a, split_args, lc_getatt(st->app, repo, "Arn"));
    lc_value_t *sel = lc_v_arr(a);
    lc_arr_push(a, sel, lc_v_int(a, idx));
    lc_arr_push(a, sel, lc_fn(a, "Fn::Split", split_args));
    return lc_fn(a, "Fn::Select", sel);
}

/* repository.repositoryUriForTagOrDigest(tagOrDigest) */
static lc_value_t *repository_uri(lc_stack_t *st, lc_node_t *repo, const char *tag)
{
    lc_arena_t *a = st->app->arena;
    ecr_state_t *es = repo->l2;
    const char *suffix = tag_suffix(a, tag);
    lc_value_t *parts = lc_v_arr(a);
    if (es->res) {
        /* a repository of the stack: account and region parsed out of its ARN */
        lc_arr_push(a, parts, select_arn_part(st, repo, 4));
        lc_arr_push(a, parts, lc_v_str(a, ".dkr.ecr."));
        lc_arr_push(a, parts, select_arn_part(st, repo, 3));
        lc_arr_push(a, parts, lc_v_str(a, "."));
        lc_arr_push(a, parts, lc_v_refname(a, "AWS::URLSuffix"));
        lc_arr_push(a, parts, lc_v_str(a, "/"));
        lc_arr_push(a, parts, lc_ref(st->app, repo));
        lc_arr_push(a, parts, lc_v_str(a, suffix));
    } else if (st->account && st->region) {
        lc_arr_push(a, parts, lc_v_strfmt(a, "%s.dkr.ecr.%s.", st->account, st->region));
        lc_arr_push(a, parts, lc_v_refname(a, "AWS::URLSuffix"));
        lc_arr_push(a, parts, lc_v_strfmt(a, "/%s%s", es->decl->repository_name, suffix));
    } else {
        lc_arr_push(a, parts, lc_v_refname(a, "AWS::AccountId"));
        lc_arr_push(a, parts, lc_v_str(a, ".dkr.ecr."));
        lc_arr_push(a, parts, lc_v_refname(a, "AWS::Region"));
        lc_arr_push(a, parts, lc_v_str(a, "."));
        lc_arr_push(a, parts, lc_v_refname(a, "AWS::URLSuffix"));
        lc_arr_push(a, parts, lc_v_strfmt(a, "/%s%s", es->decl->repository_name, suffix));
    }
    return lc_fn_join(a, "", parts);
}

/* ---- image assets ------------------------------------------------------------------ */

static int is_docker_function(const lc_node_t *n)
{
    return n && n->decl && n->decl->expand == lc_docker_image_function_expand;
}

/* Architecture.dockerPlatform of the function, or NULL when none was given. */
static const char *function_platform(const lc_node_t *n)
{
    const lc_function_t *fd = (const lc_function_t *)n->decl;
    lc_architecture_t arch = fd->p.architecture;
    if (!arch && fd->p.narchitectures)
        arch = fd->p.architectures[0];
    if (arch == LC_ARCH_ARM_64)
        return "linux/arm64";
    if (arch == LC_ARCH_X86_64)
        return "linux/amd64";
    return NULL;
}

/* .dockerignore lines (CDK: split on '\n', empty lines dropped, nothing trimmed). */
static void read_dockerignore(lc_arena_t *a, const char *path, const char ***v, size_t *n,
                              size_t *cap)
{
    FILE *f = fopen(path, "rb");
    if (!f)
        return;
    lc_sink_t sk = { 0 };
    char buf[4096];
    size_t r;
    while ((r = fread(buf, 1, sizeof buf, f)) > 0)
        lc_sink_put(&sk, buf, r);
    fclose(f);
    const char *text = lc_sink_cstr(&sk);
    const char *p = text ? text : "";
    while (*p) {
        const char *nl = strchr(p, '\n');
        size_t len = nl ? (size_t)(nl - p) : strlen(p);
        if (len) {
            if (*n == *cap) {
                size_t nc = *cap ? *cap * 2 : 16;
                const char **g = lc_xalloc(a, nc * sizeof *g);
                if (*n)
                    memcpy(g, *v, *n * sizeof *g);
                *v = g;
                *cap = nc;
            }
            (*v)[(*n)++] = lc_strndup(a, p, len);
        }
        p += len + (nl ? 1 : 0);
    }
    lc_sink_fini(&sk);
}

static void push_str(lc_arena_t *a, const char ***v, size_t *n, size_t *cap, const char *s)
{
    if (*n == *cap) {
        size_t nc = *cap ? *cap * 2 : 16;
        const char **g = lc_xalloc(a, nc * sizeof *g);
        if (*n)
            memcpy(g, *v, *n * sizeof *g);
        *v = g;
        *cap = nc;
    }
    (*v)[(*n)++] = s;
}

/* CDK's extraHash object for DockerImageAsset, as JSON (JSON.stringify order). */
static const char *image_extra_hash(lc_arena_t *a, const lc_image_code_t *img,
                                    const char *platform)
{
    lc_value_t *o = lc_v_obj(a);
    if (img->extra_hash && *img->extra_hash)
        lc_obj_set(a, o, "user", lc_v_str(a, img->extra_hash));
    if (img->build_args.n) {
        lc_value_t *ba = lc_v_obj(a);
        for (size_t i = 0; i < img->build_args.n; i++)
            lc_obj_set(a, ba, img->build_args.items[i].key,
                       lc_v_str(a, img->build_args.items[i].value));
        lc_obj_set(a, o, "buildArgs", ba);
    }
    if (img->target && *img->target)
        lc_obj_set(a, o, "target", lc_v_str(a, img->target));
    if (img->file && *img->file)
        lc_obj_set(a, o, "file", lc_v_str(a, img->file));
    if (img->network_mode && *img->network_mode) {
        lc_value_t *nm = lc_v_obj(a);     /* a NetworkMode object: {mode} */
        lc_obj_set(a, nm, "mode", lc_v_str(a, img->network_mode));
        lc_obj_set(a, o, "networkMode", nm);
    }
    if (platform) {
        lc_value_t *pl = lc_v_obj(a);     /* a Platform object: {platform} */
        lc_obj_set(a, pl, "platform", lc_v_str(a, platform));
        lc_obj_set(a, o, "platform", pl);
    }
    if (img->outputs.n) {
        lc_value_t *arr = lc_v_arr(a);
        for (size_t i = 0; i < img->outputs.n; i++)
            lc_arr_push(a, arr, lc_v_str(a, img->outputs.items[i]));
        lc_obj_set(a, o, "outputs", arr);
    }
    lc_obj_set(a, o, "version", lc_v_str(a, "1.21.0"));
    lc_sink_t sk = { 0 };
    lc_write_json(&sk, o, LC_JSON_COMPACT, NULL);
    const char *s = lc_strdup(a, lc_sink_cstr(&sk) ? lc_sink_cstr(&sk) : "");
    lc_sink_fini(&sk);
    return s;
}

static lc_value_t *asset_image_uri(lc_stack_t *st, lc_node_t *n, const lc_code_t *c)
{
    lc_app_t *app = st->app;
    lc_arena_t *a = app->arena;
    const lc_image_code_t *img = c->image;
    const char *dir = c->text;
    if (!dir || !*dir) {
        lc_error(app, n, "ImageDirectoryRequired", "an image asset needs a directory");
        return NULL;
    }
    struct stat sb;
    if (stat(dir, &sb) != 0 || !S_ISDIR(sb.st_mode)) {
        char cwd[4096];
        lc_error(app, n, "CannotFindImageDirectory", "Cannot find image directory at %s%s%s",
                 dir[0] == '/' || !getcwd(cwd, sizeof cwd) ? "" : cwd,
                 dir[0] == '/' ? "" : "/", dir);
        return NULL;
    }
    const char *file = img->file && *img->file ? img->file : "Dockerfile";
    const char *dockerfile = lc_sprintf(a, "%s/%s", dir, file);
    if (stat(dockerfile, &sb) != 0) {
        lc_error(app, n, "CannotFindFile", "Cannot find file at %s", dockerfile);
        return NULL;
    }
    const char *platform = img->platform ? img->platform : function_platform(n);

    /* the exclude list, as DockerImageAsset builds it */
    const char **ex = NULL;
    size_t nex = 0, capex = 0;
    const char *ignore = lc_sprintf(a, "%s/.dockerignore", dir);
    int has_ignore = stat(ignore, &sb) == 0;
    if (has_ignore)
        read_dockerignore(a, ignore, &ex, &nex, &capex);
    for (size_t i = 0; i < img->exclude.n; i++)
        push_str(a, &ex, &nex, &capex, img->exclude.items[i]);
    if (has_ignore)
        push_str(a, &ex, &nex, &capex, "!.dockerignore");
    const char *base = strrchr(file, '/');
    push_str(a, &ex, &nex, &capex, lc_sprintf(a, "!%s", base ? base + 1 : file));
    /* Stage.outdir: CDK's is absolute (a temporary directory without one) */
    const char *outdir = "cdk.out";
    if (app->outdir) {
        char cwd[4096];
        outdir = app->outdir[0] == '/' || !getcwd(cwd, sizeof cwd)
                     ? app->outdir : lc_sprintf(a, "%s/%s", cwd, app->outdir);
    }
    push_str(a, &ex, &nex, &capex, outdir);

    lc_asset_options_t *opt = lc_xalloc(a, sizeof *opt);
    opt->exclude.items = ex;
    opt->exclude.n = nex;
    opt->ignore_mode = img->ignore_mode == LC_IMAGE_IGNORE_GLOB ? LC_IGNORE_GLOB
                     : img->ignore_mode == LC_IMAGE_IGNORE_GIT ? LC_IGNORE_GIT : LC_IGNORE_DOCKER;
    opt->follow = img->follow;
    opt->extra_hash = image_extra_hash(a, img, platform);

    char hash[65], err[512];
    if (lc_asset_fingerprint_cached(app, dir, opt, hash, err, sizeof err) != 0) {
        lc_error(app, n, "AssetFingerprint", "cannot fingerprint image asset '%s': %s", dir, err);
        return NULL;
    }
    lc_image_asset_spec_t spec = {
        .directory = dir, .hash = hash,
        .display_name = lc_sprintf(a, "%s/AssetImage", lc_node_path(n)),
        .file = img->file && *img->file ? img->file : NULL,
        .build_args = &img->build_args, .target = img->target, .platform = platform,
        .network_mode = img->network_mode, .outputs = &img->outputs, .copy = opt,
    };
    lc_stack_add_image_asset(st, &spec, lc_node_resource(n), "Code.ImageUri");
    if (st->account && st->region)
        return lc_fn_sub(a, lc_sprintf(a, "%s.dkr.ecr.%s.${AWS::URLSuffix}/cdk-hnb659fds-"
                                          "container-assets-%s-%s:%s",
                                       st->account, st->region, st->account, st->region, hash));
    return lc_fn_sub(a, lc_sprintf(a, "${AWS::AccountId}.dkr.ecr.${AWS::Region}.${AWS::URLSuffix}"
                                      "/cdk-hnb659fds-container-assets-${AWS::AccountId}-"
                                      "${AWS::Region}:%s", hash));
}

lc_value_t *lc__image_code_value(lc_stack_t *st, lc_node_t *n, const lc_code_t *c,
                                 const char *what)
{
    lc_app_t *app = st->app;
    lc_arena_t *a = app->arena;
    lc_value_t *o = lc_v_obj(a);
    if (strcmp(what, "Code") != 0 || !is_docker_function(n)) {
        lc_error(app, n, "DockerImageCodeRequiresDockerImageFunction",
                 "DockerImageCode can only be the code of a DockerImageFunction "
                 "(LC_DOCKER_IMAGE_FUNCTION)");
        return o;
    }
    if (!c->image) {
        lc_error(app, n, "ImageCodeOptionsMissing",
                 "image code without options: use LC_DOCKER_IMAGE_FROM_ASSET or "
                 "LC_DOCKER_IMAGE_FROM_ECR");
        return o;
    }
    lc_value_t *uri = NULL;
    if (c->kind == LC_CODE_ECR_IMAGE) {
        lc_node_t *repo = c->image->repository ? lc_expand(st, c->image->repository) : NULL;
        if (!repo || repo->l2_kind != LC_DECL_ECR_REPOSITORY) {
            if (repo || !c->image->repository)
                lc_error(app, n, "EcrRepositoryRequired",
                         "DockerImageCode.fromEcr needs an ECR repository (LC_ECR_REPOSITORY)");
            return o;
        }
        grant_pull(st, repo->l2);
        const char *t = c->image->tag_or_digest ? c->image->tag_or_digest
                      : c->image->tag ? c->image->tag : "latest";
        if (c->image->tag && !c->image->tag_or_digest)
            lc_warning(app, n, "EcrImageCodePropsTagDeprecated",
                       "aws-cdk-lib.aws_lambda.EcrImageCodeProps#tag is deprecated: use "
                       "tag_or_digest");
        uri = repository_uri(st, repo, t);
    } else {
        uri = asset_image_uri(st, n, c);
    }
    if (uri)
        lc_obj_set(a, o, "ImageUri", uri);
    return o;
}

/* ---- DockerImageFunction ----------------------------------------------------------- */

static lc_value_t *str_array(lc_arena_t *a, const lc_str_list_t *l)
{
    lc_value_t *arr = lc_v_arr(a);
    for (size_t i = 0; i < l->n; i++)
        lc_arr_push(a, arr, lc_v_str(a, l->items[i]));
    return arr;
}

lc_node_t *lc_docker_image_function_expand(lc_stack_t *st, lc_node_t *scope, const lc_decl_t *d)
{
    const lc_function_t *fd = (const lc_function_t *)d;
    lc_app_t *app = st->app;
    lc_arena_t *a = app->arena;
    int kind = fd->p.code.kind;
    if (kind != LC_CODE_IMAGE_ASSET && kind != LC_CODE_ECR_IMAGE) {
        lc_error_at(app, d->loc, d->id, "DockerImageCodeRequired",
                    "DockerImageFunction requires 'code' from LC_DOCKER_IMAGE_FROM_ASSET or "
                    "LC_DOCKER_IMAGE_FROM_ECR");
        return NULL;
    }
    lc_node_t *n = lc_function_create(st, scope, d->id, fd);
    lc_function_state_t *fs = lc_function_state(n);
    lc_resource_t *r = fs ? lc_function_resource(fs) : NULL;
    if (!r)
        return n;
    /* Function with Runtime.FROM_IMAGE / Handler.FROM_IMAGE */
    lc_obj_del(r->props, "Handler");
    lc_obj_set(a, r->props, "PackageType", lc_v_str(a, "Image"));
    const lc_image_code_t *img = fd->p.code.image;
    if (img && (img->cmd.n || img->entrypoint.n || img->working_directory)) {
        lc_value_t *ic = lc_v_obj(a);
        if (img->cmd.n)
            lc_obj_set(a, ic, "Command", str_array(a, &img->cmd));
        if (img->entrypoint.n)
            lc_obj_set(a, ic, "EntryPoint", str_array(a, &img->entrypoint));
        if (img->working_directory)
            lc_obj_set(a, ic, "WorkingDirectory", lc_v_str(a, img->working_directory));
        lc_obj_set(a, r->props, "ImageConfig", ic);
    }
    return n;
}
