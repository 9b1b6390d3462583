/* lambdac/lambda.h - the Lambda L2 constructs: Function and its building blocks.
 *
 * Declare a function like aws-cdk-lib's `new lambda.Function(stack, 'MyFunction', {...})`:
 *
 *     LC_FUNCTION(MyFunction,
 *         .runtime = LC_RUNTIME_NODEJS_18_X,
 *         .handler = "index.handler",
 *         .code = LC_CODE_FROM_ASSET("lambda-handler"));
 *
 * which expands (one layer) to
 *
 *     static const lc_function_t MyFunction = {
 *         .h = { LC_DECL_MAGIC, LC_DECL_FUNCTION, "MyFunction", { __FILE__, __LINE__ },
 *                lc_function_expand },
 *         .p = { .runtime = ..., .handler = ..., .code = ... } };
 *
 * Property names are the CDK's, in snake_case.  Values that CDK validates are checked at
 * synthesis with CDK's condition and message, naming the declaration's file:line and
 * construct path; constant units (LC_SECONDS, LC_MIB, ...) are checked at compile time.
 * Everything here is static data: pointers to other declarations must point to static
 * declarations of the program.
 */
#ifndef LAMBDAC_LAMBDA_H
#define LAMBDAC_LAMBDA_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>
#include <lambdac/dsl.h>
#include <lambdac/runtime_table.h>

#ifdef __cplusplus
extern "C" {
#endif

/* Value macros below (units, optional ints, code, version references, ...) expand to
 * brace initializers, not compound literals: they are used to initialize members of
 * static declarations, where gcc accepts braces at any depth but not a compound literal
 * nested inside another.  In an expression, wrap one in a compound literal yourself:
 * (lc_duration_t)LC_SECONDS(5).
 *
 * ---- compile-time checks --------------------------------------------------------------
 * LC__CHECK(cond, msg, value) is `value` when `cond` holds and a compile error quoting
 * `msg` otherwise (cond must be an integer constant expression). */
#define LC__CHECK(cond, msg, value) \
    ((value) + 0 * (int)sizeof(struct { _Static_assert(cond, msg); int lc__x; }))

/* ---- units ------------------------------------------------------------------------ */
typedef struct lc_duration {
    int64_t ms;       /* milliseconds */
    int set;
    int unit;         /* LC_UNIT_* it was written in, for messages */
} lc_duration_t;
enum { LC_UNIT_MILLIS = 1, LC_UNIT_SECONDS, LC_UNIT_MINUTES, LC_UNIT_HOURS, LC_UNIT_DAYS };
#define LC_MILLIS(n)  { .ms = LC__CHECK((n) >= 0, "duration must not be negative", (int64_t)(n)), .set = 1, .unit = LC_UNIT_MILLIS }
#define LC_SECONDS(n) { .ms = LC__CHECK((n) >= 0, "duration must not be negative", (int64_t)(n) * 1000), .set = 1, .unit = LC_UNIT_SECONDS }
#define LC_MINUTES(n) { .ms = LC__CHECK((n) >= 0, "duration must not be negative", (int64_t)(n) * 60000), .set = 1, .unit = LC_UNIT_MINUTES }
#define LC_HOURS(n)   { .ms = LC__CHECK((n) >= 0, "duration must not be negative", (int64_t)(n) * 3600000), .set = 1, .unit = LC_UNIT_HOURS }
#define LC_DAYS(n)    { .ms = LC__CHECK((n) >= 0, "duration must not be negative", (int64_t)(n) * 86400000), .set = 1, .unit = LC_UNIT_DAYS }

typedef struct lc_size {
    int64_t mib;
    int set;
} lc_size_t;
#define LC_MIB(n) { .mib = LC__CHECK((n) >= 0, "size must not be negative", (int64_t)(n)), .set = 1 }
#define LC_GIB(n) { .mib = LC__CHECK((n) >= 0, "size must not be negative", (int64_t)(n) * 1024), .set = 1 }
/* Ephemeral storage with CDK's range checked at compile time. */
#define LC_EPHEMERAL_MIB(n) \
    LC_MIB(LC__CHECK((n) >= 512 && (n) <= 10240, \
                     "Ephemeral storage size must be between 512 and 10240 MB", (n)))

/* Optional scalars: zero means "not set". */
typedef struct lc_opt_int {
    int64_t v;
    int set;
} lc_opt_int_t;
#define LC_SOME(n) { .v = (n), .set = 1 }

typedef enum lc_opt_bool { LC_UNSET = 0, LC_FALSE = 1, LC_TRUE = 2 } lc_opt_bool_t;

/* Key/value pairs (environment variables, tags), in the order written. */
typedef struct lc_kv {
    const char *key;
    const char *value;
} lc_kv_t;
typedef struct lc_kv_list {
    const lc_kv_t *items;
    size_t n;
} lc_kv_list_t;
#define LC_KV(k, v) { (k), (v) }
#define LC_KVS(...) \
    { .items = (const lc_kv_t[]){ __VA_ARGS__ }, \
      .n = sizeof((const lc_kv_t[]){ __VA_ARGS__ }) / sizeof(lc_kv_t) }
#define LC_ENV(...)  LC_KVS(__VA_ARGS__)
#define LC_TAGS(...) LC_KVS(__VA_ARGS__)

typedef struct lc_str_list {
    const char *const *items;
    size_t n;
} lc_str_list_t;
#define LC_STRS(...) \
    { .items = (const char *const[]){ __VA_ARGS__ }, \
      .n = sizeof((const char *const[]){ __VA_ARGS__ }) / sizeof(const char *) }

/* ---- architectures, tracing, logging, ... ---------------------------------------------- */
typedef enum lc_architecture { LC_ARCH__UNSET = 0, LC_ARCH_X86_64, LC_ARCH_ARM_64 } lc_architecture_t;
typedef enum lc_tracing { LC_TRACING__UNSET = 0, LC_TRACING_ACTIVE, LC_TRACING_PASS_THROUGH, LC_TRACING_DISABLED } lc_tracing_t;
typedef enum lc_logging_format { LC_LOGGING_FORMAT__UNSET = 0, LC_LOGGING_FORMAT_TEXT, LC_LOGGING_FORMAT_JSON } lc_logging_format_t;
/* Application log levels (ApplicationLogLevel) and system log levels (SystemLogLevel);
 * both spell CloudFormation's upper-case values. */
typedef enum lc_log_level {
    LC_LOG_LEVEL__UNSET = 0, LC_LOG_LEVEL_TRACE, LC_LOG_LEVEL_DEBUG, LC_LOG_LEVEL_INFO,
    LC_LOG_LEVEL_WARN, LC_LOG_LEVEL_ERROR, LC_LOG_LEVEL_FATAL
} lc_log_level_t;
typedef enum lc_snap_start { LC_SNAP_START__UNSET = 0, LC_SNAP_START_ON_PUBLISHED_VERSIONS } lc_snap_start_t;

typedef struct lc_runtime_management {
    int mode;             /* LC_RUNTIME_MGMT_* */
    const char *arn;      /* runtime version ARN for MANUAL */
} lc_runtime_management_t;
enum { LC_RUNTIME_MGMT__UNSET = 0, LC_RUNTIME_MGMT_AUTO_, LC_RUNTIME_MGMT_FUNCTION_UPDATE_, LC_RUNTIME_MGMT_MANUAL_ };
#define LC_RUNTIME_MANAGEMENT_AUTO            { LC_RUNTIME_MGMT_AUTO_, NULL }
#define LC_RUNTIME_MANAGEMENT_FUNCTION_UPDATE { LC_RUNTIME_MGMT_FUNCTION_UPDATE_, NULL }
#define LC_RUNTIME_MANAGEMENT_MANUAL(arn)     { LC_RUNTIME_MGMT_MANUAL_, (arn) }

typedef enum lc_removal_policy {
    LC_REMOVAL__DEFAULT = 0, LC_REMOVAL_RETAIN, LC_REMOVAL_DESTROY, LC_REMOVAL_SNAPSHOT,
    LC_REMOVAL_RETAIN_ON_UPDATE_OR_DELETE
} lc_removal_policy_t;

/* ---- versions ---------------------------------------------------------------------
 * VersionOptions / EventInvokeConfigOptions of aws-cdk-lib: for `currentVersionOptions`
 * and for explicit Version declarations. */
typedef struct lc_version_options {
    lc_removal_policy_t removal_policy;       /* default: none written (DESTROY) */
    const char *description;
    const char *code_sha256;
    lc_opt_int_t provisioned_concurrent_executions;
    lc_opt_int_t retry_attempts;              /* EventInvokeConfig MaximumRetryAttempts */
    lc_duration_t max_event_age;              /* EventInvokeConfig MaximumEventAgeInSeconds */
    const lc_value_t *on_success;             /* destination ARN value */
    const lc_value_t *on_failure;
} lc_version_options_t;

/* A version to point an alias at: a function's currentVersion, an explicit Version
 * declaration, or $LATEST. */
typedef struct lc_version_ref {
    const lc_decl_t *decl;     /* the function (current / latest) or the Version */
    int kind;                  /* LC_VERSION_REF_* */
} lc_version_ref_t;
enum { LC_VERSION_REF__NONE = 0, LC_VERSION_REF_CURRENT, LC_VERSION_REF_EXPLICIT, LC_VERSION_REF_LATEST };
#define LC_CURRENT_VERSION(fn)   { &(fn).h, LC_VERSION_REF_CURRENT }
#define LC_LATEST_VERSION(fn)    { &(fn).h, LC_VERSION_REF_LATEST }
#define LC_VERSION_OF(version)   { &(version).h, LC_VERSION_REF_EXPLICIT }

/* ---- companion constructs (declared in lambdac/aws.h) ------------------------------- */
typedef struct lc_role lc_role_t;
typedef struct lc_queue lc_queue_t;
typedef struct lc_topic lc_topic_t;
typedef struct lc_log_group lc_log_group_t;
typedef struct lc_bucket lc_bucket_t;
typedef struct lc_vpc lc_vpc_t;
typedef struct lc_security_group lc_security_group_t;
typedef struct lc_key lc_key_t;
typedef struct lc_access_point lc_access_point_t;
typedef struct lc_policy_statement lc_policy_statement_t;

/* ---- code -------------------------------------------------------------------------- */
enum {
    LC_CODE__NONE = 0,
    LC_CODE_INLINE,       /* Code.fromInline(text) */
    LC_CODE_ASSET,        /* Code.fromAsset(path) */
    LC_CODE_BUCKET,       /* Code.fromBucket(bucket, key, objectVersion) */
    LC_CODE_IMAGE_ASSET,  /* DockerImageCode.fromImageAsset(dir) (docker.h) */
    LC_CODE_ECR_IMAGE     /* DockerImageCode.fromEcr(repository) (docker.h) */
};
typedef enum lc_ignore_mode { LC_IGNORE_GLOB = 0, LC_IGNORE_GIT, LC_IGNORE_DOCKER } lc_ignore_mode_t;
typedef struct lc_code {
    int kind;
    const char *text;             /* inline source, asset path, or object key */
    const lc_bucket_t *bucket;    /* LC_CODE_BUCKET */
    const char *object_version;   /* LC_CODE_BUCKET, optional */
    lc_str_list_t exclude;        /* LC_CODE_ASSET: exclude patterns */
    lc_ignore_mode_t ignore_mode;
    const char *asset_hash;       /* LC_CODE_ASSET: user-given hash (assetHashType CUSTOM) */
    const struct lc_image_code *image;  /* LC_CODE_IMAGE_ASSET / _ECR_IMAGE (docker.h) */
    const struct lc_bundling *bundling; /* LC_CODE_ASSET: bundling options (docker.h) */
} lc_code_t;
#define LC_CODE_FROM_INLINE(src)      { .kind = LC_CODE_INLINE, .text = (src) }
/* A directory or file; relative paths are relative to the working directory. */
#define LC_CODE_FROM_ASSET(path, ...) { .kind = LC_CODE_ASSET, .text = (path), __VA_ARGS__ }
#define LC_CODE_FROM_BUCKET(bucket_decl, key, ...) \
    { .kind = LC_CODE_BUCKET, .bucket = &(bucket_decl), .text = (key), __VA_ARGS__ }

/* .depends_on = LC_DEPENDS_ON(&Queue, &Table) */
#define LC_DEPENDS_ON(...) \
    (const void *const[]){ __VA_ARGS__ }, \
    .ndepends_on = sizeof((const void *const[]){ __VA_ARGS__ }) / sizeof(const void *)

/* ---- VPC placement, file systems ------------------------------------------------------ */
typedef enum lc_subnet_type {
    LC_SUBNETS__DEFAULT = 0, LC_SUBNETS_PRIVATE_WITH_EGRESS, LC_SUBNETS_PRIVATE_ISOLATED,
    LC_SUBNETS_PUBLIC
} lc_subnet_type_t;
typedef struct lc_subnet_selection {
    lc_subnet_type_t subnet_type;
} lc_subnet_selection_t;

typedef struct lc_filesystem {
    const lc_access_point_t *access_point;   /* FileSystem.fromEfsAccessPoint */
    const char *mount_path;                  /* "/mnt/..." */
} lc_filesystem_t;
#define LC_FILESYSTEM_EFS(ap, path) { &(ap), (path) }

/* ---- layers ------------------------------------------------------------------------ */
typedef struct lc_runtime_list {
    const lc_runtime_id_t *items;
    size_t n;
} lc_runtime_list_t;
#define LC_RUNTIMES(...) \
    { .items = (const lc_runtime_id_t[]){ __VA_ARGS__ }, \
      .n = sizeof((const lc_runtime_id_t[]){ __VA_ARGS__ }) / sizeof(lc_runtime_id_t) }
typedef struct lc_arch_list {
    const lc_architecture_t *items;
    size_t n;
} lc_arch_list_t;
#define LC_ARCHS(...) \
    { .items = (const lc_architecture_t[]){ __VA_ARGS__ }, \
      .n = sizeof((const lc_architecture_t[]){ __VA_ARGS__ }) / sizeof(lc_architecture_t) }

/* layer.addPermission(id, {accountId, organizationId}) */
typedef struct lc_layer_permission {
    const char *id;
    const char *account_id;
    const char *organization_id;
} lc_layer_permission_t;

enum { LC_LAYER_DEFINED = 0, LC_LAYER_FROM_ARN_, LC_LAYER_FROM_ATTRIBUTES_ };
typedef struct lc_layer_props {
    int kind;                                 /* LC_LAYER_* (set by the macros) */
    lc_code_t code;
    lc_runtime_list_t compatible_runtimes;
    lc_arch_list_t compatible_architectures;
    const char *license;
    const char *description;
    const char *layer_version_name;
    lc_removal_policy_t removal_policy;
    const char *arn;                          /* imports */
    const lc_layer_permission_t *permissions;
    size_t npermissions;
} lc_layer_props_t;
typedef struct lc_layer {
    lc_decl_t h;
    lc_layer_props_t p;
} lc_layer_t;
lc_node_t *lc_layer_expand(lc_stack_t *st, lc_node_t *scope, const lc_decl_t *d);
/* new lambda.LayerVersion(scope, id, {...}) */
#define LC_LAYER_VERSION(name, ...) \
    static const lc_layer_t name = { \
        .h = LC__DECL_HDR(LC_DECL_LAYER, #name, lc_layer_expand), \
        .p = { .kind = LC_LAYER_DEFINED, __VA_ARGS__ } }
/* LayerVersion.fromLayerVersionArn(scope, id, arn): compatible with every runtime. */
#define LC_LAYER_FROM_ARN(name, layer_arn) \
    static const lc_layer_t name = { \
        .h = LC__DECL_HDR(LC_DECL_LAYER, #name, lc_layer_expand), \
        .p = { .kind = LC_LAYER_FROM_ARN_, .arn = (layer_arn) } }
/* LayerVersion.fromLayerVersionAttributes(scope, id, {layerVersionArn, compatibleRuntimes}) */
#define LC_LAYER_FROM_ATTRIBUTES(name, layer_arn, ...) \
    static const lc_layer_t name = { \
        .h = LC__DECL_HDR(LC_DECL_LAYER, #name, lc_layer_expand), \
        .p = { .kind = LC_LAYER_FROM_ATTRIBUTES_, .arn = (layer_arn), __VA_ARGS__ } }
#define LC_LAYER_PERMISSIONS(...) \
    .permissions = (const lc_layer_permission_t[]){ __VA_ARGS__ }, \
    .npermissions = sizeof((const lc_layer_permission_t[]){ __VA_ARGS__ }) / \
                    sizeof(lc_layer_permission_t)
/* .layers = LC_LAYERS(&LayerA, &Imported) in a function */
#define LC_LAYERS(...) \
    .layers = (const lc_layer_t *const[]){ __VA_ARGS__ }, \
    .nlayers = sizeof((const lc_layer_t *const[]){ __VA_ARGS__ }) / sizeof(const lc_layer_t *)

/* ---- Function ---------------------------------------------------------------------- */
typedef struct lc_function_props {
    lc_runtime_id_t runtime;
    const char *handler;
    lc_code_t code;
    const char *description;
    const char *function_name;
    lc_duration_t timeout;
    int memory_size;                          /* MiB; 0 = default */
    lc_kv_list_t environment;
    lc_architecture_t architecture;
    const lc_architecture_t *architectures;   /* deprecated list form (at most one) */
    size_t narchitectures;
    const lc_role_t *role;
    const lc_policy_statement_t *const *initial_policy;
    size_t ninitial_policy;
    lc_tracing_t tracing;
    lc_opt_int_t reserved_concurrent_executions;
    lc_size_t ephemeral_storage_size;
    /* logging */
    lc_logging_format_t logging_format;
    lc_logging_format_t log_format;           /* deprecated V1 spelling ("logFormat") */
    lc_log_level_t application_log_level_v2;
    lc_log_level_t system_log_level_v2;
    lc_log_level_t application_log_level;     /* deprecated V1 */
    lc_log_level_t system_log_level;          /* deprecated V1 */
    const lc_log_group_t *log_group;
    int log_retention_days;                   /* legacy logRetention (not yet supported) */
    /* runtime behaviour */
    lc_snap_start_t snap_start;
    lc_runtime_management_t runtime_management_mode;
    /* networking */
    const lc_vpc_t *vpc;
    lc_subnet_selection_t vpc_subnets;
    const lc_security_group_t *const *security_groups;
    size_t nsecurity_groups;
    lc_opt_bool_t allow_all_outbound;
    lc_opt_bool_t allow_all_ipv6_outbound;
    lc_opt_bool_t allow_public_subnet;
    lc_opt_bool_t ipv6_allowed_for_dual_stack;
    lc_filesystem_t filesystem;
    /* layers */
    const lc_layer_t *const *layers;
    size_t nlayers;
    /* security */
    const lc_key_t *environment_encryption;
    const char *code_signing_config_arn;      /* a literal ARN */
    const struct lc_code_signing_config *code_signing_config;   /* access.h */
    /* integrations (integrations.h) */
    const struct lc_insights_version *insights_version;
    const struct lc_adot_instrumentation *adot_instrumentation;
    const struct lc_params_and_secrets *params_and_secrets;
    bool profiling;
    const struct lc_profiling_group *profiling_group;
    const struct lc_log_retention_retry_options *log_retention_retry_options;
    const lc_role_t *log_retention_role;
    /* asynchronous invocation */
    lc_opt_bool_t dead_letter_queue_enabled;
    const lc_queue_t *dead_letter_queue;
    const lc_topic_t *dead_letter_topic;
    lc_kv_list_t tags;
    /* fn.node.addDependency(...): declarations the function resources wait for */
    const void *const *depends_on;
    size_t ndepends_on;
    /* versions */
    lc_version_options_t current_version_options;
    bool current_version;                     /* read fn.currentVersion (create it) */
} lc_function_props_t;

typedef struct lc_function {
    lc_decl_t h;
    lc_function_props_t p;
} lc_function_t;

lc_node_t *lc_function_expand(lc_stack_t *st, lc_node_t *scope, const lc_decl_t *d);
/* Expand function declaration `fd` as construct `id` under `scope` (SingletonFunction
 * uses this to place the one real function at stack level). */
lc_node_t *lc_function_create(lc_stack_t *st, lc_node_t *scope, const char *id,
                              const lc_function_t *fd);

#define LC_FUNCTION(name, ...) \
    static const lc_function_t name = { \
        .h = LC__DECL_HDR(LC_DECL_FUNCTION, #name, lc_function_expand), \
        .p = { __VA_ARGS__ } }
/* A function whose construct id is not a C identifier ("Lambda_with IPv6"). */
#define LC_FUNCTION_ID(name, idstr, ...) \
    static const lc_function_t name = { \
        .h = LC__DECL_HDR(LC_DECL_FUNCTION, idstr, lc_function_expand), \
        .p = { __VA_ARGS__ } }

/* new lambda.Version(scope, id, {lambda: fn, ...options}) */
typedef struct lc_version_props {
    const struct lc_function *lambda;
    lc_version_options_t options;
} lc_version_props_t;
typedef struct lc_version {
    lc_decl_t h;
    lc_version_props_t p;
} lc_version_t;
lc_node_t *lc_version_expand(lc_stack_t *st, lc_node_t *scope, const lc_decl_t *d);
#define LC_VERSION(name, ...) \
    static const lc_version_t name = { \
        .h = LC__DECL_HDR(LC_DECL_VERSION, #name, lc_version_expand), .p = { __VA_ARGS__ } }

/* new lambda.Alias(scope, id, {aliasName, version, ...}); with .add_alias set, the alias
 * is created the way fn.addAlias(name) / version.addAlias(name) create it: under the
 * function (for its current version) or the version, with construct id "Alias<name>". */
typedef struct lc_version_weight {
    lc_version_ref_t version;
    double weight;
} lc_version_weight_t;
typedef struct lc_alias_props {
    const char *alias_name;
    lc_version_ref_t version;
    const char *description;
    const lc_version_weight_t *additional_versions;
    size_t nadditional_versions;
    lc_opt_int_t provisioned_concurrent_executions;
    lc_opt_int_t retry_attempts;
    lc_duration_t max_event_age;
    const lc_value_t *on_success;
    const lc_value_t *on_failure;
    bool add_alias;
} lc_alias_props_t;
typedef struct lc_alias {
    lc_decl_t h;
    lc_alias_props_t p;
} lc_alias_t;
lc_node_t *lc_alias_expand(lc_stack_t *st, lc_node_t *scope, const lc_decl_t *d);
#define LC_ALIAS(name, ...) \
    static const lc_alias_t name = { \
        .h = LC__DECL_HDR(LC_DECL_ALIAS, #name, lc_alias_expand), .p = { __VA_ARGS__ } }
/* LC_ADD_ALIAS(LiveAlias, LC_CURRENT_VERSION(MyFunction), "live"): fn.addAlias("live"). */
#define LC_ADD_ALIAS(name, version_ref, alias, ...) \
    static const lc_alias_t name = { \
        .h = LC__DECL_HDR(LC_DECL_ALIAS, #name, lc_alias_expand), \
        .p = { .alias_name = (alias), .version = version_ref, .add_alias = true, __VA_ARGS__ } }

/* Feature flags that aspects and options can name. */
typedef enum lc_feature_flag {
    LC_FLAG_RECOGNIZE_VERSION_PROPS = 1,   /* @aws-cdk/aws-lambda:recognizeVersionProps */
    LC_FLAG_RECOGNIZE_LAYER_VERSION        /* @aws-cdk/aws-lambda:recognizeLayerVersion */
} lc_feature_flag_t;

/* Aspects.of(stack).add(new lambda.FunctionVersionUpgrade(flag, enabled)): for every
 * function of the stack whose flag state equals `enabled` (default true), append
 * " version-hash:<hash>" to its description, so that every function publishes a new
 * version once (the one-time upgrade the aws-lambda README describes).  Aspects run in
 * declaration order, each seeing the descriptions the previous one wrote. */
typedef struct lc_version_upgrade {
    lc_decl_t h;
    lc_feature_flag_t flag;
    lc_opt_bool_t enabled;
} lc_version_upgrade_t;
lc_node_t *lc_version_upgrade_expand(lc_stack_t *st, lc_node_t *scope, const lc_decl_t *d);
#define LC_FUNCTION_VERSION_UPGRADE(name, feature_flag, ...) \
    static const lc_version_upgrade_t name = { \
        .h = LC__DECL_HDR(LC_DECL_ASPECT, #name, lc_version_upgrade_expand), \
        .flag = (feature_flag), __VA_ARGS__ }

/* Function.classifyVersionProperty(name, locked), for properties the generated tables
 * do not classify (a raw override, a newer spec).  Call before lc_main(). */
void lc_classify_version_property(const char *property, bool locked);

/* Run-time view of an expanded function, for constructs that attach to it. */
typedef struct lc_function_state lc_function_state_t;
lc_function_state_t *lc_function_state(lc_node_t *fn_node);
/* The node of the function's execution role (its own ServiceRole or the user role). */
lc_node_t *lc_function_role_node(lc_function_state_t *fs);
/* Add a statement to the function role's default policy (CDK's addToRolePolicy). */
void lc_function_add_to_role_policy(lc_function_state_t *fs, lc_value_t *statement);
/* fn.currentVersion: created on first use (node "<fn>/CurrentVersion"). */
lc_node_t *lc_function_current_version(lc_function_state_t *fs);
/* The AWS::Lambda::Function resource of a function. */
lc_resource_t *lc_function_resource(lc_function_state_t *fs);
/* The node a version reference stands for (expanding what it needs); NULL for $LATEST. */
lc_node_t *lc_version_ref_node(lc_stack_t *st, lc_version_ref_t ref, lc_node_t **fn_node);
/* fn.addLayers(layer): checks CDK's 5-layer limit and runtime compatibility.  A layer is
 * either a declaration's node or an imported one made at run time (lc_layer_import). */
void lc_function_add_layer(lc_function_state_t *fs, lc_node_t *layer_node);
/* LayerVersion.fromLayerVersionArn(scope, id, arn) at run time (Insights, ADOT, ...);
 * `arn` may be a token value; runtimes NULL means Runtime.ALL. */
lc_node_t *lc_layer_import(lc_stack_t *st, lc_node_t *scope, const char *id,
                           const lc_value_t *arn, const lc_runtime_list_t *runtimes);
/* fn.addEnvironment(key, value) */
void lc_function_add_environment(lc_function_state_t *fs, const char *key, const lc_value_t *value);
/* Whether the Lambda runtime reserves the environment variable `name` (AWS_REGION,
 * _HANDLER, ...): CDK's ReservedEnvironmentVariable list, the one the synthesizer and
 * lambdac-check both enforce.  `name` must not be NULL. */
bool lc_env_var_reserved(const char *name);

#ifdef __cplusplus
}
#endif
#endif
