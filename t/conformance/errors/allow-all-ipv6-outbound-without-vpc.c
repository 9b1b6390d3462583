/* expect: AllowAllIpv6OutboundRequiresVpc allowAllIpv6Outbound without vpc */
/* allowAllIpv6Outbound without a VPC (errors-extra.json). */
#include <lambdac.h>

LC_FUNCTION(Fn,
    .runtime = LC_RUNTIME_NODEJS_18_X,
    .handler = "index.handler",
    .code = LC_CODE_FROM_INLINE("exports.handler = async () => 1;"),
    .allow_all_ipv6_outbound = LC_TRUE);

LC_STACK(Probe, &Fn);
LC_MAIN();
