/* expect: ConfigureAllowAllOutboundOnSecurityGroups securityGroups and allowAllOutbound */
/* securityGroups together with allowAllOutbound (errors-extra.json). */
#include <lambdac.h>

LC_VPC_FROM_ATTRIBUTES(VPC,
    .vpc_id = "vpc-12345678",
    .availability_zones = LC_STRS("us-east-1a", "us-east-1b"),
    .private_subnet_ids = LC_STRS("subnet-p1", "subnet-p2"),
    .public_subnet_ids = LC_STRS("subnet-u1", "subnet-u2"));
LC_SECURITY_GROUP_FROM_ID(SG, "sg-12345678");

LC_FUNCTION(Fn,
    .runtime = LC_RUNTIME_NODEJS_18_X,
    .handler = "index.handler",
    .code = LC_CODE_FROM_INLINE("exports.handler = async () => 1;"),
    .vpc = &VPC,
    .security_groups = (const lc_security_group_t *const[]){ &SG },
    .nsecurity_groups = 1,
    .allow_all_outbound = LC_FALSE);

LC_STACK(Probe, &VPC, &SG, &Fn);
LC_MAIN();
