/* b-inline: Code.fromInline.  Twin: b-inline.js. */
#include <lambdac.h>

LC_FUNCTION(MyFunction,
    .runtime = LC_RUNTIME_NODEJS_18_X,
    .handler = "index.handler",
    .code = LC_CODE_FROM_INLINE(
        "exports.handler = function(event, ctx, cb) { return cb(null, \"hi\"); }"));

LC_STACK_NAMED(Stack, "b-inline", &MyFunction);
LC_MAIN();
