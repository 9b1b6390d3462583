/* expect: DescriptionTooLong description 257 chars */
/* description of 257 characters (the limit is 256). */
#include <lambdac.h>

LC_FUNCTION(Fn,
    .runtime = LC_RUNTIME_NODEJS_18_X,
    .handler = "index.handler",
    .code = LC_CODE_FROM_INLINE("exports.handler = async () => 1;"),
    .description =
        "dddddddddddddddddddddddddddddddddddddddddddddddddddddddddddddddd"
        "dddddddddddddddddddddddddddddddddddddddddddddddddddddddddddddddd"
        "dddddddddddddddddddddddddddddddddddddddddddddddddddddddddddddddd"
        "ddddddddddddddddddddddddddddddddddddddddddddddddddddddddddddddddd");

LC_STACK(Probe, &Fn);
LC_MAIN();
