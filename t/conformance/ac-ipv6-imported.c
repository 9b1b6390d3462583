/* ac-ipv6-imported: ipv6AllowedForDualStack on a function in an imported VPC, the imported
 * variant of the oracle's ac-ipv6.  Twin: ac-ipv6-imported.js. */
#include <lambdac.h>

LC_VPC_FROM_ATTRIBUTES(DualStackVpc,
    .vpc_id = "vpc-12345678",
    .availability_zones = LC_STRS("us-east-1a", "us-east-1b"),
    .private_subnet_ids = LC_STRS("subnet-p1", "subnet-p2"),
    .public_subnet_ids = LC_STRS("subnet-u1", "subnet-u2"));

LC_FUNCTION(Lambda_with_IPv6_VPC,
    .code = LC_CODE_FROM_INLINE("def main(event, context): pass"),
    .handler = "index.main",
    .runtime = LC_RUNTIME_PYTHON_3_9,
    .vpc = &DualStackVpc,
    .ipv6_allowed_for_dual_stack = LC_TRUE);

LC_STACK_NAMED(Stack, "ac-ipv6-imported", &DualStackVpc, &Lambda_with_IPv6_VPC);
LC_MAIN();
