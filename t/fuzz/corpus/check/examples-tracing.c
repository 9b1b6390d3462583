/* tracing.c - README "Lambda with X-Ray Tracing". */
#include <lambdac.h>

LC_FUNCTION(MyFunction,
    .runtime = LC_RUNTIME_NODEJS_18_X,
    .handler = "index.handler",
    .code = LC_CODE_FROM_INLINE("exports.handler = function(event, ctx, cb) { return cb(null, \"hi\"); }"),
    .tracing = LC_TRACING_ACTIVE);

LC_STACK(TracingStack, &MyFunction);

LC_MAIN()
