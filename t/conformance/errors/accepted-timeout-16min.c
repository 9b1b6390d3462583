/* expect: none timeout 16 minutes */
/* a 16-minute timeout is not validated by the L2. aws-cdk-lib synthesizes this
 * (errors.json: "error": null), so lambdac must print a template and exit 0. */
#include <lambdac.h>

LC_FUNCTION(Fn,
    .runtime = LC_RUNTIME_NODEJS_18_X,
    .handler = "index.handler",
    .code = LC_CODE_FROM_INLINE("exports.handler = async () => 1;"),
    .timeout = LC_MINUTES(16));

LC_STACK(Probe, &Fn);
LC_MAIN();
