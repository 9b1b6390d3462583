/* expect: VpcSubnetsRequiresVpc vpcSubnets without vpc */
/* vpcSubnets without a VPC (errors-extra.json). */
#include <lambdac.h>

LC_FUNCTION(Fn,
    .runtime = LC_RUNTIME_NODEJS_18_X,
    .handler = "index.handler",
    .code = LC_CODE_FROM_INLINE("exports.handler = async () => 1;"),
    .vpc_subnets = { .subnet_type = LC_SUBNETS_PRIVATE_WITH_EGRESS });

LC_STACK(Probe, &Fn);
LC_MAIN();
