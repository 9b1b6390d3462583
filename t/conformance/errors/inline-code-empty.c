/* expect: LambdaInlineCodeCannotBeEmpty inline code empty */
/* Code.fromInline(""). */
#include <lambdac.h>

LC_FUNCTION(Fn,
    .runtime = LC_RUNTIME_NODEJS_18_X,
    .handler = "index.handler",
    .code = LC_CODE_FROM_INLINE(""));

LC_STACK(Probe, &Fn);
LC_MAIN();
