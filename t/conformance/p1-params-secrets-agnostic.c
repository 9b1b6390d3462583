/* p1-params-secrets-agnostic: the Parameters and Secrets extension in an environment-agnostic stack (the layer ARNs come from the
 * ParamsandsecretslayerMap mapping):
 * fromVersion(V1_0_103) with cacheSize / logLevel on an ARM_64 function, read grants on a
 * Secret and a StringParameter, the defaults on x86_64, fromVersionArn.
 * Twin: p1-params-secrets-agnostic.js. */
#include <lambdac.h>

LC_SECRET(Secret);

LC_STRING_PARAMETER(Parameter,
    .parameter_name = "mySsmParameterName",
    .string_value = "mySsmParameterValue");

LC_PARAMS_AND_SECRETS(ParamsAndSecrets,
    .version = LC_PARAMS_AND_SECRETS_V1_0_103,
    .cache_size = LC_SOME(500),
    .log_level = LC_PARAMS_AND_SECRETS_LOG_DEBUG);

LC_FUNCTION(MyFunction,
    .runtime = LC_RUNTIME_NODEJS_18_X,
    .handler = "index.handler",
    .architecture = LC_ARCH_ARM_64,
    .code = LC_CODE_FROM_ASSET("fixtures/lambda-handler"),
    .params_and_secrets = &ParamsAndSecrets);

LC_GRANT_READ(SecretRead, .secret = &Secret, .grantee = &MyFunction);
LC_GRANT_READ(ParameterRead, .parameter = &Parameter, .grantee = &MyFunction);

LC_FUNCTION(X86Function,
    .runtime = LC_RUNTIME_NODEJS_18_X,
    .handler = "index.handler",
    .code = LC_CODE_FROM_ASSET("fixtures/lambda-handler"),
    .params_and_secrets = LC_PARAMS_AND_SECRETS_FROM_VERSION(LC_PARAMS_AND_SECRETS_V1_0_103));

LC_PARAMS_AND_SECRETS(ParamsFromArn,
    .arn = "arn:aws:lambda:us-east-1:177933569100:layer:AWS-Parameters-and-Secrets-Lambda-Extension:4",
    .cache_size = LC_SOME(500));

LC_FUNCTION(ArnFunction,
    .runtime = LC_RUNTIME_NODEJS_18_X,
    .handler = "index.handler",
    .code = LC_CODE_FROM_ASSET("fixtures/lambda-handler"),
    .params_and_secrets = &ParamsFromArn);

LC_STACK_NAMED(Stack, "p1-params-secrets-agnostic",
    &Secret, &Parameter, &MyFunction, &SecretRead, &ParameterRead, &X86Function, &ArnFunction);
LC_MAIN();
