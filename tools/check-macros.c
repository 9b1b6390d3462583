/* check-macros.c - the DSL's macros as lambdac-check sees them: one data row each.
 *
 * Why a table: the DSL grows a macro at a time (layers, URLs, permissions, event
 * sources...).  Teaching the checker a new one is a row here, written in the small
 * template language of check.h (lc_ck_macro_t): which argument is the declaration's name,
 * which are members, which are designated members.  The parser does the rest, and a macro
 * missing from the table is reported as "unknown" (a note), never a crash.
 * t/check-macros.sh lists the LC_* macros of the public headers that have no row.
 *
 * Rows whose template is NULL stay calls (LC_CV_CALL): the L1 and value macros, which
 * check-schema.c reads by name.  declref_arg names the argument that is a declaration
 * (LC_VREF(X)), so references inside values count for reachability.
 */
#include "config.h"

#include <stdint.h>
#include <string.h>

#include "check.h"

#define DECL(name, kind, tmpl)  { name, LC_MF_DECL, LC_CK_##kind, tmpl, -1 }
#define VALUE(name, tmpl)       { name, LC_MF_VALUE, LC_CK_UNKNOWN, tmpl, -1 }
#define SPLICE(name, tmpl)      { name, LC_MF_SPLICE, LC_CK_UNKNOWN, tmpl, -1 }
#define CALL(name)              { name, LC_MF_VALUE, LC_CK_UNKNOWN, NULL, -1 }
#define CALLREF(name, arg)      { name, LC_MF_VALUE, LC_CK_UNKNOWN, NULL, arg }
#define IGNORE(name)            { name, LC_MF_IGNORE, LC_CK_UNKNOWN, NULL, -1 }

/* Sorted by name (strcmp): `lambdac-check --list-macros | sort -c` checks it, so the
 * table reads as a list and merges stay easy. */
static const lc_ck_macro_t rows[] = {
    DECL("LC_ACCESS_POINT_FROM_ATTRIBUTES", ACCESS_POINT, "N ..."),
    VALUE("LC_ACCOUNT_PRINCIPAL", "kind=LC_PRINCIPAL_ACCOUNT value"),
    VALUE("LC_ACCOUNT_ROOT_PRINCIPAL", "kind=LC_PRINCIPAL_ACCOUNT_ROOT"),
    DECL("LC_ADD_ALIAS", ALIAS, "N version alias_name add_alias=1 ..."),
    DECL("LC_ADD_FUNCTION_URL", URL, "N add=1 ..."),
    VALUE("LC_ADOT", "..."),
    VALUE("LC_ADOT_INSTRUMENT_HANDLER", "\"/opt/otel-instrument\""),
    VALUE("LC_ADOT_PROXY_HANDLER", "\"/opt/otel-proxy-handler\""),
    VALUE("LC_ADOT_REGULAR_HANDLER", "\"/opt/otel-handler\""),
    VALUE("LC_ADOT_SQS_HANDLER", "\"/opt/otel-sqs-handler\""),
    VALUE("LC_ADOT_STREAM_HANDLER", "\"/opt/otel-stream-handler\""),
    DECL("LC_ALARM", OTHER, "N ..."),
    DECL("LC_ALIAS", ALIAS, "N ..."),
    DECL("LC_ALIAS_AUTOSCALING", OTHER, "N ..."),
    VALUE("LC_ANY_PRINCIPAL", "kind=LC_PRINCIPAL_ANY"),
    VALUE("LC_ARCHS", "items[] n=#"),
    VALUE("LC_ARN_PRINCIPAL", "kind=LC_PRINCIPAL_ARN value"),
    VALUE("LC_ATTRIBUTE", "name type"),
    CALL("LC_AWS_ACCOUNT_ID"),
    CALL("LC_AWS_NOTIFICATION_ARNS"),
    CALL("LC_AWS_NO_VALUE"),
    CALL("LC_AWS_PARTITION"),
    CALL("LC_AWS_REGION"),
    CALL("LC_AWS_STACK_ID"),
    CALL("LC_AWS_STACK_NAME"),
    CALL("LC_AWS_URL_SUFFIX"),
    CALL("LC_BOOLEAN"),
    CALL("LC_BOOLEAN_V"),
    DECL("LC_BUCKET_FROM_NAME", BUCKET, "N bucket_name"),
    DECL("LC_BUCKET_FROM_NAME_ID", BUCKET, "N ID bucket_name"),
    VALUE("LC_BUNDLING", "..."),
    DECL("LC_CFN", CFN, "N T ..."),
    VALUE("LC_CODE_FROM_ASSET", "kind=LC_CODE_ASSET text ..."),
    VALUE("LC_CODE_FROM_BUCKET", "kind=LC_CODE_BUCKET &bucket text ..."),
    VALUE("LC_CODE_FROM_INLINE", "kind=LC_CODE_INLINE text"),
    DECL("LC_CODE_SIGNING_CONFIG", OTHER, "N ..."),
    DECL("LC_CODE_SIGNING_CONFIG_FROM_ARN", OTHER, "N arn"),
    VALUE("LC_COMPOSITE_PRINCIPAL", "kind=LC_PRINCIPAL_COMPOSITE members[] nmembers=#"),
    CALL("LC_COND"),
    CALL("LC_CONDITIONS"),
    CALL("LC_CONDV"),
    VALUE("LC_CURRENT_VERSION", "&decl kind=LC_VERSION_REF_CURRENT"),
    VALUE("LC_DAYS", "ms*86400000 set=1 unit=LC_UNIT_DAYS"),
    IGNORE("LC_DECL_ECR_REPOSITORY"),
    IGNORE("LC_DECL_MAGIC"),
    VALUE("LC_DEPENDS_ON", "items[] n=#"),
    VALUE("LC_DOCKER_IMAGE_FROM_ASSET", "kind=LC_CODE_IMAGE_ASSET text ..."),
    VALUE("LC_DOCKER_IMAGE_FROM_ECR", "kind=LC_CODE_ECR_IMAGE &repository ..."),
    DECL("LC_DOCKER_IMAGE_FUNCTION", FUNCTION, "N runtime=LC_RUNTIME_FROM_IMAGE handler=\"FROM_IMAGE\" ..."),
    CALL("LC_DOUBLE"),
    CALL("LC_DOUBLE_V"),
    DECL("LC_DYNAMO_EVENT_SOURCE", OTHER, "N ..."),
    DECL("LC_ECR_REPOSITORY", OTHER, "N ..."),
    DECL("LC_ECR_REPOSITORY_FROM_NAME", OTHER, "N repository_name"),
    VALUE("LC_ENV", "items[] n=#"),
    VALUE("LC_EPHEMERAL_MIB", "mib*1 set=1"),
    IGNORE("LC_ERRORS"),
    DECL("LC_EVENT_RULE", OTHER, "N ..."),
    DECL("LC_EVENT_RULE_ID", OTHER, "N ID ..."),
    IGNORE("LC_FF_UPDATE_MASK"),
    VALUE("LC_FILESYSTEM_EFS", "&access_point mount_path"),
    DECL("LC_FILE_SYSTEM_FROM_ATTRIBUTES", OTHER, "N ..."),
    CALL("LC_FILTER"),
    SPLICE("LC_FILTERS", "filters.items[] filters.n=#"),
    CALL("LC_FILTER_BEGINS_WITH"),
    CALL("LC_FILTER_BETWEEN"),
    CALL("LC_FILTER_EMPTY"),
    CALL("LC_FILTER_EXISTS"),
    CALL("LC_FILTER_IS_EQUAL"),
    CALL("LC_FILTER_IS_EQUAL_BOOL"),
    CALL("LC_FILTER_IS_EQUAL_NUMBER"),
    CALL("LC_FILTER_NOT_EQUALS"),
    CALL("LC_FILTER_NOT_EXISTS"),
    CALL("LC_FILTER_NULL"),
    CALL("LC_FILTER_OR"),
    CALL("LC_FN_AND"),
    CALL("LC_FN_BASE64"),
    CALL("LC_FN_CONDITION"),
    CALL("LC_FN_EQUALS"),
    CALL("LC_FN_FINDINMAP"),
    CALL("LC_FN_GETAZS"),
    CALL("LC_FN_IF"),
    CALL("LC_FN_IMPORTVALUE"),
    CALL("LC_FN_JOIN"),
    CALL("LC_FN_NOT"),
    CALL("LC_FN_OR"),
    CALL("LC_FN_SELECT"),
    CALL("LC_FN_SPLIT"),
    CALL("LC_FN_SUB"),
    CALL("LC_FN_SUBV"),
    DECL("LC_FUNCTION", FUNCTION, "N ..."),
    DECL("LC_FUNCTION_FROM_ARN", OTHER, "N function_arn"),
    DECL("LC_FUNCTION_FROM_ATTRIBUTES", OTHER, "N ..."),
    DECL("LC_FUNCTION_FROM_NAME", OTHER, "N function_name"),
    DECL("LC_FUNCTION_ID", FUNCTION, "N ID ..."),
    VALUE("LC_FUNCTION_METRIC", "&function metric_name ..."),
    VALUE("LC_FUNCTION_TARGET", "function ..."),
    DECL("LC_FUNCTION_URL", URL, "N ..."),
    CALLREF("LC_FUNCTION_URL_URL", 0),
    DECL("LC_FUNCTION_VERSION_UPGRADE", OTHER, "N flag ..."),
    IGNORE("LC_GEN_ABI"),
    VALUE("LC_GIB", "mib*1024 set=1"),
    DECL("LC_GRANT_INVOKE", OTHER, "N ..."),
    DECL("LC_GRANT_INVOKE_COMPOSITE_PRINCIPAL", OTHER, "N ..."),
    DECL("LC_GRANT_INVOKE_LATEST_VERSION", OTHER, "N ..."),
    DECL("LC_GRANT_INVOKE_URL", OTHER, "N ..."),
    DECL("LC_GRANT_INVOKE_VERSION", OTHER, "N ..."),
    DECL("LC_GRANT_READ", OTHER, "N ..."),
    VALUE("LC_HOURS", "ms*3600000 set=1 unit=LC_UNIT_HOURS"),
    VALUE("LC_HTTP_METHODS", "items[] n=#"),
    VALUE("LC_INSIGHTS_FROM_ARN", "arn"),
    VALUE("LC_INSIGHTS_VERSION", "version"),
    CALL("LC_INTEGER"),
    CALL("LC_INTEGER_V"),
    CALL("LC_JSON"),
    IGNORE("LC_JSON_MAX_DEPTH"),
    IGNORE("LC_JSON_READ_MAX_DEPTH"),
    CALL("LC_KEYS"),
    DECL("LC_KEY_FROM_ARN", KEY, "N key_arn"),
    DECL("LC_KINESIS_EVENT_SOURCE", OTHER, "N ..."),
    VALUE("LC_KV", "key value"),
    VALUE("LC_KVS", "items[] n=#"),
    IGNORE("LC_L1_ABI"),
    IGNORE("LC_L1_BIND"),
    IGNORE("LC_L1_PRIMS"),
    IGNORE("LC_L1_SPEC_VERSION"),
    IGNORE("LC_L1_TYPE_COUNT"),
    DECL("LC_LAMBDA_TARGET", OTHER, "N ..."),
    VALUE("LC_LATEST_VERSION", "&decl kind=LC_VERSION_REF_LATEST"),
    SPLICE("LC_LAYERS", "layers[] nlayers=#"),
    IGNORE("LC_LAYER_ARNS_ABI"),
    DECL("LC_LAYER_FROM_ARN", LAYER, "N kind=LC_LAYER_FROM_ARN_ arn"),
    DECL("LC_LAYER_FROM_ATTRIBUTES", LAYER, "N kind=LC_LAYER_FROM_ATTRIBUTES_ arn ..."),
    SPLICE("LC_LAYER_PERMISSIONS", "permissions[] npermissions=#"),
    DECL("LC_LAYER_VERSION", LAYER, "N kind=LC_LAYER_DEFINED ..."),
    CALL("LC_LIST_BOOLEAN"),
    CALL("LC_LIST_DOUBLE"),
    CALL("LC_LIST_EMPTY"),
    CALL("LC_LIST_INTEGER"),
    CALL("LC_LIST_JSON"),
    CALL("LC_LIST_LONG"),
    CALL("LC_LIST_OF"),
    CALL("LC_LIST_STRING"),
    CALL("LC_LIST_TIMESTAMP"),
    CALL("LC_LIST_V"),
    DECL("LC_LOG_GROUP", LOG_GROUP, "N ..."),
    DECL("LC_LOG_RETENTION_RETRY_OPTIONS", OTHER, "N ..."),
    CALL("LC_LONG"),
    CALL("LC_LONG_V"),
    CALL("LC_M"),
    IGNORE("LC_MAIN"),
    CALL("LC_MAP_BOOLEAN"),
    CALL("LC_MAP_DOUBLE"),
    CALL("LC_MAP_INTEGER"),
    CALL("LC_MAP_JSON"),
    CALL("LC_MAP_LONG"),
    CALL("LC_MAP_OF"),
    CALL("LC_MAP_STRING"),
    CALL("LC_MAP_TIMESTAMP"),
    CALL("LC_MAP_V"),
    VALUE("LC_MIB", "mib*1 set=1"),
    VALUE("LC_MILLIS", "ms*1 set=1 unit=LC_UNIT_MILLIS"),
    VALUE("LC_MINUTES", "ms*60000 set=1 unit=LC_UNIT_MINUTES"),
    VALUE("LC_ORGANIZATION_PRINCIPAL", "kind=LC_PRINCIPAL_ORGANIZATION value"),
    DECL("LC_OUTPUT", OUTPUT, "N ..."),
    DECL("LC_PARAMS_AND_SECRETS", OTHER, "N ..."),
    VALUE("LC_PARAMS_AND_SECRETS_FROM_ARN", "arn ..."),
    VALUE("LC_PARAMS_AND_SECRETS_FROM_VERSION", "version ..."),
    DECL("LC_PERMISSION", OTHER, "N ..."),
    VALUE("LC_PRINCIPAL", "..."),
    DECL("LC_PROFILING_GROUP", OTHER, "N ..."),
    DECL("LC_QUEUE", QUEUE, "N ..."),
    DECL("LC_QUEUE_FROM_ARN", OTHER, "N queue_arn"),
    IGNORE("LC_RETENTION_INFINITE"),
    DECL("LC_ROLE", ROLE, "N ..."),
    DECL("LC_ROLE_FROM_ARN", ROLE, "N arn"),
    DECL("LC_ROLE_ID", ROLE, "N ID ..."),
    VALUE("LC_ROLE_PRINCIPAL", "kind=LC_PRINCIPAL_ROLE &role"),
    SPLICE("LC_RULE_TARGETS", "targets[] ntargets=#"),
    VALUE("LC_RUNTIMES", "items[] n=#"),
    VALUE("LC_RUNTIME_MANAGEMENT_AUTO", "mode=LC_RUNTIME_MGMT_AUTO_"),
    VALUE("LC_RUNTIME_MANAGEMENT_FUNCTION_UPDATE", "mode=LC_RUNTIME_MGMT_FUNCTION_UPDATE_"),
    VALUE("LC_RUNTIME_MANAGEMENT_MANUAL", "mode=LC_RUNTIME_MGMT_MANUAL_ arn"),
    DECL("LC_S3_BUCKET", OTHER, "N ..."),
    DECL("LC_S3_EVENT_SOURCE", OTHER, "N ..."),
    SPLICE("LC_S3_KEY_FILTERS", "key_filters[] nkey_filters=#"),
    VALUE("LC_S3_LIFECYCLE_EXPIRATION", "\"s3:LifecycleExpiration:*\""),
    VALUE("LC_S3_OBJECT_CREATED", "\"s3:ObjectCreated:*\""),
    VALUE("LC_S3_OBJECT_CREATED_COMPLETE_MULTIPART_UPLOAD", "\"s3:ObjectCreated:CompleteMultipartUpload\""),
    VALUE("LC_S3_OBJECT_CREATED_COPY", "\"s3:ObjectCreated:Copy\""),
    VALUE("LC_S3_OBJECT_CREATED_POST", "\"s3:ObjectCreated:Post\""),
    VALUE("LC_S3_OBJECT_CREATED_PUT", "\"s3:ObjectCreated:Put\""),
    VALUE("LC_S3_OBJECT_REMOVED", "\"s3:ObjectRemoved:*\""),
    VALUE("LC_S3_OBJECT_REMOVED_DELETE", "\"s3:ObjectRemoved:Delete\""),
    VALUE("LC_S3_OBJECT_REMOVED_DELETE_MARKER_CREATED", "\"s3:ObjectRemoved:DeleteMarkerCreated\""),
    VALUE("LC_S3_OBJECT_RESTORE_COMPLETED", "\"s3:ObjectRestore:Completed\""),
    VALUE("LC_S3_OBJECT_RESTORE_POST", "\"s3:ObjectRestore:Post\""),
    VALUE("LC_S3_OBJECT_TAGGING", "\"s3:ObjectTagging:*\""),
    DECL("LC_SCALING_SCHEDULE", OTHER, "N ..."),
    SPLICE("LC_SCALING_SCHEDULES", "schedules[] nschedules=#"),
    DECL("LC_SCALING_SCHEDULE_ID", OTHER, "N ID ..."),
    VALUE("LC_SCHEDULE_CRON", "kind=LC_SCHEDULE_CRON_ ..."),
    VALUE("LC_SCHEDULE_EXPRESSION", "kind=LC_SCHEDULE_EXPRESSION_ expression"),
    VALUE("LC_SCHEDULE_RATE", "kind=LC_SCHEDULE_RATE_ rate"),
    VALUE("LC_SECONDS", "ms*1000 set=1 unit=LC_UNIT_SECONDS"),
    DECL("LC_SECRET", OTHER, "N ..."),
    DECL("LC_SECURITY_GROUP_FROM_ID", SECURITY_GROUP, "N security_group_id"),
    VALUE("LC_SERVICE_PRINCIPAL", "kind=LC_PRINCIPAL_SERVICE value"),
    IGNORE("LC_SIGNING_PLATFORM_AMAZON_FREE_RTOS_DEFAULT"),
    IGNORE("LC_SIGNING_PLATFORM_AMAZON_FREE_RTOS_TI_CC3220SF"),
    IGNORE("LC_SIGNING_PLATFORM_AWS_IOT_DEVICE_MANAGEMENT_SHA256_ECDSA"),
    IGNORE("LC_SIGNING_PLATFORM_AWS_LAMBDA_SHA384_ECDSA"),
    IGNORE("LC_SIGNING_PLATFORM_NOTATION_OCI_SHA384_ECDSA"),
    DECL("LC_SIGNING_PROFILE", OTHER, "N ..."),
    SPLICE("LC_SIGNING_PROFILES", "signing_profiles[] nsigning_profiles=#"),
    DECL("LC_SIGNING_PROFILE_FROM_ATTRIBUTES", OTHER, "N signing_profile_name signing_profile_version"),
    DECL("LC_SINGLETON_FUNCTION", FUNCTION, "N uuid ..."),
    DECL("LC_SINGLETON_FUNCTION_PURPOSE", FUNCTION, "N uuid lambda_purpose ..."),
    VALUE("LC_SNS_DLQ", "topic"),
    DECL("LC_SNS_EVENT_SOURCE", OTHER, "N ..."),
    VALUE("LC_SOME", "v set=1"),
    VALUE("LC_SQS_DLQ", "queue"),
    DECL("LC_SQS_EVENT_SOURCE", OTHER, "N ..."),
    DECL("LC_STACK", STACK, "N members[]"),
    DECL("LC_STACK_ENV", STACK, "N account region members[]"),
    DECL("LC_STACK_NAMED", STACK, "N ID members[]"),
    DECL("LC_STACK_NAMED_ENV", STACK, "N ID account region members[]"),
    VALUE("LC_STAR_PRINCIPAL", "kind=LC_PRINCIPAL_STAR"),
    VALUE("LC_STATEMENT", "..."),
    SPLICE("LC_STATEMENTS", "initial_policy[] ninitial_policy=#"),
    DECL("LC_STREAM_FROM_ARN", OTHER, "N stream_arn"),
    CALL("LC_STRING"),
    DECL("LC_STRING_PARAMETER", OTHER, "N ..."),
    CALL("LC_STRING_V"),
    VALUE("LC_STRS", "items[] n=#"),
    CALL("LC_STRUCT"),
    DECL("LC_TABLE", OTHER, "N ..."),
    DECL("LC_TABLE_FROM_ATTRIBUTES", OTHER, "N imported=1 ..."),
    VALUE("LC_TAGS", "items[] n=#"),
    CALL("LC_TIMESTAMP"),
    CALL("LC_TIMESTAMP_V"),
    DECL("LC_TOPIC", TOPIC, "N ..."),
    VALUE("LC_URL_CORS", "set=1 ..."),
    VALUE("LC_URL_MAX_AGE_SECONDS", "ms*1000 set=1 unit=LC_UNIT_SECONDS"),
    CALL("LC_VARR"),
    CALL("LC_VARR0"),
    CALL("LC_VBOOL"),
    DECL("LC_VERSION", VERSION, "N ..."),
    VALUE("LC_VERSION_OF", "&decl kind=LC_VERSION_REF_EXPLICIT"),
    CALL("LC_VFALSE"),
    CALLREF("LC_VGETATT", 0),
    CALLREF("LC_VGETATT_CURRENT_VERSION", 0),
    CALL("LC_VINT"),
    CALL("LC_VNULL"),
    CALL("LC_VNUM"),
    CALL("LC_VOBJ"),
    CALL("LC_VOBJ0"),
    DECL("LC_VPC_FROM_ATTRIBUTES", VPC, "N ..."),
    CALLREF("LC_VREF", 0),
    CALLREF("LC_VREFNAME", -1),
    CALLREF("LC_VREF_CURRENT_VERSION", 0),
    CALL("LC_VSTR"),
    CALL("LC_VTRUE"),
    CALL("LC_WRAP"),
};

/* Names are looked up for every identifier followed by '(' and every identifier value:
 * a hash table over the rows, built on first use (open addressing, twice the rows). */
#define NROWS (sizeof rows / sizeof rows[0])
static const lc_ck_macro_t *table[2 * NROWS + 1];
static size_t table_len[2 * NROWS + 1];     /* strlen of each slot's name */


const lc_ck_macro_t *lc_ck_macro_find(const char *name, size_t len)
{
    static const size_t cap = sizeof table / sizeof table[0];
    if (len < 4 || name[0] != 'L' || name[1] != 'C' || name[2] != '_')
        return NULL;
    if (!table[cap - 1]) {
        for (size_t i = 0; i < NROWS; i++) {
            size_t n = strlen(rows[i].name);
            size_t h = lc_ck_hash(rows[i].name, n) % (cap - 1);
            while (table[h])
                h = (h + 1) % (cap - 1);
            table[h] = &rows[i];
            table_len[h] = n;
        }
        table[cap - 1] = &rows[0];      /* built */
    }
    /* the name's length beside each slot: a hit costs one memcmp of known size */
    for (size_t h = lc_ck_hash(name, len) % (cap - 1); table[h]; h = (h + 1) % (cap - 1))
        if (table_len[h] == len && memcmp(table[h]->name, name, len) == 0)
            return table[h];
    return NULL;
}

const lc_ck_macro_t *lc_ck_macro_rows(size_t *n)
{
    *n = sizeof rows / sizeof rows[0];
    return rows;
}

const char *lc_ck_kind_name(lc_ck_kind_t k)
{
    static const char *const names[LC_CK__COUNT] = {
        [LC_CK_UNKNOWN] = "declaration", [LC_CK_STACK] = "stack", [LC_CK_CFN] = "L1 resource",
        [LC_CK_FUNCTION] = "function", [LC_CK_ROLE] = "role", [LC_CK_QUEUE] = "queue",
        [LC_CK_TOPIC] = "topic", [LC_CK_LOG_GROUP] = "log group", [LC_CK_BUCKET] = "bucket",
        [LC_CK_VPC] = "VPC", [LC_CK_SECURITY_GROUP] = "security group", [LC_CK_KEY] = "KMS key",
        [LC_CK_ACCESS_POINT] = "EFS access point", [LC_CK_OUTPUT] = "output",
        [LC_CK_VERSION] = "version", [LC_CK_ALIAS] = "alias", [LC_CK_LAYER] = "layer",
        [LC_CK_URL] = "function URL",
        [LC_CK_OTHER] = "declaration",
    };
    return (k >= 0 && k < LC_CK__COUNT && names[k]) ? names[k] : "declaration";
}
