/* expect: none memorySize 20000 */
/* memorySize 20000 is not validated by the L2. aws-cdk-lib synthesizes this
 * (errors.json: "error": null), so lambdac must print a template and exit 0. */
#include <lambdac.h>

LC_FUNCTION(Fn,
    .runtime = LC_RUNTIME_NODEJS_18_X,
    .handler = "index.handler",
    .code = LC_CODE_FROM_INLINE("exports.handler = async () => 1;"),
    .memory_size = 20000);

LC_STACK(Probe, &Fn);
LC_MAIN();
