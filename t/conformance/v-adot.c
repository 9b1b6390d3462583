/* v-adot: the legacy adotInstrumentation with the JavaScript SDK layer (LATEST) and the
 * regular handler wrapper: the AdotLayer, AWS_LAMBDA_EXEC_WRAPPER and active tracing.
 * Twin: v-adot.js. */
#include <lambdac.h>

LC_FUNCTION(MyFunction,
    .runtime = LC_RUNTIME_NODEJS_18_X,
    .handler = "index.handler",
    .code = LC_CODE_FROM_INLINE(
        "exports.handler = function(event, ctx, cb) { return cb(null, \"hi\"); }"),
    .adot_instrumentation = LC_ADOT(.layer_version = LC_ADOT_JAVASCRIPT_SDK_LATEST,
                                    .exec_wrapper = LC_ADOT_REGULAR_HANDLER));

LC_STACK_NAMED(Stack, "v-adot", &MyFunction);
LC_MAIN();
