/* expect: Ipv6DualStackRequiresVpc ipv6AllowedForDualStack without vpc */
/* ipv6AllowedForDualStack without a VPC. */
#include <lambdac.h>

LC_FUNCTION(Fn,
    .runtime = LC_RUNTIME_NODEJS_18_X,
    .handler = "index.handler",
    .code = LC_CODE_FROM_INLINE("exports.handler = async () => 1;"),
    .ipv6_allowed_for_dual_stack = LC_TRUE);

LC_STACK(Probe, &Fn);
LC_MAIN();
