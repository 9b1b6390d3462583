/* k-current-version: currentVersion with currentVersionOptions (RETAIN, retryAttempts 1)
 * and fn.addAlias('live'); a second function's currentVersion as an output.
 * Twin: k-current-version.js. */
#include <lambdac.h>

LC_FUNCTION(MyFunction,
    .current_version_options = { .removal_policy = LC_REMOVAL_RETAIN, .retry_attempts = LC_SOME(1) },
    .runtime = LC_RUNTIME_NODEJS_18_X,
    .handler = "index.handler",
    .code = LC_CODE_FROM_ASSET("fixtures/lambda-handler"));
LC_ADD_ALIAS(Live, LC_CURRENT_VERSION(MyFunction), "live");

LC_FUNCTION(InlineFunction,
    .runtime = LC_RUNTIME_NODEJS_18_X,
    .handler = "index.handler",
    .code = LC_CODE_FROM_INLINE("exports.handler = async () => 1;"),
    .environment = LC_ENV(LC_KV("STAGE", "one")));
LC_OUTPUT(InlineVersionArn, .value = LC_VREF_CURRENT_VERSION(InlineFunction));

LC_STACK_NAMED(Stack, "k-current-version", &MyFunction, &Live, &InlineFunction, &InlineVersionArn);
LC_MAIN();
