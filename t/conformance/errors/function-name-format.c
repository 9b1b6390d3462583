/* expect: InvalidFunctionNameFormat functionName with a space */
/* functionName with a character outside [A-Za-z0-9_-]. */
#include <lambdac.h>

LC_FUNCTION(Fn,
    .runtime = LC_RUNTIME_NODEJS_18_X,
    .handler = "index.handler",
    .code = LC_CODE_FROM_INLINE("exports.handler = async () => 1;"),
    .function_name = "my function");

LC_STACK(Probe, &Fn);
LC_MAIN();
