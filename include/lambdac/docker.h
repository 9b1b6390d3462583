/* lambdac/docker.h - container image functions: DockerImageFunction, DockerImageCode and
 * the ECR repositories they pull from.
 *
 *     LC_DOCKER_IMAGE_FUNCTION(AssetFunction,
 *         .code = LC_DOCKER_IMAGE_FROM_ASSET("docker-handler", .cmd = LC_STRS("index.handler")),
 *         .architecture = LC_ARCH_ARM_64);
 *
 *     LC_ECR_REPOSITORY(Repository);
 *     LC_DOCKER_IMAGE_FUNCTION(EcrFunction,
 *         .code = LC_DOCKER_IMAGE_FROM_ECR(Repository, .tag_or_digest = "v1.2.3"));
 *
 * A DockerImageFunction is a Function (lc_function_t, so LC_CURRENT_VERSION, aliases and
 * everything else that takes a function take it) whose runtime and handler are
 * FROM_IMAGE: its AWS::Lambda::Function has PackageType Image, no Handler/Runtime, Code
 * {ImageUri} and ImageConfig {Command, EntryPoint, WorkingDirectory}.  The first macro
 * above expands (one layer) to
 *
 *     static const lc_function_t AssetFunction = {
 *         .h = { LC_DECL_MAGIC, LC_DECL_FUNCTION, "AssetFunction", { __FILE__, __LINE__ },
 *                lc_docker_image_function_expand },
 *         .p = { .runtime = LC_RUNTIME_FROM_IMAGE, .handler = "FROM_IMAGE",
 *                .code = ((lc_code_t){ .kind = LC_CODE_IMAGE_ASSET, .text = ("docker-handler"),
 *                          .image = &(const lc_image_code_t){ .lc__set = 1,
 *                                                             .cmd = LC_STRS("index.handler") } }),
 *                .architecture = LC_ARCH_ARM_64 } };
 *
 * Image assets (DockerImageCode.fromImageAsset) need no Docker at synthesis, as in CDK:
 * the build context is fingerprinted (its hash, with CDK's extraHash of the build
 * options, is the image tag), copied to asset.<hash>/ and listed in the stack's
 * dockerImages; `cdk deploy` / cdk-assets build and push it.  The architecture's
 * platform (linux/amd64, linux/arm64) is passed to the build as CDK does.
 */
#ifndef LAMBDAC_DOCKER_H
#define LAMBDAC_DOCKER_H

#include <lambdac/dsl.h>
#include <lambdac/lambda.h>

#ifdef __cplusplus
extern "C" {
#endif

/* ---- ECR repositories ------------------------------------------------------------- */
#define LC_DECL_ECR_REPOSITORY (LC_DECL__USER + 40)

typedef struct lc_ecr_repository {
    lc_decl_t h;
    int imported;                   /* Repository.fromRepositoryName */
    const char *repository_name;    /* physical name (optional for a new repository) */
    lc_removal_policy_t removal_policy;   /* default RETAIN, as CDK's Repository */
} lc_ecr_repository_t;

lc_node_t *lc_ecr_repository_expand(lc_stack_t *st, lc_node_t *scope, const lc_decl_t *d);

/* new ecr.Repository(scope, id, {repositoryName, removalPolicy}) */
#define LC_ECR_REPOSITORY(name, ...) \
    static const lc_ecr_repository_t name = { \
        .h = LC__DECL_HDR(LC_DECL_ECR_REPOSITORY, #name, lc_ecr_repository_expand), \
        .imported = 0, __VA_ARGS__ }
/* ecr.Repository.fromRepositoryName(scope, id, repositoryName) */
#define LC_ECR_REPOSITORY_FROM_NAME(name, repo_name) \
    static const lc_ecr_repository_t name = { \
        .h = LC__DECL_HDR(LC_DECL_ECR_REPOSITORY, #name, lc_ecr_repository_expand), \
        .imported = 1, .repository_name = (repo_name) }

/* ---- DockerImageCode --------------------------------------------------------------- */
/* Ignore modes of an image asset: CDK's default for images is the Docker mode
 * (@aws-cdk/aws-ecr-assets:dockerIgnoreSupport, on in v2). */
enum { LC_IMAGE_IGNORE_DOCKER = 0, LC_IMAGE_IGNORE_GLOB, LC_IMAGE_IGNORE_GIT };

typedef struct lc_image_code {
    int lc__set;                    /* always 1 (keeps the initializer non-empty) */
    /* both kinds: ImageConfig */
    lc_str_list_t cmd;
    lc_str_list_t entrypoint;
    const char *working_directory;
    /* fromEcr */
    const lc_ecr_repository_t *repository;
    const char *tag_or_digest;      /* default "latest"; "sha256:..." is a digest */
    const char *tag;                /* deprecated spelling of tag_or_digest */
    /* fromImageAsset (DockerImageAssetOptions) */
    lc_kv_list_t build_args;        /* in the order given */
    const char *target;
    const char *file;               /* Dockerfile path relative to the directory */
    const char *platform;           /* overrides the architecture's, e.g. "linux/arm64" */
    const char *network_mode;       /* "default", "host", "none", "container:<id>" */
    lc_str_list_t outputs;
    lc_str_list_t exclude;
    int ignore_mode;                /* LC_IMAGE_IGNORE_* */
    const char *extra_hash;
    int follow;                     /* lc_symlink_follow_t (asset.h); 0 = EXTERNAL */
} lc_image_code_t;

/* DockerImageCode.fromImageAsset(directory, {...}) */
#define LC_DOCKER_IMAGE_FROM_ASSET(dir, ...) \
    ((lc_code_t){ .kind = LC_CODE_IMAGE_ASSET, .text = (dir), \
                  .image = &(const lc_image_code_t){ .lc__set = 1, __VA_ARGS__ } })
/* DockerImageCode.fromEcr(repository, {...}) */
#define LC_DOCKER_IMAGE_FROM_ECR(repo, ...) \
    ((lc_code_t){ .kind = LC_CODE_ECR_IMAGE, \
                  .image = &(const lc_image_code_t){ .lc__set = 1, .repository = &(repo), \
                                                     __VA_ARGS__ } })

/* ---- bundling (Code.fromAsset(path, {bundling})) -------------------------------------
 *
 *     .code = LC_CODE_FROM_ASSET("my-python-handler", .bundling = LC_BUNDLING(
 *         .image = "public.ecr.aws/sam/build-python3.12",
 *         .command = LC_STRS("bash", "-c",
 *             "pip install -r requirements.txt -t /asset-output && cp -au . /asset-output"),
 *         .local = "pip install -r requirements.txt -t \"$LC_ASSET_OUTPUT\" && "
 *                  "cp -au . \"$LC_ASSET_OUTPUT\""))
 *
 * As CDK's AssetStaging: the asset hash is the hash of the source fingerprint followed by
 * JSON.stringify of the bundling options (keys: image, then the others in alphabetical
 * order; a local bundler is "local":{} as a JavaScript object with a method is); the
 * bundle is made once, in DIR/asset.<hash>/ (nothing runs when it exists), at synthesis
 * with --output DIR; a single archive in the output becomes a file asset.  `local` is
 * lambdac's ILocalBundling: a /bin/sh command run on the host in the asset directory
 * with LC_ASSET_INPUT / LC_ASSET_OUTPUT (absolute paths) and the bundling environment;
 * exit status 0 means bundled.  Without `local`, the command runs in the image with
 * `docker run` (CDK_DOCKER names another client) as CDK's bind-mount bundling does; when
 * no Docker client is installed synthesis fails with a message saying so. */
enum {
    LC_BUNDLING_OUTPUT_AUTO_DISCOVER = 0,
    LC_BUNDLING_OUTPUT_ARCHIVED,
    LC_BUNDLING_OUTPUT_NOT_ARCHIVED,
    LC_BUNDLING_OUTPUT_SINGLE_FILE
};
typedef struct lc_bundling {
    const char *image;              /* DockerImage.fromRegistry(image) (required) */
    lc_str_list_t command;
    lc_str_list_t entrypoint;
    lc_kv_list_t environment;
    const char *user;               /* default "<uid>:<gid>" */
    const char *working_directory;  /* default /asset-input */
    const char *platform;
    const char *network;
    const char *security_opt;
    int output_type;                /* LC_BUNDLING_OUTPUT_* */
    const char *local;              /* host command tried first (see above) */
} lc_bundling_t;
#define LC_BUNDLING(...) (&(const lc_bundling_t){ __VA_ARGS__ })

/* ---- DockerImageFunction ------------------------------------------------------------ */
lc_node_t *lc_docker_image_function_expand(lc_stack_t *st, lc_node_t *scope,
                                           const lc_decl_t *d);

/* new lambda.DockerImageFunction(scope, id, {code, ...FunctionOptions}) */
#define LC_DOCKER_IMAGE_FUNCTION(name, ...) \
    static const lc_function_t name = { \
        .h = LC__DECL_HDR(LC_DECL_FUNCTION, #name, lc_docker_image_function_expand), \
        .p = { .runtime = LC_RUNTIME_FROM_IMAGE, .handler = "FROM_IMAGE", __VA_ARGS__ } }

/* Internal (code.c): the Code property {ImageUri} of image code `c` for the function at
 * n, registering the image asset or granting the repository pull.  Reports an error
 * (and returns an empty object) when n is not a DockerImageFunction. */
lc_value_t *lc__image_code_value(lc_stack_t *st, lc_node_t *n, const lc_code_t *c,
                                 const char *what);

#ifdef __cplusplus
}
#endif
#endif
