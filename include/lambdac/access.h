/* lambdac/access.h - who may call a function: resource policies, grants, function URLs,
 * imported functions, code signing and SingletonFunction.
 *
 * Every construct here is a static declaration listed in LC_STACK like the others.  A
 * grant or permission names the function it acts on with one typed member:
 *
 *     .function  = &MyFunction      lambda.Function            (LC_FUNCTION)
 *     .alias     = &Live            lambda.Alias               (LC_ALIAS / LC_ADD_ALIAS)
 *     .version   = &V1              lambda.Version             (LC_VERSION)
 *     .imported  = &ByArn           Function.fromFunctionArn/Name/Attributes
 *     .singleton = &Singleton1      lambda.SingletonFunction
 *
 * (one anonymous union: passing an alias where `.function` is expected does not compile).
 * The construct ids are aws-cdk-lib's, not the C identifiers, whenever CDK derives them
 * (FACTS.md (b)): fn.grantInvoke(p) creates "Invoke" + base64(sha256(JSON of
 * {principal: p.toString(), conditions})) under the function, a NONE-auth URL creates
 * "invoke-function-url" and "invoke-function", fn.addFunctionUrl() creates "FunctionUrl",
 * a SingletonFunction creates "<purpose><uuid without dashes>" at stack level.  So a stack
 * moved from CDK keeps its logical ids.  Declarations act when the stack expands them, in
 * member order (creation order is template order, as in CDK); the function a grant names
 * is expanded first if it was not yet.
 *
 * Worked expansion (one layer deep, like every macro of lambdac):
 *
 *     LC_GRANT_INVOKE(EventsMayInvoke, .function = &MyFunction,
 *                     .principal = LC_SERVICE_PRINCIPAL("events.amazonaws.com"));
 *
 * becomes
 *
 *     static const lc_grant_t EventsMayInvoke = {
 *         .h = { LC_DECL_MAGIC, LC_DECL_GRANT, "EventsMayInvoke", { __FILE__, __LINE__ },
 *                lc_grant_expand },
 *         .kind = LC_GRANT_KIND_INVOKE,
 *         .p = { .function = &MyFunction,
 *                .principal = ((lc_principal_t){ .kind = LC_PRINCIPAL_SERVICE,
 *                                                .value = "events.amazonaws.com" }) } };
 *
 * and, listed in a stack, gives MyFunction an AWS::Lambda::Permission
 * "MyFunctionInvoke1fBIBwkGKTIwSRmFV8O1yjU9AKdA1Znl7HToNrxfA<hash8>".  A role as grantee
 * (LC_ROLE_PRINCIPAL(R)) gets a statement in its DefaultPolicy instead; a resource policy
 * is added as well only when CDK adds one (the role and the function in different
 * accounts, e.g. an imported function of another account).
 *
 * Principals and their conditions are in lambdac/aws.h (LC_SERVICE_PRINCIPAL, ...).
 */
#ifndef LAMBDAC_ACCESS_H
#define LAMBDAC_ACCESS_H

#include <stdbool.h>
#include <stddef.h>
#include <lambdac/aws.h>

#ifdef __cplusplus
extern "C" {
#endif

/* Declaration kinds of this header (dsl.h reserves LC_DECL__USER and up). */
enum {
    LC_DECL_PERMISSION = LC_DECL__USER + 600,
    LC_DECL_GRANT,
    LC_DECL_FUNCTION_URL,
    LC_DECL_IMPORTED_FUNCTION,
    LC_DECL_SINGLETON_FUNCTION,
    LC_DECL_CODE_SIGNING_CONFIG,
    LC_DECL_SIGNING_PROFILE
};

typedef struct lc_imported_function lc_imported_function_t;
typedef struct lc_singleton_function lc_singleton_function_t;
typedef struct lc_function_url lc_function_url_t;

/* The function a declaration acts on (IFunction): set exactly one member. */
#define LC__FUNCTION_TARGET \
    union { \
        const lc_decl_t *target;                  /* untyped: any of the below */ \
        const lc_function_t *function; \
        const lc_alias_t *alias; \
        const lc_version_t *version; \
        const lc_imported_function_t *imported; \
        const lc_singleton_function_t *singleton; \
    }

/* ---- resource-based policies ------------------------------------------------------------ */

/* FunctionUrlAuthType */
typedef enum lc_url_auth_type {
    LC_URL_AUTH__DEFAULT = 0,    /* AWS_IAM for a URL, none written for a permission */
    LC_URL_AUTH_AWS_IAM,
    LC_URL_AUTH_NONE
} lc_url_auth_type_t;

/* fn.addPermission(id, {principal, action, sourceAccount, sourceArn, organizationId,
 * eventSourceToken, functionUrlAuthType, invokedViaFunctionUrl}).  The construct id is
 * `.id`, or the C identifier when `.id` is NULL.  Conditions of the principal
 * (withConditions: ArnLike aws:SourceArn, StringEquals aws:SourceAccount /
 * aws:PrincipalOrgID) fill SourceArn / SourceAccount / PrincipalOrgID unless given here;
 * any other condition is an error (UnsupportedConditionsForLambdaPermission), as in CDK.
 * On an imported function of another environment the permission is not created
 * (warning UnclearLambdaEnvironment), see LC_FUNCTION_FROM_ATTRIBUTES. */
typedef struct lc_permission_props {
    LC__FUNCTION_TARGET;
    const char *id;
    lc_principal_t principal;
    const char *action;                       /* default "lambda:InvokeFunction" */
    const char *source_account;
    const char *source_arn;
    const lc_value_t *source_arn_value;       /* a token (e.g. LC_VGETATT(Bucket, "Arn")) */
    const char *organization_id;              /* PrincipalOrgID */
    const char *event_source_token;
    lc_url_auth_type_t function_url_auth_type;
    lc_opt_bool_t invoked_via_function_url;
} lc_permission_props_t;
typedef struct lc_permission {
    lc_decl_t h;
    lc_permission_props_t p;
} lc_permission_t;
lc_node_t *lc_permission_expand(lc_stack_t *st, lc_node_t *scope, const lc_decl_t *d);
#define LC_PERMISSION(name, ...) \
    static const lc_permission_t name = { \
        .h = LC__DECL_HDR(LC_DECL_PERMISSION, #name, lc_permission_expand), \
        .p = { __VA_ARGS__ } }

/* Grants: fn.grantInvoke(p), grantInvokeUrl(p), grantInvokeLatestVersion(p),
 * grantInvokeVersion(p, version), grantInvokeCompositePrincipal(composite).  The C
 * identifier only names the declaration: the permission's construct id is CDK's.
 * Granting the same principal twice is idempotent, as in CDK. */
enum {
    LC_GRANT_KIND_INVOKE = 1,
    LC_GRANT_KIND_INVOKE_URL,
    LC_GRANT_KIND_INVOKE_LATEST_VERSION,
    LC_GRANT_KIND_INVOKE_VERSION,
    LC_GRANT_KIND_INVOKE_COMPOSITE_PRINCIPAL
};
typedef struct lc_grant_props {
    LC__FUNCTION_TARGET;
    const lc_function_url_t *url;             /* url.grantInvokeUrl(p): the URL's function */
    lc_principal_t principal;                 /* the grantee */
    lc_version_ref_t invoke_version;          /* grantInvokeVersion: LC_VERSION_OF(V), ... */
} lc_grant_props_t;
typedef struct lc_grant {
    lc_decl_t h;
    int kind;                                 /* LC_GRANT_KIND_* (set by the macro) */
    lc_grant_props_t p;
} lc_grant_t;
lc_node_t *lc_grant_expand(lc_stack_t *st, lc_node_t *scope, const lc_decl_t *d);
#define LC__GRANT(name, k, ...) \
    static const lc_grant_t name = { \
        .h = LC__DECL_HDR(LC_DECL_GRANT, #name, lc_grant_expand), .kind = (k), \
        .p = { __VA_ARGS__ } }
#define LC_GRANT_INVOKE(name, ...)     LC__GRANT(name, LC_GRANT_KIND_INVOKE, __VA_ARGS__)
#define LC_GRANT_INVOKE_URL(name, ...) LC__GRANT(name, LC_GRANT_KIND_INVOKE_URL, __VA_ARGS__)
#define LC_GRANT_INVOKE_LATEST_VERSION(name, ...) \
    LC__GRANT(name, LC_GRANT_KIND_INVOKE_LATEST_VERSION, __VA_ARGS__)
#define LC_GRANT_INVOKE_VERSION(name, ...) \
    LC__GRANT(name, LC_GRANT_KIND_INVOKE_VERSION, __VA_ARGS__)
#define LC_GRANT_INVOKE_COMPOSITE_PRINCIPAL(name, ...) \
    LC__GRANT(name, LC_GRANT_KIND_INVOKE_COMPOSITE_PRINCIPAL, __VA_ARGS__)

/* ---- function URLs ------------------------------------------------------------------------ */

typedef enum lc_invoke_mode {
    LC_INVOKE_MODE__DEFAULT = 0,              /* not written: Lambda's BUFFERED */
    LC_INVOKE_MODE_BUFFERED,
    LC_INVOKE_MODE_RESPONSE_STREAM
} lc_invoke_mode_t;

typedef enum lc_http_method {
    LC_HTTP__NONE = 0,
    LC_HTTP_GET, LC_HTTP_PUT, LC_HTTP_HEAD, LC_HTTP_POST, LC_HTTP_DELETE, LC_HTTP_PATCH,
    LC_HTTP_OPTIONS,
    LC_HTTP_ALL                               /* "*" */
} lc_http_method_t;
typedef struct lc_http_method_list {
    const lc_http_method_t *items;
    size_t n;
} lc_http_method_list_t;
#define LC_HTTP_METHODS(...) \
    { .items = (const lc_http_method_t[]){ __VA_ARGS__ }, \
      .n = sizeof((const lc_http_method_t[]){ __VA_ARGS__ }) / sizeof(lc_http_method_t) }

/* FunctionUrlCorsOptions.  Methods default to ["*"]; max_age must be a whole number of
 * seconds and at most 86400 (FunctionUrlMaxAgeLess; a constant LC_URL_MAX_AGE_SECONDS
 * is checked at compile time). */
typedef struct lc_url_cors {
    int set;                                  /* set by LC_URL_CORS: CORS is configured */
    lc_opt_bool_t allow_credentials;
    lc_str_list_t allowed_headers;
    lc_http_method_list_t allowed_methods;
    lc_str_list_t allowed_origins;
    lc_str_list_t exposed_headers;
    lc_duration_t max_age;
} lc_url_cors_t;
/* .cors = LC_URL_CORS(.allowed_origins = LC_STRS("https://example.com"), ...) (a brace
 * initializer, so units such as LC_MINUTES(10) may appear inside) */
#define LC_URL_CORS(...) { .set = 1, __VA_ARGS__ }
#define LC_URL_MAX_AGE_SECONDS(n) \
    LC_SECONDS(LC__CHECK((n) <= 86400, \
        "FunctionUrl CORS maxAge should be less than or equal to 86400 secs", (n)))

/* new lambda.FunctionUrl(stack, "Name", {function, authType, cors, invokeMode}) with
 * LC_FUNCTION_URL; fn.addFunctionUrl({...}) / alias.addFunctionUrl({...}) with
 * LC_ADD_FUNCTION_URL (construct "FunctionUrl" under the function or alias).  A URL on a
 * Version is an error (FunctionUrlCannotVersion).  authType NONE also adds the public
 * permissions "invoke-function-url" (lambda:InvokeFunctionUrl) and "invoke-function"
 * (lambda:InvokeFunction when InvokedViaFunctionUrl), as aws-cdk-lib 2.2xx does.  The
 * URL itself is LC_FUNCTION_URL_URL(Name), e.g. in LC_OUTPUT(.value = ...). */
typedef struct lc_function_url_props {
    LC__FUNCTION_TARGET;
    lc_url_auth_type_t auth_type;             /* default AWS_IAM */
    lc_url_cors_t cors;                       /* LC_URL_CORS(...) */
    lc_invoke_mode_t invoke_mode;
    bool add;                                 /* set by LC_ADD_FUNCTION_URL */
} lc_function_url_props_t;
struct lc_function_url {
    lc_decl_t h;
    lc_function_url_props_t p;
};
lc_node_t *lc_function_url_expand(lc_stack_t *st, lc_node_t *scope, const lc_decl_t *d);
#define LC_FUNCTION_URL(name, ...) \
    static const lc_function_url_t name = { \
        .h = LC__DECL_HDR(LC_DECL_FUNCTION_URL, #name, lc_function_url_expand), \
        .p = { __VA_ARGS__ } }
#define LC_ADD_FUNCTION_URL(name, ...) \
    static const lc_function_url_t name = { \
        .h = LC__DECL_HDR(LC_DECL_FUNCTION_URL, #name, lc_function_url_expand), \
        .p = { .add = true, __VA_ARGS__ } }
/* url.url: {"Fn::GetAtt": [<url>, "FunctionUrl"]} */
#define LC_FUNCTION_URL_URL(url_decl)  LC_VGETATT(url_decl, "FunctionUrl")

/* ---- imported functions --------------------------------------------------------------- */

/* FunctionAttributes.  The ARN is a literal or, with function_arn_value, any value (an
 * Fn::ImportValue, a parameter Ref, an Fn::Join with pseudo parameters).  Whether
 * addPermission / grants may add a resource policy follows CDK: same_environment when
 * given, else "the stack's account is known, the ARN holds no token and its account is
 * the stack's".  Otherwise a permission is skipped with the warning
 * UnclearLambdaEnvironment, and a grant that needs one fails with
 * CannotModifyLambdaPermission - unless skip_permissions promises that the function
 * already allows the call.  A literal ARN must split (lambdac/arn.h errors). */
typedef struct lc_function_attributes {
    const char *function_arn;
    const lc_value_t *function_arn_value;
    lc_opt_bool_t same_environment;
    bool skip_permissions;
    const lc_role_t *role;
    const lc_security_group_t *security_group;
    lc_architecture_t architecture;
} lc_function_attributes_t;
enum { LC_IMPORT_FROM_ATTRIBUTES = 0, LC_IMPORT_FROM_ARN, LC_IMPORT_FROM_NAME };
struct lc_imported_function {
    lc_decl_t h;
    int how;                                  /* LC_IMPORT_* (set by the macros) */
    const char *function_name;                /* LC_FUNCTION_FROM_NAME */
    lc_function_attributes_t p;
};
lc_node_t *lc_imported_function_expand(lc_stack_t *st, lc_node_t *scope, const lc_decl_t *d);
/* Function.fromFunctionArn(scope, "Name", arn) */
#define LC_FUNCTION_FROM_ARN(name, arn) \
    static const lc_imported_function_t name = { \
        .h = LC__DECL_HDR(LC_DECL_IMPORTED_FUNCTION, #name, lc_imported_function_expand), \
        .how = LC_IMPORT_FROM_ARN, .p = { .function_arn = (arn) } }
/* Function.fromFunctionName(scope, "Name", functionName): an ARN in the stack's own
 * account and region, permissions allowed (sameEnvironment). */
#define LC_FUNCTION_FROM_NAME(name, fname) \
    static const lc_imported_function_t name = { \
        .h = LC__DECL_HDR(LC_DECL_IMPORTED_FUNCTION, #name, lc_imported_function_expand), \
        .how = LC_IMPORT_FROM_NAME, .function_name = (fname) }
/* Function.fromFunctionAttributes(scope, "Name", {functionArn, sameEnvironment, ...}) */
#define LC_FUNCTION_FROM_ATTRIBUTES(name, ...) \
    static const lc_imported_function_t name = { \
        .h = LC__DECL_HDR(LC_DECL_IMPORTED_FUNCTION, #name, lc_imported_function_expand), \
        .how = LC_IMPORT_FROM_ATTRIBUTES, .p = { __VA_ARGS__ } }

/* ---- SingletonFunction ---------------------------------------------------------------- */

/* new lambda.SingletonFunction(scope, "Name", {uuid, lambdaPurpose, ...FunctionProps}):
 * the first declaration of a uuid + purpose in a stack creates the function, at stack
 * level, with id (purpose or "SingletonLambda") + the uuid's alphanumerics; later ones
 * reuse it and their function properties are ignored (as in CDK).  Grants, permissions
 * and LC_VREF / LC_VGETATT on the declaration act on that one function. */
struct lc_singleton_function {
    lc_decl_t h;
    const char *uuid;
    const char *lambda_purpose;
    lc_function_t function;                   /* the function's properties */
};
lc_node_t *lc_singleton_function_expand(lc_stack_t *st, lc_node_t *scope, const lc_decl_t *d);
#define LC_SINGLETON_FUNCTION_PURPOSE(name, uuid_, purpose, ...) \
    static const lc_singleton_function_t name = { \
        .h = LC__DECL_HDR(LC_DECL_SINGLETON_FUNCTION, #name, lc_singleton_function_expand), \
        .uuid = (uuid_), .lambda_purpose = (purpose), \
        .function = { .h = LC__DECL_HDR(LC_DECL_FUNCTION, #name, lc_function_expand), \
                      .p = { __VA_ARGS__ } } }
#define LC_SINGLETON_FUNCTION(name, uuid_, ...) \
    LC_SINGLETON_FUNCTION_PURPOSE(name, uuid_, NULL, __VA_ARGS__)

/* ---- code signing --------------------------------------------------------------------- */

/* signer.Platform ids */
#define LC_SIGNING_PLATFORM_AWS_LAMBDA_SHA384_ECDSA          "AWSLambda-SHA384-ECDSA"
#define LC_SIGNING_PLATFORM_AWS_IOT_DEVICE_MANAGEMENT_SHA256_ECDSA \
    "AWSIoTDeviceManagement-SHA256-ECDSA"
#define LC_SIGNING_PLATFORM_AMAZON_FREE_RTOS_TI_CC3220SF     "AmazonFreeRTOS-TI-CC3220SF"
#define LC_SIGNING_PLATFORM_AMAZON_FREE_RTOS_DEFAULT         "AmazonFreeRTOS-Default"
#define LC_SIGNING_PLATFORM_NOTATION_OCI_SHA384_ECDSA        "Notation-OCI-SHA384-ECDSA"

/* new signer.SigningProfile(scope, "Name", {platform, signatureValidity,
 * signingProfileName}): AWS::Signer::SigningProfile, validity 135 months by default, else
 * a whole number of days; the name is written only under the new-project flag
 * @aws-cdk/aws-signer:signingProfileNamePassedToCfn. */
typedef struct lc_signing_profile_props {
    const char *platform;                     /* LC_SIGNING_PLATFORM_* or any platform id */
    lc_duration_t signature_validity;
    const char *signing_profile_name;
    const char *signing_profile_version;      /* imports only */
} lc_signing_profile_props_t;
typedef struct lc_signing_profile {
    lc_decl_t h;
    bool imported;
    lc_signing_profile_props_t p;
} lc_signing_profile_t;
lc_node_t *lc_signing_profile_expand(lc_stack_t *st, lc_node_t *scope, const lc_decl_t *d);
#define LC_SIGNING_PROFILE(name, ...) \
    static const lc_signing_profile_t name = { \
        .h = LC__DECL_HDR(LC_DECL_SIGNING_PROFILE, #name, lc_signing_profile_expand), \
        .p = { __VA_ARGS__ } }
/* SigningProfile.fromSigningProfileAttributes(scope, "Name", {signingProfileName,
 * signingProfileVersion}) */
#define LC_SIGNING_PROFILE_FROM_ATTRIBUTES(name, profile_name, profile_version) \
    static const lc_signing_profile_t name = { \
        .h = LC__DECL_HDR(LC_DECL_SIGNING_PROFILE, #name, lc_signing_profile_expand), \
        .imported = true, \
        .p = { .signing_profile_name = (profile_name), \
               .signing_profile_version = (profile_version) } }

typedef enum lc_untrusted_artifact {
    LC_UNTRUSTED_ARTIFACT__DEFAULT = 0,       /* Warn */
    LC_UNTRUSTED_ARTIFACT_WARN,
    LC_UNTRUSTED_ARTIFACT_ENFORCE
} lc_untrusted_artifact_t;

/* new lambda.CodeSigningConfig(scope, "Name", {signingProfiles,
 * untrustedArtifactOnDeployment, description}); a function uses it with
 * `.code_signing_config = &Name` (CodeSigningConfigArn = its GetAtt, or the ARN of an
 * import). */
typedef struct lc_code_signing_config_props {
    const lc_signing_profile_t *const *signing_profiles;
    size_t nsigning_profiles;
    lc_untrusted_artifact_t untrusted_artifact_on_deployment;
    const char *description;
    const char *arn;                          /* set by LC_CODE_SIGNING_CONFIG_FROM_ARN */
} lc_code_signing_config_props_t;
struct lc_code_signing_config {
    lc_decl_t h;
    lc_code_signing_config_props_t p;
};
typedef struct lc_code_signing_config lc_code_signing_config_t;
lc_node_t *lc_code_signing_config_expand(lc_stack_t *st, lc_node_t *scope, const lc_decl_t *d);
#define LC_SIGNING_PROFILES(...) \
    .signing_profiles = (const lc_signing_profile_t *const[]){ __VA_ARGS__ }, \
    .nsigning_profiles = sizeof((const lc_signing_profile_t *const[]){ __VA_ARGS__ }) / \
                         sizeof(const lc_signing_profile_t *)
#define LC_CODE_SIGNING_CONFIG(name, ...) \
    static const lc_code_signing_config_t name = { \
        .h = LC__DECL_HDR(LC_DECL_CODE_SIGNING_CONFIG, #name, lc_code_signing_config_expand), \
        .p = { __VA_ARGS__ } }
/* CodeSigningConfig.fromCodeSigningConfigArn(scope, "Name", arn): the ARN must name a
 * code-signing-config (MustBeCodeSigningConfig otherwise). */
#define LC_CODE_SIGNING_CONFIG_FROM_ARN(name, csc_arn) \
    static const lc_code_signing_config_t name = { \
        .h = LC__DECL_HDR(LC_DECL_CODE_SIGNING_CONFIG, #name, lc_code_signing_config_expand), \
        .p = { .arn = (csc_arn) } }

#ifdef __cplusplus
}
#endif
#endif
