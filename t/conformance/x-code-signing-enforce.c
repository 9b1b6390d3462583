/* x-code-signing-enforce: a CodeSigningConfig that enforces two publishers - a signing
 * profile of the stack (one-year validity; its name is written only under the new-project
 * flag @aws-cdk/aws-signer:signingProfileNamePassedToCfn) and an imported profile version
 * (CDK's formatArn gives the "//signing-profiles" path) - with a description, shared by
 * two functions; a third function uses an imported CodeSigningConfig ARN.
 * Twin: x-code-signing-enforce.js. */
#include <lambdac.h>

LC_SIGNING_PROFILE(Own,
    .platform = LC_SIGNING_PLATFORM_AWS_LAMBDA_SHA384_ECDSA,
    .signature_validity = LC_DAYS(365),
    .signing_profile_name = "release_signer");
LC_SIGNING_PROFILE_FROM_ATTRIBUTES(Partner, "partner_signer", "v2");
LC_CODE_SIGNING_CONFIG(Strict,
    LC_SIGNING_PROFILES(&Own, &Partner),
    .untrusted_artifact_on_deployment = LC_UNTRUSTED_ARTIFACT_ENFORCE,
    .description = "only signed code");
LC_CODE_SIGNING_CONFIG_FROM_ARN(Shared,
    "arn:aws:lambda:us-east-1:123456789012:code-signing-config:csc-0a1b2c3d4e5f60718");

#define FN(csc) \
    .runtime = LC_RUNTIME_NODEJS_20_X, .handler = "index.handler", \
    .code = LC_CODE_FROM_INLINE("exports.handler = async () => 1;"), \
    .code_signing_config = &(csc)
LC_FUNCTION(First, FN(Strict));
LC_FUNCTION(Second, FN(Strict));
LC_FUNCTION(Third, FN(Shared));

LC_STACK_NAMED(Stack, "x-code-signing-enforce",
    &Own, &Partner, &Strict, &First, &Second, &Shared, &Third);
LC_MAIN();
