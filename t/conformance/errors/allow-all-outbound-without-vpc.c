/* expect: AllowAllOutboundRequiresVpc allowAllOutbound without vpc */
/* allowAllOutbound without a VPC. */
#include <lambdac.h>

LC_FUNCTION(Fn,
    .runtime = LC_RUNTIME_NODEJS_18_X,
    .handler = "index.handler",
    .code = LC_CODE_FROM_INLINE("exports.handler = async () => 1;"),
    .allow_all_outbound = LC_FALSE);

LC_STACK(Probe, &Fn);
LC_MAIN();
