/* j-version: explicit Versions (asset function; bucket function with codeSha256,
 * provisioned concurrency and async invoke options), version.addAlias, Alias.
 * Twin: j-version.js. */
#include <lambdac.h>

LC_FUNCTION(MyFunction,
    .runtime = LC_RUNTIME_NODEJS_18_X,
    .handler = "index.handler",
    .code = LC_CODE_FROM_ASSET("fixtures/lambda-handler"));
LC_VERSION(MyVersion, .lambda = &MyFunction);

LC_BUCKET_FROM_NAME(CodeBucket, "my-code-bucket");
LC_FUNCTION(BucketFunction,
    .runtime = LC_RUNTIME_NODEJS_18_X,
    .handler = "index.handler",
    .code = LC_CODE_FROM_BUCKET(CodeBucket, "code.zip"));
LC_VERSION(BucketVersion, .lambda = &BucketFunction,
    .options = { .description = "explicit version", .code_sha256 = "abc123",
                 .provisioned_concurrent_executions = LC_SOME(5),
                 .max_event_age = LC_HOURS(1), .retry_attempts = LC_SOME(0) });
LC_ADD_ALIAS(Prod, LC_VERSION_OF(BucketVersion), "prod");
LC_ALIAS(Beta, .alias_name = "beta", .version = LC_VERSION_OF(BucketVersion),
    .description = "beta alias");

LC_STACK_NAMED(Stack, "j-version", &MyFunction, &MyVersion, &CodeBucket, &BucketFunction,
               &BucketVersion, &Prod, &Beta);
LC_MAIN();
