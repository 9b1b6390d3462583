/* expect: FunctionNameTooLong functionName 65 chars */
/* functionName of 65 characters (Lambda's limit is 64). */
#include <lambdac.h>

LC_FUNCTION(Fn,
    .runtime = LC_RUNTIME_NODEJS_18_X,
    .handler = "index.handler",
    .code = LC_CODE_FROM_INLINE("exports.handler = async () => 1;"),
    .function_name = "fffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffff");

LC_STACK(Probe, &Fn);
LC_MAIN();
