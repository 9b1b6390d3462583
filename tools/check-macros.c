/* check-macros.c - the DSL's macros as lambdac-check sees them: one data row each.
 *
 * Why a table: the DSL grows a macro at a time (layers, URLs, permissions, event
 * sources...).  Teaching the checker a new one is a row here, written in the small
 * template language of check.h (lc_ck_macro_t): which argument is the declaration's name,
 * which are members, which are designated members.  The parser does the rest, and a macro
 * missing from the table is reported as "unknown" (a note), never a crash.
 * t/check-macros.sh lists the LC_* macros of include/lambdac/*.h that have no row.
 *
 * Rows whose template is NULL stay calls (LC_CV_CALL): the L1 and value macros, which
 * check-schema.c reads by name.  declref_arg names the argument that is a declaration
 * (LC_VREF(X)), so references inside values count for reachability.
 */
#include "config.h"

#include <string.h>

#include "check.h"

#define DECL(name, kind, tmpl)  { name, LC_MF_DECL, LC_CK_##kind, tmpl, -1 }
#define VALUE(name, tmpl)       { name, LC_MF_VALUE, LC_CK_UNKNOWN, tmpl, -1 }
#define SPLICE(name, tmpl)      { name, LC_MF_SPLICE, LC_CK_UNKNOWN, tmpl, -1 }
#define CALL(name)              { name, LC_MF_VALUE, LC_CK_UNKNOWN, NULL, -1 }
#define CALLREF(name, arg)      { name, LC_MF_VALUE, LC_CK_UNKNOWN, NULL, arg }
#define IGNORE(name)            { name, LC_MF_IGNORE, LC_CK_UNKNOWN, NULL, -1 }

/* Sorted by name (strcmp): looked up by binary search. */
static const lc_ck_macro_t rows[] = {
    DECL("LC_ACCESS_POINT_FROM_ATTRIBUTES", ACCESS_POINT, "N ..."),
    VALUE("LC_ACCOUNT_PRINCIPAL", "kind=LC_PRINCIPAL_ACCOUNT value"),
    DECL("LC_ADD_ALIAS", ALIAS, "N version alias_name add_alias=1 ..."),
    DECL("LC_ALIAS", ALIAS, "N ..."),
    VALUE("LC_ANY_PRINCIPAL", "kind=LC_PRINCIPAL_ANY"),
    VALUE("LC_ARCHS", "items[] n=#"),
    VALUE("LC_ARN_PRINCIPAL", "kind=LC_PRINCIPAL_ARN value"),
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
    DECL("LC_CFN", CFN, "N T ..."),
    VALUE("LC_CODE_FROM_ASSET", "kind=LC_CODE_ASSET text ..."),
    VALUE("LC_CODE_FROM_BUCKET", "kind=LC_CODE_BUCKET &bucket text ..."),
    VALUE("LC_CODE_FROM_INLINE", "kind=LC_CODE_INLINE text"),
    VALUE("LC_CURRENT_VERSION", "&decl kind=LC_VERSION_REF_CURRENT"),
    VALUE("LC_DAYS", "ms*86400000 set=1 unit=LC_UNIT_DAYS"),
    IGNORE("LC_DECL_MAGIC"),
    CALL("LC_DOUBLE"),
    CALL("LC_DOUBLE_V"),
    VALUE("LC_ENV", "items[] n=#"),
    VALUE("LC_EPHEMERAL_MIB", "mib*1 set=1"),
    IGNORE("LC_ERRORS"),
    IGNORE("LC_FF_UPDATE_MASK"),
    VALUE("LC_FILESYSTEM_EFS", "&access_point mount_path"),
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
    DECL("LC_FUNCTION_ID", FUNCTION, "N ID ..."),
    DECL("LC_FUNCTION_VERSION_UPGRADE", OTHER, "N flag ..."),
    IGNORE("LC_GEN_ABI"),
    VALUE("LC_GIB", "mib*1024 set=1"),
    VALUE("LC_HOURS", "ms*3600000 set=1 unit=LC_UNIT_HOURS"),
    CALL("LC_INTEGER"),
    CALL("LC_INTEGER_V"),
    CALL("LC_JSON"),
    IGNORE("LC_JSON_MAX_DEPTH"),
    IGNORE("LC_JSON_READ_MAX_DEPTH"),
    CALL("LC_KEYS"),
    DECL("LC_KEY_FROM_ARN", KEY, "N key_arn"),
    VALUE("LC_KV", "key value"),
    VALUE("LC_KVS", "items[] n=#"),
    IGNORE("LC_L1_ABI"),
    IGNORE("LC_L1_BIND"),
    IGNORE("LC_L1_PRIMS"),
    IGNORE("LC_L1_SPEC_VERSION"),
    IGNORE("LC_L1_TYPE_COUNT"),
    VALUE("LC_LATEST_VERSION", "&decl kind=LC_VERSION_REF_LATEST"),
    SPLICE("LC_LAYERS", "layers[] nlayers=#"),
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
    DECL("LC_QUEUE", QUEUE, "N ..."),
    IGNORE("LC_RETENTION_INFINITE"),
    DECL("LC_ROLE", ROLE, "N ..."),
    DECL("LC_ROLE_FROM_ARN", ROLE, "N arn"),
    DECL("LC_ROLE_ID", ROLE, "N ID ..."),
    VALUE("LC_RUNTIMES", "items[] n=#"),
    VALUE("LC_RUNTIME_MANAGEMENT_AUTO", "mode=LC_RUNTIME_MGMT_AUTO_"),
    VALUE("LC_RUNTIME_MANAGEMENT_FUNCTION_UPDATE", "mode=LC_RUNTIME_MGMT_FUNCTION_UPDATE_"),
    VALUE("LC_RUNTIME_MANAGEMENT_MANUAL", "mode=LC_RUNTIME_MGMT_MANUAL_ arn"),
    VALUE("LC_SECONDS", "ms*1000 set=1 unit=LC_UNIT_SECONDS"),
    DECL("LC_SECURITY_GROUP_FROM_ID", SECURITY_GROUP, "N security_group_id"),
    VALUE("LC_SERVICE_PRINCIPAL", "kind=LC_PRINCIPAL_SERVICE value"),
    VALUE("LC_SOME", "v set=1"),
    DECL("LC_STACK", STACK, "N members[]"),
    DECL("LC_STACK_ENV", STACK, "N account region members[]"),
    DECL("LC_STACK_NAMED", STACK, "N ID members[]"),
    DECL("LC_STACK_NAMED_ENV", STACK, "N ID account region members[]"),
    VALUE("LC_STATEMENT", "..."),
    SPLICE("LC_STATEMENTS", "initial_policy[] ninitial_policy=#"),
    CALL("LC_STRING"),
    CALL("LC_STRING_V"),
    VALUE("LC_STRS", "items[] n=#"),
    CALL("LC_STRUCT"),
    VALUE("LC_TAGS", "items[] n=#"),
    CALL("LC_TIMESTAMP"),
    CALL("LC_TIMESTAMP_V"),
    DECL("LC_TOPIC", TOPIC, "N ..."),
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

static int cmp_row(const void *key, const void *elem)
{
    return strcmp((const char *)key, ((const lc_ck_macro_t *)elem)->name);
}

const lc_ck_macro_t *lc_ck_macro_find(const char *name, size_t len)
{
    char buf[96];
    size_t lo = 0, hi = sizeof rows / sizeof rows[0];
    if (len < 4 || len >= sizeof buf || name[0] != 'L' || name[1] != 'C' || name[2] != '_')
        return NULL;
    memcpy(buf, name, len);
    buf[len] = '\0';
    /* bsearch by hand: the key is not NUL-terminated in the caller's buffer */
    while (lo < hi) {
        size_t mid = (lo + hi) / 2;
        int c = cmp_row(buf, &rows[mid]);
        if (c == 0)
            return &rows[mid];
        if (c < 0)
            hi = mid;
        else
            lo = mid + 1;
    }
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
        [LC_CK_OTHER] = "declaration",
    };
    return (k >= 0 && k < LC_CK__COUNT && names[k]) ? names[k] : "declaration";
}
