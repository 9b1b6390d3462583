/* x-singleton-url: a SingletonFunction declared three times (two share a uuid), a public
 * URL added through one declaration (the URL sits under that declaration, its permissions
 * on the shared function), grantInvokeUrl to a service principal (InvokeFunctionUrl<...>
 * and its -DualAuth twin), grantInvoke and grantInvokeLatestVersion to a role, and a
 * grant to an account on the singleton with a lambdaPurpose.  Twin: x-singleton-url.js. */
#include <lambdac.h>

#define UUID "f7d4f730-4ee1-11e8-9c2d-fa7ae01bbebc"
#define PROPS(src) \
    .runtime = LC_RUNTIME_NODEJS_22_X, .handler = "index.handler", \
    .code = LC_CODE_FROM_INLINE(src), .timeout = LC_SECONDS(30)

LC_SINGLETON_FUNCTION(ProviderA, UUID, PROPS("exports.handler = async () => \"a\";"));
LC_SINGLETON_FUNCTION(ProviderB, UUID, PROPS("exports.handler = async () => \"b\";"));
LC_ADD_FUNCTION_URL(ProviderAUrl, .singleton = &ProviderA, .auth_type = LC_URL_AUTH_NONE);
LC_GRANT_INVOKE_URL(GatewayUrl, .singleton = &ProviderB,
    .principal = LC_SERVICE_PRINCIPAL("apigateway.amazonaws.com"));
LC_ROLE(Runner, .assumed_by = LC_SERVICE_PRINCIPAL("codebuild.amazonaws.com"));
LC_GRANT_INVOKE(RunnerInvoke, .singleton = &ProviderA, .principal = LC_ROLE_PRINCIPAL(Runner));
LC_GRANT_INVOKE_LATEST_VERSION(RunnerLatest, .singleton = &ProviderB,
    .principal = LC_ROLE_PRINCIPAL(Runner));
LC_SINGLETON_FUNCTION_PURPOSE(Other, UUID, "Cleanup", PROPS("exports.handler = async () => \"other\";"));
LC_GRANT_INVOKE(OtherAccount, .singleton = &Other,
    .principal = LC_ACCOUNT_PRINCIPAL("444455556666"));

LC_STACK_NAMED(Stack, "x-singleton-url",
    &ProviderA, &ProviderB, &ProviderAUrl, &GatewayUrl, &Runner, &RunnerInvoke, &RunnerLatest,
    &Other, &OtherAccount);
LC_MAIN();
