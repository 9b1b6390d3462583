/* function-config.c - README "Function Timeout" and friends: timeout, memory,
 * description, environment, reserved concurrency, ephemeral storage, architecture. */
#include <lambdac.h>

LC_FUNCTION(MyFunction,
    .runtime = LC_RUNTIME_NODEJS_18_X,
    .handler = "index.handler",
    .code = LC_CODE_FROM_ASSET("lambda-handler"),
    .timeout = LC_MINUTES(5),
    .memory_size = 1024,
    .description = "A function with explicit configuration",
    .environment = LC_ENV(LC_KV("STAGE", "prod"), LC_KV("TABLE", "orders")),
    .reserved_concurrent_executions = LC_SOME(100),
    .ephemeral_storage_size = LC_EPHEMERAL_MIB(1024),
    .architecture = LC_ARCH_ARM_64,
    .tags = LC_TAGS(LC_KV("team", "payments")));

LC_STACK(FunctionConfigStack, &MyFunction);

LC_MAIN()
