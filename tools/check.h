/* tools/check.h - internals of lambdac-check (not installed).
 *
 * lambdac-check reads stack sources as text and checks the DSL declarations in them
 * without compiling anything.  The pieces, each in its own file:
 *
 *   check-lex.re     an re2c lexer for C: tokens, preprocessor lines, comments
 *   check-parse.c    DSL invocations -> declarations whose properties are value trees
 *   check-macros.c   the table of the DSL's macros (one data row per macro)
 *   check-rules.c    the rule table and the CDK / model / security / operations checks
 *   check-schema.c   raw L1 declarations (LC_CFN) against the generated descriptors
 *   check-report.c   diagnostics: suppressions, text / JSON / SARIF output
 *   lambdac-check.c  the command line
 *
 * Memory: nothing here is freed piecemeal.  What a run keeps to the end (diagnostics,
 * suppressions) comes from run->keep; a file's model (tokens put back, values,
 * declarations, the rules' scratch) from run->arena, which the command line resets
 * after each file, so that checking many files reuses one file's worth of memory.
 */
#ifndef LAMBDAC_TOOLS_CHECK_H
#define LAMBDAC_TOOLS_CHECK_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>
#include <string.h>

#include <lambdac/arena.h>

/* ---- locations --------------------------------------------------------------------- */
typedef struct lc_ck_loc {
    uint32_t line;   /* 1-based */
    uint32_t col;    /* 1-based, in bytes */
} lc_ck_loc_t;

/* ---- tokens (check-lex.re) --------------------------------------------------------- */
enum {
    LC_TK_EOF = 0,
    LC_TK_IDENT,
    LC_TK_NUMBER,      /* a pp-number: 12, 0x1fu, 1.5e-3, 1'000 */
    LC_TK_STRING,      /* with its prefix and quotes, escapes undecoded; also C++ raw strings */
    LC_TK_CHAR,
    LC_TK_PUNCT,       /* tok.punct says which */
    LC_TK_PP,          /* a whole preprocessor line, from '#' to the end of the line */
    LC_TK_ERROR        /* tok.msg says why; the lexer has skipped the bad bytes */
};

/* Punctuators: one-character ones are their character; the rest are these codes. */
enum {
    LC_P_ARROW = 256, LC_P_INC, LC_P_DEC, LC_P_SHL, LC_P_SHR, LC_P_LE, LC_P_GE, LC_P_EQ,
    LC_P_NE, LC_P_ANDAND, LC_P_OROR, LC_P_ELLIPSIS, LC_P_HASHHASH, LC_P_ASSIGNOP,
    LC_P_SCOPE
};

typedef struct lc_tok {
    int kind;              /* LC_TK_* */
    int punct;             /* LC_TK_PUNCT: a character or LC_P_* */
    const char *p;         /* the token's bytes in the buffer (not NUL-terminated) */
    size_t len;
    lc_ck_loc_t loc;
    const char *msg;       /* LC_TK_ERROR: a static message */
} lc_tok_t;

/* Called for every comment (text includes the comment markers). */
typedef void (*lc_lex_comment_fn)(void *ctx, const char *text, size_t len,
                                  lc_ck_loc_t at, uint32_t end_line);

typedef struct lc_lexer {
    const unsigned char *cur, *lim;
    const unsigned char *line_start;
    uint32_t line;
    bool bol;                    /* only blanks and comments since the last newline */
    lc_lex_comment_fn on_comment;
    void *ctx;
} lc_lexer_t;

/* Lex buf[0..len); buf[len] must be '\0' (the sentinel; NUL bytes inside are fine).
 * `first_line` numbers the first line (1 for a file). */
void lc_lex_init(lc_lexer_t *lx, const char *buf, size_t len, uint32_t first_line);
/* The next token into *t; returns t->kind.  Never fails: bad input gives LC_TK_ERROR
 * tokens and lexing continues after them.  After LC_TK_EOF it keeps returning EOF. */
int lc_lex_next(lc_lexer_t *lx, lc_tok_t *t);

/* ---- hashing ------------------------------------------------------------------------ */
/* The hash of n bytes for the checker's tables (names, designators, the macro table).
 * Eight bytes or more are hashed a word at a time (the last word overlapping the one
 * before), every byte counted: names are hashed for nearly every token of a stack, and a
 * loop per byte cost more than the table lookups themselves. */
static inline uint32_t lc_ck_hash(const char *s, size_t n)
{
    if (n >= 8) {
        uint64_t x = n * UINT64_C(0x9e3779b97f4a7c15), w;
        for (size_t i = 0; i + 8 < n; i += 8) {
            memcpy(&w, s + i, 8);
            x = (x ^ w) * UINT64_C(0xbf58476d1ce4e5b9);
            x ^= x >> 31;
        }
        memcpy(&w, s + n - 8, 8);
        x = (x ^ w) * UINT64_C(0x94d049bb133111eb);
        x ^= x >> 29;
        return (uint32_t)(x >> 32);
    }
    uint32_t h = 2166136261u;
    for (size_t i = 0; i < n; i++)
        h = (h ^ (unsigned char)s[i]) * 16777619u;
    return h;
}

/* ---- values ------------------------------------------------------------------------- */
/* What the parser makes of an expression.  Anything it cannot evaluate without a
 * compiler (a call, a user macro, sizeof) is LC_CV_UNKNOWN with a reason: rules never
 * guess at it. */
typedef enum lc_cv_kind {
    LC_CV_UNKNOWN = 0,
    LC_CV_NULL,        /* NULL, or a 0 where a pointer goes */
    LC_CV_STR,         /* s/len: the decoded bytes (concatenated literals), NUL-terminated */
    LC_CV_INT,         /* i */
    LC_CV_NUM,         /* n */
    LC_CV_IDENT,       /* s: an identifier (an enumerator, a macro constant) */
    LC_CV_ADDR,        /* s: &Name, the address of a declaration */
    LC_CV_CALL,        /* s: a macro name, items: its arguments (positional) */
    LC_CV_INIT         /* items: a brace initializer or a helper macro's expansion */
} lc_cv_kind_t;

typedef struct lc_cv lc_cv_t;

typedef struct lc_cv_item {
    const char *desig;     /* "timeout", "code.text", "[2]"; NULL for a positional item;
                            * interned: equal designators are one pointer */
    uint32_t dlen;         /* strlen(desig) */
    lc_ck_loc_t loc;       /* of the designator (or of the value when positional) */
    uint16_t dkey;         /* lc_ck_desig_key(desig), 0 when positional (in what would
                            * be padding) */
    lc_cv_t *val;
} lc_cv_item_t;

/* The first two bytes of a designator or member path, a '.' or '[' after the first
 * byte counted as its end: "code.text", "code" and "co" share no key, "a" and "a.b" do.
 * Every designator that lc_ck_get() can match for a path (the path itself, a prefix of
 * it, an extension of it) has the path's key, so members are skipped on a 16-bit
 * compare, without reading their bytes; rules look members up dozens of times per
 * declaration. */
static inline uint16_t lc_ck_desig_key(const char *s)
{
    unsigned c1 = s[0] ? (unsigned char)s[1] : 0;
    if (c1 == '.' || c1 == '[')
        c1 = 0;
    return (uint16_t)((unsigned char)s[0] | c1 << 8);
}

struct lc_cv {
    lc_ck_loc_t loc;
    uint8_t kind;          /* lc_cv_kind_t */
    bool opaque;           /* INIT: holds items the checker could not place, so a
                            * member it lacks may still be set */
    bool reported;         /* UNKNOWN: a "not statically known" note was given */
    bool splice;           /* INIT from a splicing macro (LC_STATEMENTS): its items
                            * belong to the enclosing initializer */
    uint32_t nitems;
    const char *s;         /* STR: bytes; IDENT/ADDR/CALL: name; UNKNOWN: the reason */
    union {                /* one per kind: values are many, keep them small */
        size_t len;        /* STR: length in bytes */
        const uint16_t *index;   /* INIT: lc_ck_get()'s hash index of the items by
                                  * key, built on first use (NULL: not yet) */
        int64_t i;         /* INT */
        double n;          /* NUM */
    };
    union {
        const char *type;  /* INIT from a compound literal: its type ("lc_kv_t[]") */
        const char *via;   /* INIT expanded from a helper macro: the macro's name;
                            * UNKNOWN from a member access (X.h): the base identifier */
        const struct lc_ck_macro *row;   /* CALL: its row in the macro table, or NULL
                                          * (not looked up, or unknown) */
    };
    lc_cv_item_t *items;   /* INIT: members; CALL: arguments */
};

/* ---- declarations ------------------------------------------------------------------ */
/* Declaration kinds (the DSL's lc_decl_kind_t and then some). */
typedef enum lc_ck_kind {
    LC_CK_UNKNOWN = 0,     /* an LC_* declaration macro the checker does not know */
    LC_CK_STACK,
    LC_CK_CFN,
    LC_CK_FUNCTION,
    LC_CK_ROLE,
    LC_CK_QUEUE,
    LC_CK_TOPIC,
    LC_CK_LOG_GROUP,
    LC_CK_BUCKET,
    LC_CK_VPC,
    LC_CK_SECURITY_GROUP,
    LC_CK_KEY,
    LC_CK_ACCESS_POINT,
    LC_CK_OUTPUT,
    LC_CK_VERSION,
    LC_CK_ALIAS,
    LC_CK_LAYER,
    LC_CK_URL,             /* LC_FUNCTION_URL, LC_ADD_FUNCTION_URL */
    LC_CK_OTHER,           /* a known declaration macro of a construct no rule looks into
                            * (event sources, URLs, permissions, imports...) */
    LC_CK__COUNT
} lc_ck_kind_t;

/* A row of the macro table (check-macros.c).
 *
 * `tmpl` says how the macro's arguments map onto members, one word per argument:
 *   N          the declaration's C name (declaration macros)
 *   ID         the construct id, a string (LC_FUNCTION_ID, ...)
 *   T          an L1 type name (LC_CFN)
 *   name       the next argument is member `name`
 *   &name      the next argument names a declaration: member `name` = &argument
 *   name*K     the next argument times K (units: LC_MINUTES is "ms*60000")
 *   name=V     member `name` is V (an identifier, an integer or a "string"), no argument
 *              taken
 *   name[]     the remaining arguments, as a list
 *   name=#     the number of items the `[]` word collected
 *   ...        the remaining arguments are designated members
 * A tmpl that is a string literal ("\"s3:ObjectCreated:*\"") makes the object-like macro
 * that string.  A NULL tmpl keeps the call as an LC_CV_CALL (values that check-schema.c
 * reads).
 */
enum {
    LC_MF_DECL   = 1u << 0,   /* declares a construct */
    LC_MF_SPLICE = 1u << 1,   /* expands to designated members (LC_STATEMENTS) */
    LC_MF_VALUE  = 1u << 2,   /* a value helper */
    LC_MF_IGNORE = 1u << 3    /* known and of no interest (LC_MAIN) */
};
typedef struct lc_ck_macro {
    const char *name;
    unsigned flags;           /* LC_MF_* */
    lc_ck_kind_t kind;        /* declaration macros */
    const char *tmpl;
    int declref_arg;          /* LC_CV_CALL macros: the argument that names a
                               * declaration (LC_VREF(X)), or -1 */
} lc_ck_macro_t;

/* The row of a macro name, or NULL. */
const lc_ck_macro_t *lc_ck_macro_find(const char *name, size_t len);
/* Every row, for --list-macros (n set to the count). */
const lc_ck_macro_t *lc_ck_macro_rows(size_t *n);
/* The kind's name in messages ("function", "role", ...). */
const char *lc_ck_kind_name(lc_ck_kind_t k);

/* A reference from a declaration to another one. */
typedef struct lc_ck_decl lc_ck_decl_t;
typedef struct lc_ck_ref {
    const char *name;
    const char *field;     /* top-level member it sits in ("role", "members"), or NULL */
    lc_ck_loc_t loc;
    lc_ck_decl_t *target;  /* the first declaration of that name, once resolved */
    bool resolved;
} lc_ck_ref_t;

typedef struct lc_ck_file lc_ck_file_t;

struct lc_ck_decl {
    const lc_ck_macro_t *macro;    /* NULL for an unknown macro */
    const char *macro_name;
    lc_ck_kind_t kind;
    const char *cname;             /* the C identifier */
    const char *id;                /* the construct id */
    lc_ck_loc_t loc;               /* of the macro name */
    lc_cv_t *props;                /* LC_CV_INIT of the members */
    const char *cfn_type;          /* LC_CFN: "AWS_Lambda_Function" */
    lc_ck_loc_t cfn_type_loc;
    lc_ck_ref_t *refs;
    size_t nrefs, caprefs;
    const uint32_t *cond;          /* enclosing #if groups: (group id, branch) pairs */
    size_t ncond;
    bool reachable;
    uint32_t visit;                /* walk marks (check-rules.c) */
    struct lc_ck_decl *next_same_name;   /* hash chain (names of one bucket) */
    struct lc_ck_decl *same_name;  /* the next declaration with this very name (#if
                                    * branches, or a redefinition) */
    lc_ck_file_t *file;
};

/* A suppression comment: lambdac-check: ignore[rule, rule] reason */
typedef struct lc_ck_suppr {
    uint32_t line;         /* the comment's last line: it covers this line and the next */
    lc_ck_loc_t loc;
    const char **rules;    /* ids or prefixes ending in '*' */
    size_t nrules;
    const char *reason;
    bool used;
} lc_ck_suppr_t;

struct lc_ck_file {
    const char *path;              /* as named on the command line ("<stdin>" for -) */
    const char *buf;               /* the contents, NUL-terminated (lambdac-check drops
                                    * them, "" and len 0, once checked when no
                                    * diagnostic or suppression may quote them) */
    size_t len;
    lc_ck_decl_t **decls;
    size_t ndecls, capdecls;
    lc_ck_decl_t **by_name;        /* hash table of decls by C name (open chaining) */
    size_t nbuckets;
    const char **names;            /* file-scope identifiers outside the DSL (hash set) */
    size_t nnames_cap, nnames;
    bool opaque;                   /* user macros may declare constructs we cannot see */
    const char *opaque_why;
    lc_ck_suppr_t *supprs;
    size_t nsupprs, capsupprs;
};

/* ---- rules and diagnostics --------------------------------------------------------- */
typedef enum lc_ck_sev { LC_SEV_NOTE = 0, LC_SEV_WARNING, LC_SEV_ERROR, LC_SEV_OFF } lc_ck_sev_t;

/* LC_CK_RULES(X): X(ENUM, "id", severity, "code or NULL", "one-line doc").
 * The code is aws-cdk-lib's error code for the condition (t/conformance/errors*.json),
 * which the synthesizer prints as [Code] (t/check-agree.sh compares them); where CDK
 * throws a plain Error, the synthesizer's own code. */
#define LC_CK_RULES(X) \
    X(SYNTAX, "check/syntax", ERROR, NULL, "the source cannot be read as C (an unterminated comment, string or macro call)") \
    X(NOT_STATIC, "check/not-static", NOTE, NULL, "a value a rule needs is not statically known (a user macro, a call, a computed value): the rule was skipped") \
    X(UNKNOWN_MACRO, "check/unknown-macro", NOTE, NULL, "an LC_* macro the checker does not know: its declaration is not checked") \
    X(OPAQUE_MACRO, "check/opaque-macro", NOTE, NULL, "a user macro declares constructs the checker cannot see: model rules are relaxed for the file") \
    X(BAD_SUPPRESSION, "check/bad-suppression", WARNING, NULL, "a lambdac-check suppression comment that is malformed or names an unknown rule") \
    X(UNUSED_SUPPRESSION, "check/unused-suppression", NOTE, NULL, "a lambdac-check suppression comment that suppresses nothing") \
    X(SCHEMA_UNKNOWN_TYPE, "schema/unknown-type", ERROR, NULL, "LC_CFN names a resource type that is not in the generated slice") \
    X(SCHEMA_UNKNOWN_PROPERTY, "schema/unknown-property", ERROR, NULL, "an L1 property that the resource or property type does not have") \
    X(SCHEMA_WRONG_KIND, "schema/wrong-kind", ERROR, NULL, "an L1 property given a value of the wrong kind (LC_INTEGER for a String, a list for a scalar, ...)") \
    X(SCHEMA_MISSING_REQUIRED, "schema/missing-required", ERROR, NULL, "a required L1 property is not set") \
    X(SCHEMA_RANGE, "schema/out-of-range", ERROR, NULL, "an L1 number outside the minimum / maximum of spec/overrides.json") \
    X(SCHEMA_LENGTH, "schema/length", ERROR, NULL, "an L1 string shorter or longer than spec/overrides.json allows") \
    X(SCHEMA_ITEMS, "schema/items", ERROR, NULL, "an L1 list with fewer or more items than spec/overrides.json allows") \
    X(SCHEMA_ENUM, "schema/enum", ERROR, NULL, "an L1 value that is not one of the allowed values") \
    X(SCHEMA_PATTERN, "schema/pattern", ERROR, NULL, "an L1 string (or map key) that does not match its pattern") \
    X(SCHEMA_ATTRIBUTE, "schema/unknown-attribute", ERROR, NULL, "Fn::GetAtt of an attribute the L1 resource type does not have") \
    X(CDK_FUNCTION_NAME_TOO_LONG, "cdk/FunctionNameTooLong", ERROR, "FunctionNameTooLong", "function_name longer than 64 characters") \
    X(CDK_FUNCTION_NAME_FORMAT, "cdk/InvalidFunctionNameFormat", ERROR, "InvalidFunctionNameFormat", "function_name with characters other than letters, digits, '-' and '_'") \
    X(CDK_DESCRIPTION_TOO_LONG, "cdk/DescriptionTooLong", ERROR, "DescriptionTooLong", "function description longer than 256 characters") \
    X(CDK_CODE_REQUIRED, "cdk/CodeRequired", ERROR, "CodeRequired", "a function without code") \
    X(CDK_RUNTIME_REQUIRED, "cdk/RuntimeRequired", ERROR, "RuntimeRequired", "a function with code but no runtime") \
    X(CDK_HANDLER_REQUIRED, "cdk/HandlerRequired", ERROR, "HandlerRequired", "a function with code but no handler") \
    X(CDK_INLINE_EMPTY, "cdk/LambdaInlineCodeCannotBeEmpty", ERROR, "LambdaInlineCodeCannotBeEmpty", "empty inline code") \
    X(CDK_INLINE_NOT_ALLOWED, "cdk/InlineSourceAllowed", ERROR, "InlineSourceAllowed", "inline code on a runtime without inline support (Java, .NET, Go, Ruby, custom)") \
    X(CDK_RESERVED_ENV, "cdk/ReservedEnvironmentVariable", ERROR, "ReservedEnvironmentVariable", "an environment variable that the Lambda runtime reserves (AWS_REGION, ...)") \
    X(CDK_EPHEMERAL_RANGE, "cdk/EphemeralStorageOutOfRange", ERROR, "EphemeralStorageOutOfRange", "ephemeral storage outside 512..10240 MiB") \
    X(CDK_LOG_FORMAT_CONFLICT, "cdk/LogFormatConflict", ERROR, "LogFormatConflict", "both log_format and logging_format") \
    X(CDK_APP_LEVEL_CONFLICT, "cdk/ApplicationLogLevelConflict", ERROR, "ApplicationLogLevelConflict", "both application_log_level and application_log_level_v2") \
    X(CDK_SYS_LEVEL_CONFLICT, "cdk/SystemLogLevelConflict", ERROR, "SystemLogLevelConflict", "both system_log_level and system_log_level_v2") \
    X(CDK_JSON_LOGGING_FORMAT, "cdk/JsonLoggingFormatRequired", ERROR, "JsonLoggingFormatRequired", "log levels with a logging_format other than JSON") \
    X(CDK_JSON_LOG_FORMAT, "cdk/JsonLogFormatRequired", ERROR, "JsonLogFormatRequired", "log levels without logging_format and without log_format JSON") \
    X(CDK_LOG_RETENTION_GROUP, "cdk/LogRetentionLogGroupConflict", ERROR, "LogRetentionLogGroupConflict", "both log_retention_days and log_group") \
    X(CDK_SNAPSTART_RUNTIME, "cdk/SnapStartCurrentlySupportedRuntime", ERROR, "SnapStartCurrentlySupportedRuntime", "SnapStart on a runtime that does not support it") \
    X(CDK_SNAPSTART_EFS, "cdk/SnapStartCurrentlySupported", ERROR, "SnapStartCurrentlySupported", "SnapStart with an EFS file system") \
    X(CDK_SNAPSTART_EPHEMERAL, "cdk/SnapStartCurrentlySupportedMi", ERROR, "SnapStartCurrentlySupportedMi", "SnapStart with more than 512 MiB of ephemeral storage") \
    X(CDK_DLQ_ENABLED_FALSE, "cdk/DeadLetterQueueEnabledFalse", ERROR, "DeadLetterQueueEnabledFalse", "a dead_letter_queue with dead_letter_queue_enabled = LC_FALSE") \
    X(CDK_DLQ_AND_TOPIC, "cdk/DeadLetterQueueDeadLetter", ERROR, "DeadLetterQueueDeadLetter", "a dead_letter_topic together with a dead-letter queue setting") \
    X(CDK_ARCH_CONFLICT, "cdk/ConflictingArchitectureOptions", ERROR, "ConflictingArchitectureOptions", "both architecture and architectures") \
    X(CDK_ONE_ARCH, "cdk/MultipleArchitecturesSpecified", ERROR, "MultipleArchitecturesSpecified", "more than one item in architectures") \
    X(CDK_IPV6_NEEDS_VPC, "cdk/Ipv6DualStackRequiresVpc", ERROR, "Ipv6DualStackRequiresVpc", "ipv6_allowed_for_dual_stack without a vpc") \
    X(CDK_OUTBOUND_NEEDS_VPC, "cdk/AllowAllOutboundRequiresVpc", ERROR, "AllowAllOutboundRequiresVpc", "allow_all_outbound without a vpc") \
    X(CDK_OUTBOUND6_NEEDS_VPC, "cdk/AllowAllIpv6OutboundRequiresVpc", ERROR, "AllowAllIpv6OutboundRequiresVpc", "allow_all_ipv6_outbound without a vpc") \
    X(CDK_SG_NEEDS_VPC, "cdk/SecurityGroupsRequireVpc", ERROR, "SecurityGroupsRequireVpc", "security_groups without a vpc") \
    X(CDK_SUBNETS_NEED_VPC, "cdk/VpcSubnetsRequiresVpc", ERROR, "VpcSubnetsRequiresVpc", "vpc_subnets without a vpc") \
    X(CDK_FS_NEEDS_VPC, "cdk/FilesystemRequiresVpc", ERROR, "FilesystemRequiresVpc", "a filesystem without a vpc") \
    X(CDK_SG_AND_OUTBOUND, "cdk/ConfigureAllowAllOutboundOnSecurityGroups", ERROR, "ConfigureAllowAllOutboundOnSecurityGroups", "allow_all_outbound together with security_groups") \
    X(CDK_MOUNT_PATH_FORMAT, "cdk/InvalidMountPathFormat", ERROR, "InvalidMountPathFormat", "an EFS mount path that does not match ^/mnt/[a-zA-Z0-9-_.]+$") \
    X(CDK_MOUNT_PATH_TOO_LONG, "cdk/MountPathTooLong", ERROR, "MountPathTooLong", "an EFS mount path longer than 160 characters") \
    X(CDK_PUBLIC_SUBNETS, "cdk/PublicSubnetsNotAllowed", ERROR, "PublicSubnetsNotAllowed", "a function placed in public subnets without allow_public_subnet") \
    X(CDK_DURATION_NOT_INTEGRAL, "cdk/DurationNotIntegral", ERROR, "DurationNotIntegral", "a timeout that is not a whole number of seconds") \
    X(CDK_MAX_LAYERS, "cdk/MaxLayersExceeded", ERROR, "MaxLayersExceeded", "a function with more than 5 layers") \
    X(CDK_LAYER_RUNTIME, "cdk/IncompatibleLayerRuntime", ERROR, "IncompatibleLayerRuntime", "a layer whose compatible runtimes exclude the function's runtime") \
    X(CDK_LAYER_RUNTIMES_MAX, "cdk/TooManyCompatibleRuntimes", ERROR, "TooManyCompatibleRuntimes", "a layer with more than 15 compatible runtimes") \
    X(CDK_LAYER_CODE_REQUIRED, "cdk/LayerCodeRequired", ERROR, "LayerCodeRequired", "a layer without code") \
    X(CDK_LAYER_INLINE, "cdk/InlineCodeNotSupportedForLayers", ERROR, "InlineCodeNotSupportedForLayers", "a layer with inline code") \
    X(CDK_LAYER_ORG_ACCOUNT, "cdk/OrganizationidOnlySpecifiedAwsaccountid", ERROR, "OrganizationidOnlySpecifiedAwsaccountid", "a layer permission with an organization id and an account other than '*'") \
    X(CDK_URL_VERSION, "cdk/FunctionUrlCannotVersion", ERROR, "FunctionUrlCannotVersion", "a function URL on a Version (URLs are for functions and aliases)") \
    X(CDK_URL_MAX_AGE, "cdk/FunctionUrlMaxAgeLess", ERROR, "FunctionUrlMaxAgeLess", "a function URL whose CORS max age is over 86400 seconds") \
    X(CDK_RETRY_RANGE, "cdk/RetryAttemptsOutOfRange", ERROR, "RetryAttemptsOutOfRange", "retry_attempts outside 0..2") \
    X(CDK_EVENT_AGE_RANGE, "cdk/MaxEventAgeOutOfRange", ERROR, "MaxEventAgeOutOfRange", "max_event_age outside 60..21600 seconds") \
    X(MODEL_DUPLICATE_ID, "model/duplicate-id", ERROR, "DuplicateConstructId", "two constructs with the same id in one stack (or two stacks with one name)") \
    X(MODEL_DUPLICATE_NAME, "model/duplicate-name", ERROR, NULL, "two declarations with the same C name") \
    X(MODEL_UNDECLARED, "model/undeclared", ERROR, NULL, "a reference (&Name) to a declaration that does not exist") \
    X(MODEL_WRONG_REF, "model/wrong-reference", ERROR, NULL, "a reference to a declaration of the wrong kind (a queue where a role goes)") \
    X(MODEL_UNREACHABLE, "model/unreachable", WARNING, NULL, "a declaration that no stack reaches: it is never synthesized") \
    X(SEC_ACCESS_KEY, "sec/aws-access-key", ERROR, NULL, "an AWS access key id (AKIA..., ASIA...) written in the source") \
    X(SEC_PRIVATE_KEY, "sec/private-key", ERROR, NULL, "a PEM private key written in the source") \
    X(SEC_KNOWN_TOKEN, "sec/known-token", ERROR, NULL, "a well-known token format (GitHub, Slack, Stripe, Google API key) written in the source") \
    X(SEC_SECRET_ENV, "sec/secret-env-name", WARNING, NULL, "an environment variable named like a secret (PASSWORD, SECRET, TOKEN, API_KEY) with a literal value") \
    X(SEC_HIGH_ENTROPY, "sec/high-entropy", WARNING, NULL, "a long random-looking environment value: probably a credential") \
    X(OPS_DEPRECATED_RUNTIME, "ops/deprecated-runtime", WARNING, NULL, "a runtime past its AWS deprecation date (--as-of), or marked deprecated in the runtime table") \
    X(OPS_RUNTIME_SOON, "ops/runtime-deprecation-soon", NOTE, NULL, "a runtime that AWS deprecates within 180 days of --as-of") \
    X(OPS_NO_DLQ, "ops/no-dlq", NOTE, NULL, "a function with no dead-letter queue or topic and no on-failure destination") \
    X(OPS_ZERO_CONCURRENCY, "ops/zero-concurrency", WARNING, NULL, "reserved concurrency 0: every invocation of the function is throttled") \
    X(OPS_MEMORY_RANGE, "ops/memory-size", WARNING, NULL, "memory_size outside Lambda's 128..10240 MB (CDK accepts it; the deployment fails)") \
    X(OPS_TIMEOUT_RANGE, "ops/timeout", WARNING, NULL, "a timeout over Lambda's 900 seconds (CDK accepts it; the deployment fails)") \
    X(OPS_TIMEOUT_VISIBILITY, "ops/timeout-exceeds-visibility", WARNING, NULL, "a function timeout longer than the visibility timeout of its SQS event source queue")

typedef enum lc_ck_rule_id {
#define LC__CK_RULE_ENUM(e, id, sev, code, doc) LC_R_##e,
    LC_CK_RULES(LC__CK_RULE_ENUM)
#undef LC__CK_RULE_ENUM
    LC_R__COUNT
} lc_ck_rule_id_t;

typedef struct lc_ck_rule {
    const char *id;
    lc_ck_sev_t severity;          /* the default */
    const char *runtime_code;
    const char *doc;
} lc_ck_rule_t;

extern const lc_ck_rule_t lc_ck_rules[LC_R__COUNT];
/* The rule of an id, or -1. */
int lc_ck_rule_find(const char *id);

/* The state of one run over several files. */
typedef struct lc_ck_diag {
    const lc_ck_file_t *file;
    lc_ck_loc_t loc;
    lc_ck_rule_id_t rule;
    lc_ck_sev_t sev;
    const char *msg;
    size_t seq;                    /* report order, for a stable sort */
    const lc_ck_suppr_t *suppressed_by;
} lc_ck_diag_t;

typedef struct lc_ck_run {
    lc_arena_t *arena;             /* the current file's model: reset between files */
    lc_arena_t *keep;              /* diagnostics and suppressions (NULL: arena) */
    lc_ck_sev_t sev[LC_R__COUNT];  /* effective severities (LC_SEV_OFF: disabled) */
    char as_of[11];                /* "YYYY-MM-DD" */
    lc_ck_diag_t *diags;
    size_t ndiags, capdiags;
} lc_ck_run_t;

/* The arena of what outlives a file's model. */
static inline lc_arena_t *lc_ck_keep(const lc_ck_run_t *run)
{
    return run->keep ? run->keep : run->arena;
}

/* Record a diagnostic (printf format).  Disabled rules are dropped here. */
void lc_ck_report(lc_ck_run_t *run, const lc_ck_file_t *f, lc_ck_loc_t loc,
                  lc_ck_rule_id_t rule, const char *fmt, ...)
#if defined(__GNUC__)
    __attribute__((format(printf, 5, 6)))
#endif
    ;

/* Parse one file's contents into f (declarations, suppressions); reports syntax
 * problems into run.  f->buf must be NUL-terminated at f->len. */
void lc_ck_parse(lc_ck_run_t *run, lc_ck_file_t *f);
/* The declaration of a C name in f, or NULL (the first of several with one name). */
lc_ck_decl_t *lc_ck_lookup(const lc_ck_file_t *f, const char *name);
/* Whether two declarations can both exist: not in different branches of one #if group
 * (duplicate names and ids are only errors between declarations that can). */
bool lc_ck_coexist(const lc_ck_decl_t *a, const lc_ck_decl_t *b);
/* Whether `name` is a file-scope identifier declared outside the DSL. */
bool lc_ck_is_plain_name(const lc_ck_file_t *f, const char *name);

/* Run every rule over a parsed file. */
void lc_ck_check_file(lc_ck_run_t *run, lc_ck_file_t *f);
/* The L1 checks of one LC_CFN declaration (check-schema.c). */
void lc_ck_check_cfn(lc_ck_run_t *run, lc_ck_file_t *f, lc_ck_decl_t *d);
/* The attribute check of one value of d, when it is LC_VGETATT(X, "Attr")
 * (check-schema.c); check-rules.c calls it on every call value of every declaration,
 * in the walk it makes anyway. */
void lc_ck_check_getatt(lc_ck_run_t *run, lc_ck_file_t *f, lc_ck_decl_t *d, const lc_cv_t *v);

/* Tell, once per value, that a rule needed a value that is not statically known. */
void lc_ck_not_static(lc_ck_run_t *run, const lc_ck_file_t *f, lc_cv_t *v, const char *what);

/* ---- value access (check-rules.c) ------------------------------------------------
 * A member of an initializer by path ("code.text"): *out is the value when the result
 * is LC_GET_SET; LC_GET_UNSET when the member is certainly not set; LC_GET_UNKNOWN
 * when it cannot be told (an opaque initializer, an unknown value on the way). */
enum { LC_GET_UNSET = 0, LC_GET_SET, LC_GET_UNKNOWN };
int lc_ck_get(const lc_cv_t *init, const char *path, lc_cv_t **out, lc_ck_loc_t *loc);

/* ---- output (check-report.c) ----------------------------------------------------- */
typedef enum lc_ck_format { LC_FMT_TEXT = 0, LC_FMT_JSON, LC_FMT_SARIF } lc_ck_format_t;
/* Apply suppressions, sort, print; returns the number of unsuppressed errors. */
size_t lc_ck_emit(lc_ck_run_t *run, lc_ck_file_t *const *files, size_t nfiles,
                  lc_ck_format_t fmt, int caret);
/* --list-rules */
void lc_ck_list_rules(lc_ck_format_t fmt);

/* ---- runtime deprecations (check-deprecations.gen.c, from spec/runtime-deprecations.json) */
typedef struct lc_ck_deprecation {
    const char *runtime;           /* "nodejs16.x" */
    const char *date;              /* "2024-06-12" */
    const char *source;
} lc_ck_deprecation_t;
extern const lc_ck_deprecation_t lc_ck_deprecations[];
extern const size_t lc_ck_ndeprecations;

#endif
