/* expect: FunctionNameTooLong functionName 65 chars @Fn */
/* expect: DescriptionTooLong description 257 chars @Fn2 */
/* Two invalid functions in one stack: lambdac reports every error, not just the first
 * (aws-cdk-lib stops at the first throw; each message is the one CDK gives for the case). */
#include <lambdac.h>

LC_FUNCTION(Fn,
    .runtime = LC_RUNTIME_NODEJS_18_X,
    .handler = "index.handler",
    .code = LC_CODE_FROM_INLINE("exports.handler = async () => 1;"),
    .function_name = "fffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffff");

LC_FUNCTION(Fn2,
    .runtime = LC_RUNTIME_NODEJS_18_X,
    .handler = "index.handler",
    .code = LC_CODE_FROM_INLINE("exports.handler = async () => 1;"),
    .description =
        "dddddddddddddddddddddddddddddddddddddddddddddddddddddddddddddddd"
        "dddddddddddddddddddddddddddddddddddddddddddddddddddddddddddddddd"
        "dddddddddddddddddddddddddddddddddddddddddddddddddddddddddddddddd"
        "ddddddddddddddddddddddddddddddddddddddddddddddddddddddddddddddddd");

LC_STACK(Probe, &Fn, &Fn2);
LC_MAIN();
