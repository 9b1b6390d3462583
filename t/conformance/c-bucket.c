/* c-bucket: Code.fromBucket on an imported bucket (s3.Bucket.fromBucketName), without and
 * with an objectVersion, and Code.fromBucketV2 (same output as fromBucket with an
 * objectVersion: lambda.h has one LC_CODE_FROM_BUCKET for both).  Twin: c-bucket.js. */
#include <lambdac.h>

LC_BUCKET_FROM_NAME(CodeBucket, "my-code-bucket");

LC_FUNCTION(MyFunction,
    .runtime = LC_RUNTIME_NODEJS_18_X,
    .handler = "index.handler",
    .code = LC_CODE_FROM_BUCKET(CodeBucket, "handlers/my-function.zip"));

LC_FUNCTION(VersionedObjectFunction,
    .runtime = LC_RUNTIME_NODEJS_18_X,
    .handler = "index.handler",
    .code = LC_CODE_FROM_BUCKET(CodeBucket, "handlers/my-function.zip",
                                .object_version = "abc123-object-version"));

LC_FUNCTION(BucketV2Function,
    .runtime = LC_RUNTIME_NODEJS_18_X,
    .handler = "index.handler",
    .code = LC_CODE_FROM_BUCKET(CodeBucket, "handlers/other.zip",
                                .object_version = "v2-version"));

LC_STACK_NAMED(Stack, "c-bucket", &CodeBucket, &MyFunction, &VersionedObjectFunction,
               &BucketV2Function);
LC_MAIN();
