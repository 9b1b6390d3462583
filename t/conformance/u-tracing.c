/* u-tracing: Tracing.ACTIVE and Tracing.PASS_THROUGH.  Twin: u-tracing.js. */
#include <lambdac.h>

#define CODE_ "exports.handler = function(event, ctx, cb) { return cb(null, \"hi\"); }"

LC_FUNCTION(MyFunction,
    .runtime = LC_RUNTIME_NODEJS_18_X,
    .handler = "index.handler",
    .code = LC_CODE_FROM_INLINE(CODE_),
    .tracing = LC_TRACING_ACTIVE);

LC_FUNCTION(PassThroughFunction,
    .runtime = LC_RUNTIME_NODEJS_18_X,
    .handler = "index.handler",
    .code = LC_CODE_FROM_INLINE(CODE_),
    .tracing = LC_TRACING_PASS_THROUGH);

LC_STACK_NAMED(Stack, "u-tracing", &MyFunction, &PassThroughFunction);
LC_MAIN();
