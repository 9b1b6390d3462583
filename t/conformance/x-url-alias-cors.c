/* x-url-alias-cors: a public URL on an alias with full CORS (wildcard origin, every
 * method, exposed headers, a day of max age - the largest allowed, checked at compile
 * time by LC_URL_MAX_AGE_SECONDS), the alias's URL granted to a role (statements on the
 * alias ARN), the alias granted to a service (a permission under the alias), and an IAM
 * URL on the function itself.  Twin: x-url-alias-cors.js. */
#include <lambdac.h>

LC_FUNCTION(Api,
    .runtime = LC_RUNTIME_NODEJS_20_X,
    .handler = "index.handler",
    .code = LC_CODE_FROM_INLINE("exports.handler = async () => ({ statusCode: 200 });"));
LC_ADD_ALIAS(Prod, LC_CURRENT_VERSION(Api), "prod");
LC_ADD_FUNCTION_URL(ProdFunctionUrl, .alias = &Prod,
    .auth_type = LC_URL_AUTH_NONE,
    .cors = LC_URL_CORS(
        .allowed_origins = LC_STRS("*"),
        .allowed_methods = LC_HTTP_METHODS(LC_HTTP_ALL),
        .exposed_headers = LC_STRS("X-Request-Id", "X-Trace"),
        .max_age = LC_URL_MAX_AGE_SECONDS(86400)),
    .invoke_mode = LC_INVOKE_MODE_BUFFERED);
LC_ROLE(Caller, .assumed_by = LC_SERVICE_PRINCIPAL("ecs-tasks.amazonaws.com"));
LC_GRANT_INVOKE_URL(CallerMayCall, .url = &ProdFunctionUrl, .principal = LC_ROLE_PRINCIPAL(Caller));
LC_GRANT_INVOKE(EventsMayInvoke, .alias = &Prod,
    .principal = LC_SERVICE_PRINCIPAL("events.amazonaws.com"));
LC_ADD_FUNCTION_URL(DirectFunctionUrl, .function = &Api);
LC_OUTPUT(ProdUrl, .value = LC_FUNCTION_URL_URL(ProdFunctionUrl));
LC_OUTPUT(DirectUrl, .value = LC_FUNCTION_URL_URL(DirectFunctionUrl));

LC_STACK_NAMED(Stack, "x-url-alias-cors",
    &Api, &Prod, &ProdFunctionUrl, &Caller, &CallerMayCall, &EventsMayInvoke,
    &DirectFunctionUrl, &ProdUrl, &DirectUrl);
LC_MAIN();
