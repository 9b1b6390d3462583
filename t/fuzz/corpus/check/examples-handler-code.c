/* handler-code.c - README "Handler Code": inline code and code in an S3 bucket. */
#include <lambdac.h>

LC_FUNCTION(InlineFunction,
    .runtime = LC_RUNTIME_PYTHON_3_12,
    .handler = "index.handler",
    .code = LC_CODE_FROM_INLINE("def handler(event, context):\n    return 'hi'\n"));

LC_BUCKET_FROM_NAME(CodeBucket, "my-code-bucket");

LC_FUNCTION(BucketFunction,
    .runtime = LC_RUNTIME_NODEJS_20_X,
    .handler = "index.handler",
    .code = LC_CODE_FROM_BUCKET(CodeBucket, "handlers/my-function.zip",
                                .object_version = "abc123-object-version"));

LC_STACK(HandlerCodeStack, &InlineFunction, &CodeBucket, &BucketFunction);

LC_MAIN()
