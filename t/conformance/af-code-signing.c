/* af-code-signing: a CodeSigningConfig that trusts one AWS Signer profile (platform
 * AWSLambda-SHA384-ECDSA, the default 135-month signature validity, untrusted artifacts
 * only warned about), attached to a function with .code_signing_config.
 * Twin: af-code-signing.js. */
#include <lambdac.h>

LC_SIGNING_PROFILE(SigningProfile, .platform = LC_SIGNING_PLATFORM_AWS_LAMBDA_SHA384_ECDSA);
LC_CODE_SIGNING_CONFIG(CodeSigningConfig, LC_SIGNING_PROFILES(&SigningProfile));

LC_FUNCTION(Function,
    .code_signing_config = &CodeSigningConfig,
    .runtime = LC_RUNTIME_NODEJS_18_X,
    .handler = "index.handler",
    .code = LC_CODE_FROM_ASSET("fixtures/lambda-handler"));

LC_STACK_NAMED(Stack, "af-code-signing", &SigningProfile, &CodeSigningConfig, &Function);
LC_MAIN();
