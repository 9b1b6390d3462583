/* x-reserved-concurrency: reservedConcurrentExecutions 100.  Twin: x-reserved-concurrency.js. */
#include <lambdac.h>

LC_FUNCTION(MyFunction,
    .runtime = LC_RUNTIME_NODEJS_18_X,
    .handler = "index.handler",
    .code = LC_CODE_FROM_INLINE(
        "exports.handler = function(event, ctx, cb) { return cb(null, \"hi\"); }"),
    .reserved_concurrent_executions = LC_SOME(100));

LC_STACK_NAMED(Stack, "x-reserved-concurrency", &MyFunction);
LC_MAIN();
