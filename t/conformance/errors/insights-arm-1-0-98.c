/* expect: InsightsVersion insights 1.0.98.0 on ARM_64 */
/* Lambda Insights 1.0.98.0 has no ARM_64 layer (ARM needs 1.0.119.0 or later). */
#include <lambdac.h>

LC_FUNCTION(Fn,
    .runtime = LC_RUNTIME_NODEJS_18_X,
    .handler = "index.handler",
    .code = LC_CODE_FROM_INLINE("exports.handler = async () => 1;"),
    .architecture = LC_ARCH_ARM_64,
    .insights_version = LC_INSIGHTS_VERSION_1_0_98_0);

LC_STACK(Probe, &Fn);
LC_MAIN();
