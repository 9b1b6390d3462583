/* lambdac/integrations.h - what a function connects to: Lambda Insights, the Parameters
 * and Secrets extension, ADOT, CodeGuru profiling, legacy log retention, event sources,
 * EventBridge rules and provisioned-concurrency autoscaling.
 *
 * Function properties (lambda.h lc_function_props_t) take the structs of this header:
 *
 *     LC_PARAMS_AND_SECRETS(Extension, .version = LC_PARAMS_AND_SECRETS_V1_0_103,
 *         .cache_size = LC_SOME(500), .log_level = LC_PARAMS_AND_SECRETS_LOG_DEBUG);
 *     LC_FUNCTION(MyFunction,
 *         .runtime = LC_RUNTIME_NODEJS_18_X, .handler = "index.handler",
 *         .code = LC_CODE_FROM_ASSET("lambda-handler"),
 *         .insights_version = LC_INSIGHTS_VERSION_1_0_98_0,
 *         .params_and_secrets = &Extension,
 *         .adot_instrumentation = LC_ADOT(.layer_version = LC_ADOT_JAVASCRIPT_SDK_LATEST,
 *                                         .exec_wrapper = LC_ADOT_REGULAR_HANDLER));
 *
 * Everything else is a declaration listed in LC_STACK, in the order aws-cdk-lib code
 * would create it (creation order is template order):
 *
 *     LC_QUEUE(Queue);
 *     LC_SQS_EVENT_SOURCE(QueueSource, .function = &MyFunction, .queue = &Queue,
 *                         .batch_size = 5);
 *     LC_EVENT_RULE_ID(Rule, "Schedule Rule",
 *         .schedule = LC_SCHEDULE_CRON(.minute = "0", .hour = "4"),
 *         LC_RULE_TARGETS(LC_FUNCTION_TARGET(&MyFunction)));
 *     LC_STACK(Demo, &MyFunction, &Queue, &QueueSource, &Rule);
 *
 * Worked expansion (one layer deep, like every lambdac macro):
 *
 *     LC_SQS_EVENT_SOURCE(QueueSource, .function = &MyFunction, .queue = &Queue,
 *                         .batch_size = 5);
 *
 * becomes
 *
 *     static const lc_sqs_event_source_t QueueSource = {
 *         .h = { LC_DECL_MAGIC, LC_DECL_SQS_EVENT_SOURCE, "QueueSource",
 *                { __FILE__, __LINE__ }, lc_sqs_event_source_expand },
 *         .p = { .lc__ = 0, .function = &MyFunction, .queue = &Queue, .batch_size = 5 } };
 *
 * and, listed in a stack, gives MyFunction the AWS::Lambda::EventSourceMapping
 * "MyFunction/SqsEventSource:<unique id of Queue>" and the queue-consuming statement in
 * its role's DefaultPolicy, exactly as fn.addEventSource(new SqsEventSource(queue, {...}))
 * does.  The C identifier of an event source, grant or autoscaling declaration only names
 * the declaration: the construct ids are the ones aws-cdk-lib derives, so a stack moved
 * from CDK keeps its logical ids.
 *
 * Layer ARNs (Insights, Params-and-Secrets, ADOT) are data: spec/layer-arns/ (JSON),
 * dumped from aws-cdk-lib's region-info and compiled into the tables behind
 * lc_layer_fact_find().  In a region-pinned stack a layer ARN is the literal of that
 * region; in an environment-agnostic stack it is one Fn::Join over AWS::Region when every
 * region's ARN has the same shape, else Fn::FindInMap into a Mappings entry (as CDK's
 * Stack.regionalFact renders it).
 */
#ifndef LAMBDAC_INTEGRATIONS_H
#define LAMBDAC_INTEGRATIONS_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>
#include <lambdac/aws.h>
#include <lambdac/l1.h>

#ifdef __cplusplus
extern "C" {
#endif

/* Declaration kinds of this header (dsl.h reserves LC_DECL__USER and up). */
enum {
    LC_DECL_IMPORTED_QUEUE = LC_DECL__USER + 700,
    LC_DECL_S3_BUCKET,
    LC_DECL_TABLE,
    LC_DECL_STREAM,
    LC_DECL_SECRET,
    LC_DECL_STRING_PARAMETER,
    LC_DECL_READ_GRANT,
    LC_DECL_PROFILING_GROUP,
    LC_DECL_SQS_EVENT_SOURCE,
    LC_DECL_DYNAMO_EVENT_SOURCE,
    LC_DECL_KINESIS_EVENT_SOURCE,
    LC_DECL_S3_EVENT_SOURCE,
    LC_DECL_SNS_EVENT_SOURCE,
    LC_DECL_EVENT_RULE,
    LC_DECL_ALIAS_AUTOSCALING
};

/* ==== layer ARN facts ===================================================================== */

/* Checked by the generated runtime/layer_arns.gen.c: bump when the structs below change. */
#define LC_LAYER_ARNS_ABI 1

typedef enum lc_layer_product {
    LC_LAYER_PRODUCT_INSIGHTS = 1,        /* cloudwatch-lambda-insights-version */
    LC_LAYER_PRODUCT_PARAMS_AND_SECRETS,  /* params-and-secrets-layer */
    LC_LAYER_PRODUCT_ADOT                 /* adot-lambda-layer */
} lc_layer_product_t;

/* One region aws-cdk-lib knows (RegionInfo.regions). */
typedef struct lc_region_info {
    const char *name;               /* "us-east-1" */
    const char *partition;          /* "aws", "aws-cn", ... */
    const char *domain_suffix;      /* "amazonaws.com", ... */
} lc_region_info_t;

/* One region's ARN of a fact; `region` indexes the region table. */
typedef struct lc_layer_arn {
    unsigned short region;
    const char *arn;
} lc_layer_arn_t;

/* One fact of region-info: a layer of a product, version (and ADOT type), architecture. */
typedef struct lc_layer_fact {
    lc_layer_product_t product;
    const char *adot_type;          /* ADOT layer type ("JAVASCRIPT_SDK"); NULL otherwise */
    const char *version;            /* "1.0.98.0" */
    const char *arch;               /* "x86_64" or "arm64" */
    const char *fact_class;         /* "cloudwatch-lambda-insights-version" */
    const char *fact_param;         /* "1_0_98_0_x86_64" */
    const lc_layer_arn_t *arns;     /* the regions that have the layer, in region order */
    size_t narns;
} lc_layer_fact_t;

/* The generated tables (runtime/layer_arns.gen.c); use the functions below. */
extern const lc_region_info_t lc__regions[];
extern const size_t lc__nregions;
extern const lc_layer_fact_t lc__layer_facts[];
extern const size_t lc__nlayer_facts;

/* The region table: *n receives its length.  Static data, never NULL. */
const lc_region_info_t *lc_regions(size_t *n);
/* A region's row, or NULL when aws-cdk-lib does not know the region. */
const lc_region_info_t *lc_region_find(const char *name);
/* The fact of a layer, or NULL when aws-cdk-lib has no such version (for this
 * architecture).  adot_type is only compared for LC_LAYER_PRODUCT_ADOT. */
const lc_layer_fact_t *lc_layer_fact_find(lc_layer_product_t product, const char *adot_type,
                                          const char *version, const char *arch);
/* The ARN of the fact in `region`, or NULL when the layer is not published there. */
const char *lc_layer_fact_arn(const lc_layer_fact_t *f, const char *region);
/* The ARN value for stack st as Stack.regionalFact renders it: the literal of a pinned
 * region (NULL when the region lacks it), else a literal / Fn::Join over AWS::Region /
 * Fn::FindInMap into the "<FactClass>Map" Mappings entry (created, and its section
 * used, on first need).  Arena-owned. */
lc_value_t *lc_layer_fact_value(lc_stack_t *st, const lc_layer_fact_t *f);

/* ==== Lambda Insights ======================================================================
 * .insights_version = LC_INSIGHTS_VERSION_1_0_98_0            (LambdaInsightsVersion.VERSION_*)
 * .insights_version = LC_INSIGHTS_VERSION("1.0.98.0")        (any version of the data)
 * .insights_version = LC_INSIGHTS_FROM_ARN("arn:aws:lambda:...:layer:LambdaInsightsExtension:14")
 * adds the layer "LambdaInsightsLayer" and the managed policy
 * CloudWatchLambdaInsightsExecutionRolePolicy to the function's role.  A version without
 * a layer for the function's architecture is an error (InsightsVersion: ARM_64 needs
 * >= 1.0.119.0). */
struct lc_insights_version {
    const char *version;            /* fromInsightsVersion */
    const char *arn;                /* fromInsightVersionArn */
};
#define LC_INSIGHTS_VERSION(v)   (&(const struct lc_insights_version){ .version = (v) })
#define LC_INSIGHTS_FROM_ARN(a)  (&(const struct lc_insights_version){ .arn = (a) })

/* ==== Parameters and Secrets extension =====================================================
 * Declare the configuration (ParamsAndSecretsLayerVersion.fromVersion / fromVersionArn)
 * and point functions at it:
 *
 *     LC_PARAMS_AND_SECRETS(Extension, .version = LC_PARAMS_AND_SECRETS_V1_0_103,
 *         .cache_size = LC_SOME(500), .log_level = LC_PARAMS_AND_SECRETS_LOG_DEBUG);
 *     LC_FUNCTION(Fn, ..., .params_and_secrets = &Extension);
 *
 * or inline, .params_and_secrets = LC_PARAMS_AND_SECRETS_FROM_VERSION(V, .log_level = ...)
 * / LC_PARAMS_AND_SECRETS_FROM_ARN("arn:...", ...).  (The inline forms are compound
 * literals inside a static initializer: gcc then refuses nested compound literals such
 * as LC_SOME(500) or LC_SECONDS(30) among the options - use the declaration for those.)
 * It adds the layer "ParamsAndSecretsLayer" and the extension's nine environment variables
 * (defaults: cache on, 1000 entries, port 2773, log level info, 3 connections, timeouts
 * 0, TTLs 300 s).  CDK's range checks apply: cache size 0..1000
 * (CacheSizeInclusiveProvided), port 1..65535, connections >= 1, TTLs <= 300 s. */
typedef enum lc_params_and_secrets_log_level {
    LC_PARAMS_AND_SECRETS_LOG__DEFAULT = 0,   /* info */
    LC_PARAMS_AND_SECRETS_LOG_DEBUG,
    LC_PARAMS_AND_SECRETS_LOG_INFO,
    LC_PARAMS_AND_SECRETS_LOG_WARN,
    LC_PARAMS_AND_SECRETS_LOG_ERROR,
    LC_PARAMS_AND_SECRETS_LOG_NONE
} lc_params_and_secrets_log_level_t;
struct lc_params_and_secrets {
    const char *version;            /* fromVersion: LC_PARAMS_AND_SECRETS_V* */
    const char *arn;                /* fromVersionArn */
    lc_opt_bool_t cache_enabled;
    lc_opt_int_t cache_size;
    lc_opt_int_t http_port;
    lc_params_and_secrets_log_level_t log_level;
    lc_opt_int_t max_connections;
    lc_duration_t secrets_manager_timeout;
    lc_duration_t secrets_manager_ttl;
    lc_duration_t parameter_store_timeout;
    lc_duration_t parameter_store_ttl;
};
#define LC_PARAMS_AND_SECRETS(name, ...) \
    static const struct lc_params_and_secrets name = { __VA_ARGS__ }
#define LC_PARAMS_AND_SECRETS_FROM_VERSION(v, ...) \
    (&(const struct lc_params_and_secrets){ .version = (v), __VA_ARGS__ })
#define LC_PARAMS_AND_SECRETS_FROM_ARN(a, ...) \
    (&(const struct lc_params_and_secrets){ .arn = (a), __VA_ARGS__ })

/* ==== AWS Distro for OpenTelemetry ==========================================================
 * .adot_instrumentation = LC_ADOT(.layer_version = LC_ADOT_PYTHON_SDK_LATEST,
 *                                 .exec_wrapper = LC_ADOT_INSTRUMENT_HANDLER)
 * The layer constants carry their type: LC_ADOT_JAVASCRIPT_SDK_*, LC_ADOT_PYTHON_SDK_*,
 * LC_ADOT_JAVA_SDK_*, LC_ADOT_JAVA_AUTO_INSTRUMENTATION_*, LC_ADOT_GENERIC_* (each with
 * _LATEST), as AdotLayerVersion.from<Type>LayerVersion(AdotLambdaLayer<Type>Version.X).
 * Adds the layer "AdotLayer", AWS_LAMBDA_EXEC_WRAPPER, and active tracing unless
 * `tracing` is set.  Python needs LC_ADOT_INSTRUMENT_HANDLER
 * (AdotPythonHandlerWrapperRequired); container images and go1.x are refused. */
typedef struct lc_adot_layer_version {
    const char *type;               /* "JAVASCRIPT_SDK", "PYTHON_SDK", "JAVA_SDK", ... */
    const char *version;
} lc_adot_layer_version_t;
/* A brace initializer (not a compound literal), so that it nests in LC_ADOT(...). */
#define LC__ADOT_LAYER(t, v) { (t), (v) }
/* AdotLambdaExecWrapper */
#define LC_ADOT_REGULAR_HANDLER    "/opt/otel-handler"
#define LC_ADOT_PROXY_HANDLER      "/opt/otel-proxy-handler"
#define LC_ADOT_STREAM_HANDLER     "/opt/otel-stream-handler"
#define LC_ADOT_INSTRUMENT_HANDLER "/opt/otel-instrument"
#define LC_ADOT_SQS_HANDLER        "/opt/otel-sqs-handler"
struct lc_adot_instrumentation {
    lc_adot_layer_version_t layer_version;
    const char *exec_wrapper;       /* LC_ADOT_*_HANDLER */
};
#define LC_ADOT(...) (&(const struct lc_adot_instrumentation){ __VA_ARGS__ })

/* ==== CodeGuru profiling ====================================================================
 * `.profiling = true` creates a ProfilingGroup "ProfilingGroup" under the function
 * (ComputePlatform AWSLambda); `.profiling_group = &PG` uses a declared one.  Either way
 * the role may publish profiles and the four AWS_CODEGURU_PROFILER_* variables are set
 * (before the user's environment, which wins).  The runtime must support profiling
 * (CodeGuruProfilingSupportedRuntime): Java and Python 3.6+. */
typedef enum lc_compute_platform {
    LC_COMPUTE_PLATFORM__UNSET = 0, LC_COMPUTE_PLATFORM_AWS_LAMBDA, LC_COMPUTE_PLATFORM_DEFAULT
} lc_compute_platform_t;
typedef struct lc_profiling_group_props {
    int lc__;                       /* unused: lets LC_PROFILING_GROUP(G) take no property */
    const char *profiling_group_name;   /* default: the construct's unique id */
    lc_compute_platform_t compute_platform;
} lc_profiling_group_props_t;
struct lc_profiling_group {
    lc_decl_t h;
    lc_profiling_group_props_t p;
};
typedef struct lc_profiling_group lc_profiling_group_t;
lc_node_t *lc_profiling_group_expand(lc_stack_t *st, lc_node_t *scope, const lc_decl_t *d);
#define LC_PROFILING_GROUP(name, ...) \
    static const lc_profiling_group_t name = { \
        .h = LC__DECL_HDR(LC_DECL_PROFILING_GROUP, #name, lc_profiling_group_expand), \
        .p = { .lc__ = 0, __VA_ARGS__ } }

/* ==== legacy log retention ===================================================================
 * `.log_retention_days = 30` (logs.RetentionDays values; LC_RETENTION_INFINITE or 9999
 * for "never expire") adds the Custom::LogRetention "LogRetention" under the function and
 * the stack's one retention provider "LogRetentionaae0aa3c5b4d4f87b02d85b201efdd8a"
 * (role, policy, function).  The provider is lambdac's own handler (inline Node.js code,
 * not CDK's asset): the template differs from CDK's in that function's Code only.
 * `.log_retention_role` replaces the provider's role (the first function's, as CDK);
 * `.log_retention_retry_options` sets SdkRetry. */
struct lc_log_retention_retry_options {
    lc_opt_int_t max_retries;
    lc_duration_t base;             /* accepted for CDK parity; CDK no longer writes it */
};
/* .log_retention_retry_options = &Retry with
 *     LC_LOG_RETENTION_RETRY_OPTIONS(Retry, .max_retries = LC_SOME(3)); */
#define LC_LOG_RETENTION_RETRY_OPTIONS(name, ...) \
    static const struct lc_log_retention_retry_options name = { __VA_ARGS__ }

/* ==== companion resources of event sources ================================================== */

/* sqs.Queue.fromQueueArn(scope, "Name", arn) */
typedef struct lc_imported_queue {
    lc_decl_t h;
    const char *queue_arn;
} lc_imported_queue_t;
lc_node_t *lc_imported_queue_expand(lc_stack_t *st, lc_node_t *scope, const lc_decl_t *d);
#define LC_QUEUE_FROM_ARN(name, arn) \
    static const lc_imported_queue_t name = { \
        .h = LC__DECL_HDR(LC_DECL_IMPORTED_QUEUE, #name, lc_imported_queue_expand), \
        .queue_arn = (arn) }

/* new s3.Bucket(scope, "Name", {bucketName, removalPolicy}): default RETAIN.  (An
 * imported bucket is LC_BUCKET_FROM_NAME of lambdac/aws.h.) */
typedef struct lc_s3_bucket_props {
    int lc__;
    const char *bucket_name;
    lc_removal_policy_t removal_policy;
} lc_s3_bucket_props_t;
typedef struct lc_s3_bucket {
    lc_decl_t h;
    lc_s3_bucket_props_t p;
} lc_s3_bucket_t;
lc_node_t *lc_s3_bucket_expand(lc_stack_t *st, lc_node_t *scope, const lc_decl_t *d);
#define LC_S3_BUCKET(name, ...) \
    static const lc_s3_bucket_t name = { \
        .h = LC__DECL_HDR(LC_DECL_S3_BUCKET, #name, lc_s3_bucket_expand), \
        .p = { .lc__ = 0, __VA_ARGS__ } }

/* new dynamodb.Table(scope, "Name", {partitionKey, sortKey, stream, billingMode,
 * tableName, removalPolicy}) and dynamodb.Table.fromTableAttributes(scope, "Name",
 * {tableArn | tableName, tableStreamArn}).  Provisioned billing (5/5) by default, as CDK. */
typedef enum lc_attribute_type {
    LC_ATTRIBUTE__UNSET = 0, LC_ATTRIBUTE_STRING, LC_ATTRIBUTE_NUMBER, LC_ATTRIBUTE_BINARY
} lc_attribute_type_t;
typedef struct lc_table_attribute {
    const char *name;
    lc_attribute_type_t type;
} lc_table_attribute_t;
#define LC_ATTRIBUTE(n, t) ((lc_table_attribute_t){ (n), (t) })
typedef enum lc_stream_view_type {
    LC_STREAM__NONE = 0, LC_STREAM_NEW_IMAGE, LC_STREAM_OLD_IMAGE, LC_STREAM_NEW_AND_OLD_IMAGES,
    LC_STREAM_KEYS_ONLY
} lc_stream_view_type_t;
typedef enum lc_billing_mode {
    LC_BILLING__DEFAULT = 0, LC_BILLING_PROVISIONED, LC_BILLING_PAY_PER_REQUEST
} lc_billing_mode_t;
typedef struct lc_table_props {
    int lc__;
    lc_table_attribute_t partition_key;
    lc_table_attribute_t sort_key;
    lc_stream_view_type_t stream;
    lc_billing_mode_t billing_mode;
    int read_capacity;              /* 0: 5 (provisioned) */
    int write_capacity;
    const char *table_name;
    lc_removal_policy_t removal_policy;
    /* imports */
    bool imported;                  /* set by LC_TABLE_FROM_ATTRIBUTES */
    const char *table_arn;
    const char *table_stream_arn;
} lc_table_props_t;
typedef struct lc_table {
    lc_decl_t h;
    lc_table_props_t p;
} lc_table_t;
lc_node_t *lc_table_expand(lc_stack_t *st, lc_node_t *scope, const lc_decl_t *d);
#define LC_TABLE(name, ...) \
    static const lc_table_t name = { .h = LC__DECL_HDR(LC_DECL_TABLE, #name, lc_table_expand), \
                                     .p = { .lc__ = 0, __VA_ARGS__ } }
#define LC_TABLE_FROM_ATTRIBUTES(name, ...) \
    static const lc_table_t name = { .h = LC__DECL_HDR(LC_DECL_TABLE, #name, lc_table_expand), \
                                     .p = { .imported = true, __VA_ARGS__ } }

/* kinesis.Stream.fromStreamArn(scope, "Name", arn) */
typedef struct lc_stream {
    lc_decl_t h;
    const char *stream_arn;
} lc_stream_t;
lc_node_t *lc_stream_expand(lc_stack_t *st, lc_node_t *scope, const lc_decl_t *d);
#define LC_STREAM_FROM_ARN(name, arn) \
    static const lc_stream_t name = { .h = LC__DECL_HDR(LC_DECL_STREAM, #name, lc_stream_expand), \
                                      .stream_arn = (arn) }

/* new secretsmanager.Secret(scope, "Name", {secretName, description}): a generated
 * secret string, DESTROY removal (as CDK). */
typedef struct lc_secret_props {
    int lc__;
    const char *secret_name;
    const char *description;
} lc_secret_props_t;
typedef struct lc_secret {
    lc_decl_t h;
    lc_secret_props_t p;
} lc_secret_t;
lc_node_t *lc_secret_expand(lc_stack_t *st, lc_node_t *scope, const lc_decl_t *d);
#define LC_SECRET(name, ...) \
    static const lc_secret_t name = { .h = LC__DECL_HDR(LC_DECL_SECRET, #name, lc_secret_expand), \
                                      .p = { .lc__ = 0, __VA_ARGS__ } }

/* new ssm.StringParameter(scope, "Name", {parameterName, stringValue, description}) */
typedef struct lc_string_parameter_props {
    int lc__;
    const char *parameter_name;
    const char *string_value;
    const char *description;
} lc_string_parameter_props_t;
typedef struct lc_string_parameter {
    lc_decl_t h;
    lc_string_parameter_props_t p;
} lc_string_parameter_t;
lc_node_t *lc_string_parameter_expand(lc_stack_t *st, lc_node_t *scope, const lc_decl_t *d);
#define LC_STRING_PARAMETER(name, ...) \
    static const lc_string_parameter_t name = { \
        .h = LC__DECL_HDR(LC_DECL_STRING_PARAMETER, #name, lc_string_parameter_expand), \
        .p = { .lc__ = 0, __VA_ARGS__ } }

/* resource.grantRead(fn) for a secret, a string parameter, a table (grantReadData is
 * not modelled: tables grant their stream, see grant_stream_read) or an imported
 * stream: the statement goes to the function role's DefaultPolicy.  Set one resource. */
typedef struct lc_read_grant_props {
    const lc_function_t *grantee;
    union {
        const lc_decl_t *resource;            /* untyped: any of the below */
        const lc_secret_t *secret;
        const lc_string_parameter_t *parameter;
        const lc_table_t *table;              /* grantStreamRead */
        const lc_stream_t *stream;
    };
} lc_read_grant_props_t;
typedef struct lc_read_grant {
    lc_decl_t h;
    lc_read_grant_props_t p;
} lc_read_grant_t;
lc_node_t *lc_read_grant_expand(lc_stack_t *st, lc_node_t *scope, const lc_decl_t *d);
/* LC_GRANT_READ(SecretRead, .secret = &Secret, .grantee = &MyFunction) */
#define LC_GRANT_READ(name, ...) \
    static const lc_read_grant_t name = { \
        .h = LC__DECL_HDR(LC_DECL_READ_GRANT, #name, lc_read_grant_expand), \
        .p = { __VA_ARGS__ } }

/* ==== event sources ==========================================================================
 * Filters (lambda.FilterCriteria.filter / FilterRule.*): a filter is a JSON pattern value
 * whose leaves are rule arrays; it is written as the compact JSON text CDK writes.
 *
 *     LC_FILTERS(LC_FILTER(LC_M("eventName", LC_FILTER_IS_EQUAL("INSERT"))))
 *     LC_FILTERS(LC_FILTER(LC_M("body", LC_VOBJ(LC_M("n", LC_FILTER_BETWEEN(1, 5))))))
 */
#define LC_FILTER(...)                 LC_VOBJ(__VA_ARGS__)
#define LC_FILTER_IS_EQUAL(s)          LC_VARR(LC_VSTR(s))
#define LC_FILTER_IS_EQUAL_NUMBER(x)   LC_VARR(LC_VOBJ(LC_M("numeric", LC_VARR(LC_VSTR("="), LC_VNUM(x)))))
#define LC_FILTER_IS_EQUAL_BOOL(b)     LC_VARR(LC_VBOOL(b))
#define LC_FILTER_NULL                 LC_VARR(LC_VNULL)
#define LC_FILTER_EMPTY                LC_VARR(LC_VSTR(""))
#define LC_FILTER_OR(...)              LC_VARR(LC__L1_MAP(LC__L1_STRV, __VA_ARGS__))
#define LC_FILTER_NOT_EQUALS(s)        LC_VARR(LC_VOBJ(LC_M("anything-but", LC_VARR(LC_VSTR(s)))))
#define LC_FILTER_BETWEEN(a, b) \
    LC_VARR(LC_VOBJ(LC_M("numeric", LC_VARR(LC_VSTR(">"), LC_VNUM(a), LC_VSTR("<="), LC_VNUM(b)))))
#define LC_FILTER_EXISTS               LC_VARR(LC_VOBJ(LC_M("exists", LC_VTRUE)))
#define LC_FILTER_NOT_EXISTS           LC_VARR(LC_VOBJ(LC_M("exists", LC_VFALSE)))
#define LC_FILTER_BEGINS_WITH(s)       LC_VARR(LC_VOBJ(LC_M("prefix", LC_VSTR(s))))
typedef struct lc_value_list {
    const lc_value_t *const *items;
    size_t n;
} lc_value_list_t;
#define LC_FILTERS(...) \
    .filters = { .items = (const lc_value_t *const[]){ __VA_ARGS__ }, \
                 .n = sizeof((const lc_value_t *const[]){ __VA_ARGS__ }) / sizeof(const lc_value_t *) }

/* On-failure destination of a stream source: SqsDlq(queue) or SnsDlq(topic). */
typedef struct lc_on_failure {
    const lc_queue_t *queue;
    const lc_topic_t *topic;
} lc_on_failure_t;
#define LC_SQS_DLQ(q) ((lc_on_failure_t){ .queue = (q) })
#define LC_SNS_DLQ(t) ((lc_on_failure_t){ .topic = (t) })

typedef enum lc_starting_position {
    LC_STARTING_POSITION__UNSET = 0, LC_STARTING_POSITION_TRIM_HORIZON,
    LC_STARTING_POSITION_LATEST, LC_STARTING_POSITION_AT_TIMESTAMP
} lc_starting_position_t;

/* new SqsEventSource(queue, {...}).  batch_size 0 = Lambda's default (10); CDK's checks:
 * 1..10 without a batching window, 1..10000 with one; window <= 300 s; max_concurrency
 * 2..1000. */
typedef struct lc_sqs_event_source_props {
    int lc__;
    const lc_function_t *function;
    union {
        const lc_decl_t *source;              /* untyped */
        const lc_queue_t *queue;              /* LC_QUEUE */
        const lc_imported_queue_t *imported_queue;   /* LC_QUEUE_FROM_ARN */
    };
    int batch_size;
    lc_duration_t max_batching_window;
    int max_concurrency;
    bool report_batch_item_failures;
    lc_opt_bool_t enabled;
    lc_value_list_t filters;
} lc_sqs_event_source_props_t;
typedef struct lc_sqs_event_source {
    lc_decl_t h;
    lc_sqs_event_source_props_t p;
} lc_sqs_event_source_t;
lc_node_t *lc_sqs_event_source_expand(lc_stack_t *st, lc_node_t *scope, const lc_decl_t *d);
#define LC_SQS_EVENT_SOURCE(name, ...) \
    static const lc_sqs_event_source_t name = { \
        .h = LC__DECL_HDR(LC_DECL_SQS_EVENT_SOURCE, #name, lc_sqs_event_source_expand), \
        .p = { .lc__ = 0, __VA_ARGS__ } }

/* new DynamoEventSource(table, {...}) / new KinesisEventSource(stream, {...}): the stream
 * options of StreamEventSource.  batch_size 0 = 100 (written, as CDK does). */
typedef struct lc_stream_event_source_props {
    int lc__;
    const lc_function_t *function;
    union {
        const lc_decl_t *source;              /* untyped */
        const lc_table_t *table;              /* DynamoEventSource */
        const lc_stream_t *stream;            /* KinesisEventSource */
    };
    lc_starting_position_t starting_position;   /* required */
    double starting_position_timestamp;       /* AT_TIMESTAMP (Kinesis): seconds */
    int batch_size;
    lc_opt_bool_t bisect_batch_on_error;
    bool report_batch_item_failures;
    lc_duration_t max_batching_window;
    lc_duration_t max_record_age;
    lc_opt_int_t retry_attempts;              /* -1: infinite */
    int parallelization_factor;
    lc_duration_t tumbling_window;
    lc_on_failure_t on_failure;
    lc_opt_bool_t enabled;
    lc_value_list_t filters;
} lc_stream_event_source_props_t;
typedef struct lc_stream_event_source {
    lc_decl_t h;
    lc_stream_event_source_props_t p;
} lc_stream_event_source_t;
lc_node_t *lc_dynamo_event_source_expand(lc_stack_t *st, lc_node_t *scope, const lc_decl_t *d);
lc_node_t *lc_kinesis_event_source_expand(lc_stack_t *st, lc_node_t *scope, const lc_decl_t *d);
#define LC_DYNAMO_EVENT_SOURCE(name, ...) \
    static const lc_stream_event_source_t name = { \
        .h = LC__DECL_HDR(LC_DECL_DYNAMO_EVENT_SOURCE, #name, lc_dynamo_event_source_expand), \
        .p = { .lc__ = 0, __VA_ARGS__ } }
#define LC_KINESIS_EVENT_SOURCE(name, ...) \
    static const lc_stream_event_source_t name = { \
        .h = LC__DECL_HDR(LC_DECL_KINESIS_EVENT_SOURCE, #name, lc_kinesis_event_source_expand), \
        .p = { .lc__ = 0, __VA_ARGS__ } }

/* new S3EventSource(bucket, {events, filters}): bucket notifications through the
 * Custom::S3BucketNotifications resource of the bucket and the stack's one notifications
 * handler "BucketNotificationsHandler050a0587b7544547bf325f094a3db834".  The handler is
 * lambdac's own (inline Python), so its Code differs from CDK's; the rest matches. */
#define LC_S3_OBJECT_CREATED                "s3:ObjectCreated:*"
#define LC_S3_OBJECT_CREATED_PUT            "s3:ObjectCreated:Put"
#define LC_S3_OBJECT_CREATED_POST           "s3:ObjectCreated:Post"
#define LC_S3_OBJECT_CREATED_COPY           "s3:ObjectCreated:Copy"
#define LC_S3_OBJECT_CREATED_COMPLETE_MULTIPART_UPLOAD "s3:ObjectCreated:CompleteMultipartUpload"
#define LC_S3_OBJECT_REMOVED                "s3:ObjectRemoved:*"
#define LC_S3_OBJECT_REMOVED_DELETE         "s3:ObjectRemoved:Delete"
#define LC_S3_OBJECT_REMOVED_DELETE_MARKER_CREATED "s3:ObjectRemoved:DeleteMarkerCreated"
#define LC_S3_OBJECT_RESTORE_POST           "s3:ObjectRestore:Post"
#define LC_S3_OBJECT_RESTORE_COMPLETED      "s3:ObjectRestore:Completed"
#define LC_S3_OBJECT_TAGGING                "s3:ObjectTagging:*"
#define LC_S3_LIFECYCLE_EXPIRATION          "s3:LifecycleExpiration:*"
typedef struct lc_s3_key_filter {
    const char *prefix;
    const char *suffix;
} lc_s3_key_filter_t;
#define LC_S3_KEY_FILTERS(...) \
    .key_filters = (const lc_s3_key_filter_t[]){ __VA_ARGS__ }, \
    .nkey_filters = sizeof((const lc_s3_key_filter_t[]){ __VA_ARGS__ }) / sizeof(lc_s3_key_filter_t)
typedef struct lc_s3_event_source_props {
    int lc__;
    const lc_function_t *function;
    union {
        const lc_decl_t *source;              /* untyped */
        const lc_s3_bucket_t *bucket;         /* LC_S3_BUCKET */
        const lc_bucket_t *imported_bucket;   /* LC_BUCKET_FROM_NAME */
    };
    lc_str_list_t events;                     /* LC_STRS(LC_S3_OBJECT_CREATED, ...) */
    const lc_s3_key_filter_t *key_filters;
    size_t nkey_filters;
} lc_s3_event_source_props_t;
typedef struct lc_s3_event_source {
    lc_decl_t h;
    lc_s3_event_source_props_t p;
} lc_s3_event_source_t;
lc_node_t *lc_s3_event_source_expand(lc_stack_t *st, lc_node_t *scope, const lc_decl_t *d);
#define LC_S3_EVENT_SOURCE(name, ...) \
    static const lc_s3_event_source_t name = { \
        .h = LC__DECL_HDR(LC_DECL_S3_EVENT_SOURCE, #name, lc_s3_event_source_expand), \
        .p = { .lc__ = 0, __VA_ARGS__ } }

/* new SnsEventSource(topic, {filterPolicy, deadLetterQueue}): a Permission
 * "AllowInvoke:<unique id of the topic>" and a Subscription under the function. */
typedef struct lc_sns_event_source_props {
    int lc__;
    const lc_function_t *function;
    const lc_topic_t *topic;
    const lc_value_t *filter_policy;          /* the FilterPolicy JSON, e.g.
                                               * LC_VOBJ(LC_M("color", LC_VARR(LC_VSTR("red")))) */
    const lc_queue_t *dead_letter_queue;
} lc_sns_event_source_props_t;
typedef struct lc_sns_event_source {
    lc_decl_t h;
    lc_sns_event_source_props_t p;
} lc_sns_event_source_t;
lc_node_t *lc_sns_event_source_expand(lc_stack_t *st, lc_node_t *scope, const lc_decl_t *d);
#define LC_SNS_EVENT_SOURCE(name, ...) \
    static const lc_sns_event_source_t name = { \
        .h = LC__DECL_HDR(LC_DECL_SNS_EVENT_SOURCE, #name, lc_sns_event_source_expand), \
        .p = { .lc__ = 0, __VA_ARGS__ } }

/* ==== schedules (events.Schedule, applicationautoscaling.Schedule) =========================== */
enum { LC_SCHEDULE__NONE = 0, LC_SCHEDULE_CRON_, LC_SCHEDULE_RATE_, LC_SCHEDULE_EXPRESSION_ };
typedef struct lc_schedule {
    int kind;                       /* LC_SCHEDULE_*_ (set by the macros) */
    const char *minute, *hour, *day, *month, *week_day, *year;   /* cron fields */
    lc_duration_t rate;
    const char *expression;
} lc_schedule_t;
/* Initializers of a `.schedule` member (brace initializers, not compound literals, so
 * that LC_MINUTES(5) may nest in them under gcc).
 * Schedule.cron({minute, hour, day, month, weekDay, year}): unset fields are "*" (day
 * "?" when week_day is set, week_day "?"); day and week_day together are an error. */
#define LC_SCHEDULE_CRON(...)      { .kind = LC_SCHEDULE_CRON_, __VA_ARGS__ }
/* Schedule.rate(duration): "rate(1 day)", "rate(5 minutes)", ... (whole minutes) */
#define LC_SCHEDULE_RATE(d)        { .kind = LC_SCHEDULE_RATE_, .rate = d }
/* Schedule.expression("cron(...)" | "rate(...)" | "at(...)") */
#define LC_SCHEDULE_EXPRESSION(e)  { .kind = LC_SCHEDULE_EXPRESSION_, .expression = (e) }

/* ==== EventBridge rules =====================================================================
 * new events.Rule(scope, "Name", {schedule | eventPattern, ruleName, description, enabled})
 * with rule.addTarget(new targets.LambdaFunction(fn, {...})) for each target: the
 * AWS::Events::Rule and, per function, the permission "AllowEventRule<unique id of the
 * function>" under the rule.  A target's dead-letter queue gets a queue policy that lets
 * the rule send to it. */
typedef struct lc_lambda_target {
    const lc_function_t *function;
    lc_opt_int_t retry_attempts;
    lc_duration_t max_event_age;
    const lc_queue_t *dead_letter_queue;
    const lc_value_t *event;        /* RuleTargetInput.fromObject(...): written as JSON text */
} lc_lambda_target_t;
/* new targets.LambdaFunction(fn, {...}), declared: LC_LAMBDA_TARGET(Retrying,
 * .function = &Fn, .retry_attempts = LC_SOME(2), .max_event_age = LC_HOURS(2)) */
#define LC_LAMBDA_TARGET(name, ...) static const lc_lambda_target_t name = { __VA_ARGS__ }
/* ... or inline, LC_FUNCTION_TARGET(&Fn) (gcc refuses nested compound literals such as
 * LC_SOME(2) in the inline form's options: declare those targets). */
#define LC_FUNCTION_TARGET(fn, ...) (&(const lc_lambda_target_t){ .function = (fn), __VA_ARGS__ })
/* .targets: LC_RULE_TARGETS(LC_FUNCTION_TARGET(&Fn), &Retrying) */
#define LC_RULE_TARGETS(...) \
    .targets = (const lc_lambda_target_t *const[]){ __VA_ARGS__ }, \
    .ntargets = sizeof((const lc_lambda_target_t *const[]){ __VA_ARGS__ }) / \
                sizeof(const lc_lambda_target_t *)
typedef struct lc_event_rule_props {
    int lc__;
    const char *rule_name;
    const char *description;
    lc_opt_bool_t enabled;
    lc_schedule_t schedule;
    const lc_value_t *event_pattern;   /* {"source": [...], "detail-type": [...], ...};
                                        * a "detailType" key is written "detail-type" */
    const lc_lambda_target_t *const *targets;
    size_t ntargets;
} lc_event_rule_props_t;
typedef struct lc_event_rule {
    lc_decl_t h;
    lc_event_rule_props_t p;
} lc_event_rule_t;
lc_node_t *lc_event_rule_expand(lc_stack_t *st, lc_node_t *scope, const lc_decl_t *d);
#define LC_EVENT_RULE(name, ...) \
    static const lc_event_rule_t name = { \
        .h = LC__DECL_HDR(LC_DECL_EVENT_RULE, #name, lc_event_rule_expand), \
        .p = { .lc__ = 0, __VA_ARGS__ } }
/* A rule whose construct id is not a C identifier ("Schedule Rule"). */
#define LC_EVENT_RULE_ID(name, idstr, ...) \
    static const lc_event_rule_t name = { \
        .h = LC__DECL_HDR(LC_DECL_EVENT_RULE, idstr, lc_event_rule_expand), \
        .p = { .lc__ = 0, __VA_ARGS__ } }

/* ==== provisioned-concurrency autoscaling ====================================================
 * alias.addAutoScaling({minCapacity, maxCapacity}) with scaleOnUtilization and
 * scaleOnSchedule: the ScalableTarget "AliasScaling/Target" under the alias (service-
 * linked role AWSServiceRoleForApplicationAutoScaling_LambdaConcurrency) and, with a
 * utilization target (0.1 .. 0.9), the target-tracking policy "Tracking".
 *
 *     LC_SCALING_SCHEDULE(ScaleUpInTheMorning,
 *         .schedule = LC_SCHEDULE_CRON(.hour = "8", .minute = "0"),
 *         .min_capacity = LC_SOME(20));
 *     LC_ALIAS_AUTOSCALING(ProdScaling, .alias = &Prod,
 *         .min_capacity = LC_SOME(3), .max_capacity = LC_SOME(50),
 *         .utilization_target = 0.5,
 *         LC_SCALING_SCHEDULES(&ScaleUpInTheMorning));
 *
 * A schedule is its own static declaration (scaleOnSchedule(id, {...})); its C identifier
 * is the ScheduledActionName (LC_SCALING_SCHEDULE_ID gives any other name).
 */
typedef struct lc_scaling_schedule {
    const char *id;                 /* ScheduledActionName */
    lc_schedule_t schedule;
    lc_opt_int_t min_capacity;
    lc_opt_int_t max_capacity;
    const char *start_time;         /* ISO 8601, written as given */
    const char *end_time;
    const char *time_zone;
} lc_scaling_schedule_t;
#define LC_SCALING_SCHEDULE(name, ...) \
    static const lc_scaling_schedule_t name = { .id = #name, __VA_ARGS__ }
#define LC_SCALING_SCHEDULE_ID(name, idstr, ...) \
    static const lc_scaling_schedule_t name = { .id = (idstr), __VA_ARGS__ }
#define LC_SCALING_SCHEDULES(...) \
    .schedules = (const lc_scaling_schedule_t *const[]){ __VA_ARGS__ }, \
    .nschedules = sizeof((const lc_scaling_schedule_t *const[]){ __VA_ARGS__ }) / \
                  sizeof(const lc_scaling_schedule_t *)
typedef struct lc_alias_autoscaling_props {
    int lc__;
    const lc_alias_t *alias;
    lc_opt_int_t min_capacity;      /* default 1 */
    lc_opt_int_t max_capacity;      /* required */
    double utilization_target;      /* 0: no scaleOnUtilization */
    lc_duration_t scale_in_cooldown;
    lc_duration_t scale_out_cooldown;
    lc_opt_bool_t disable_scale_in;
    const lc_scaling_schedule_t *const *schedules;
    size_t nschedules;
} lc_alias_autoscaling_props_t;
typedef struct lc_alias_autoscaling {
    lc_decl_t h;
    lc_alias_autoscaling_props_t p;
} lc_alias_autoscaling_t;
lc_node_t *lc_alias_autoscaling_expand(lc_stack_t *st, lc_node_t *scope, const lc_decl_t *d);
#define LC_ALIAS_AUTOSCALING(name, ...) \
    static const lc_alias_autoscaling_t name = { \
        .h = LC__DECL_HDR(LC_DECL_ALIAS_AUTOSCALING, #name, lc_alias_autoscaling_expand), \
        .p = { .lc__ = 0, __VA_ARGS__ } }

#ifdef __cplusplus
}
#endif

/* The version constants (generated from spec/layer-arns/ by gen/emit-layer-arns.jq). */
#include <lambdac/layer_versions.gen.h>

#endif
