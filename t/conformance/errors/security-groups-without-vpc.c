/* expect: SecurityGroupsRequireVpc securityGroups without vpc */
/* securityGroups without a VPC (errors-extra.json). */
#include <lambdac.h>

LC_SECURITY_GROUP_FROM_ID(SG, "sg-12345678");

LC_FUNCTION(Fn,
    .runtime = LC_RUNTIME_NODEJS_18_X,
    .handler = "index.handler",
    .code = LC_CODE_FROM_INLINE("exports.handler = async () => 1;"),
    .security_groups = (const lc_security_group_t *const[]){ &SG },
    .nsecurity_groups = 1);

LC_STACK(Probe, &SG, &Fn);
LC_MAIN();
