/* l-function-url: function URLs.  IAM auth with grantInvokeUrl to a role (two statements
 * in the role's DefaultPolicy: InvokeFunctionUrl and the dual InvokeFunction), NONE auth
 * with CORS (which adds the public "invoke-function-url" and "invoke-function"
 * permissions), invoke mode RESPONSE_STREAM, and a URL on an alias (targets the function
 * with Qualifier, DependsOn the alias).  The URLs are stack outputs.
 * Twin: l-function-url.js. */
#include <lambdac.h>

#define INLINE_CODE LC_CODE_FROM_INLINE("exports.handler = async () => ({ statusCode: 200 });")

LC_ROLE(MyRole, .assumed_by = LC_ACCOUNT_ROOT_PRINCIPAL);

LC_FUNCTION(IamFunction,
    .runtime = LC_RUNTIME_NODEJS_18_X, .handler = "index.handler", .code = INLINE_CODE);
LC_ADD_FUNCTION_URL(IamUrl, .function = &IamFunction);
LC_GRANT_INVOKE_URL(IamUrlInvokers, .url = &IamUrl, .principal = LC_ROLE_PRINCIPAL(MyRole));
LC_OUTPUT(TheUrl, .value = LC_FUNCTION_URL_URL(IamUrl));

LC_FUNCTION(CorsFunction,
    .runtime = LC_RUNTIME_NODEJS_18_X, .handler = "index.handler", .code = INLINE_CODE);
LC_ADD_FUNCTION_URL(CorsFunctionUrl, .function = &CorsFunction,
    .auth_type = LC_URL_AUTH_NONE,
    .cors = LC_URL_CORS(
        .allowed_origins = LC_STRS("https://example.com"),
        .allowed_methods = LC_HTTP_METHODS(LC_HTTP_GET, LC_HTTP_POST),
        .allowed_headers = LC_STRS("X-Custom-Header"),
        .allow_credentials = LC_TRUE,
        .max_age = LC_MINUTES(10)));
LC_OUTPUT(CorsUrl, .value = LC_FUNCTION_URL_URL(CorsFunctionUrl));

LC_FUNCTION(StreamFunction,
    .runtime = LC_RUNTIME_NODEJS_18_X, .handler = "index.handler", .code = INLINE_CODE);
LC_ADD_FUNCTION_URL(StreamUrl, .function = &StreamFunction,
    .auth_type = LC_URL_AUTH_NONE,
    .invoke_mode = LC_INVOKE_MODE_RESPONSE_STREAM);

LC_FUNCTION(AliasFunction,
    .runtime = LC_RUNTIME_NODEJS_18_X, .handler = "index.handler", .code = INLINE_CODE);
LC_ADD_ALIAS(Live, LC_CURRENT_VERSION(AliasFunction), "live");
LC_ADD_FUNCTION_URL(AliasFunctionUrl, .alias = &Live, .auth_type = LC_URL_AUTH_AWS_IAM);
LC_OUTPUT(AliasUrl, .value = LC_FUNCTION_URL_URL(AliasFunctionUrl));

LC_STACK_NAMED(Stack, "l-function-url",
    &MyRole,
    &IamFunction, &IamUrl, &IamUrlInvokers, &TheUrl,
    &CorsFunction, &CorsFunctionUrl, &CorsUrl,
    &StreamFunction, &StreamUrl,
    &AliasFunction, &Live, &AliasFunctionUrl, &AliasUrl);
LC_MAIN();
