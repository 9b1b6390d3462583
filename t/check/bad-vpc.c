/* bad-vpc.c - VPC-only properties without a VPC; security groups with allowAllOutbound;
 * public subnets; EFS mount paths. */
#include <lambdac.h>

LC_VPC_FROM_ATTRIBUTES(PublicOnly,
    .vpc_id = "vpc-public",
    .availability_zones = LC_STRS("us-east-1a"),
    .public_subnet_ids = LC_STRS("subnet-u1"));
LC_VPC_FROM_ATTRIBUTES(Vpc,
    .vpc_id = "vpc-1234",
    .availability_zones = LC_STRS("us-east-1a", "us-east-1b"),
    .private_subnet_ids = LC_STRS("subnet-p1", "subnet-p2"),
    .public_subnet_ids = LC_STRS("subnet-u1", "subnet-u2"));
LC_SECURITY_GROUP_FROM_ID(Sg, "sg-1234");
LC_SECURITY_GROUP_FROM_ID(EfsSg, "sg-efs");
LC_FILE_SYSTEM_FROM_ATTRIBUTES(Efs, .file_system_id = "fs-1", .security_group = &EfsSg);
LC_ACCESS_POINT_FROM_ATTRIBUTES(Ap, .access_point_id = "fsap-1", .file_system = &Efs);

LC_FUNCTION(NoVpc,
    .runtime = LC_RUNTIME_NODEJS_24_X,
    .handler = "index.handler",
    .code = LC_CODE_FROM_INLINE("exports.handler = async () => 1;"),
    .dead_letter_queue_enabled = LC_TRUE,
    .ipv6_allowed_for_dual_stack = LC_TRUE,
    .allow_all_outbound = LC_FALSE,
    .allow_all_ipv6_outbound = LC_TRUE,
    .security_groups = (const lc_security_group_t *const[]){ &Sg },
    .nsecurity_groups = 1,
    .vpc_subnets = { .subnet_type = LC_SUBNETS_PRIVATE_WITH_EGRESS },
    .filesystem = LC_FILESYSTEM_EFS(Ap, "/mnt/data"));

LC_FUNCTION(SgAndOutbound,
    .runtime = LC_RUNTIME_NODEJS_24_X,
    .handler = "index.handler",
    .code = LC_CODE_FROM_INLINE("exports.handler = async () => 1;"),
    .dead_letter_queue_enabled = LC_TRUE,
    .vpc = &Vpc,
    .security_groups = (const lc_security_group_t *const[]){ &Sg },
    .nsecurity_groups = 1,
    .allow_all_outbound = LC_TRUE);

LC_FUNCTION(Public,
    .runtime = LC_RUNTIME_NODEJS_24_X,
    .handler = "index.handler",
    .code = LC_CODE_FROM_INLINE("exports.handler = async () => 1;"),
    .dead_letter_queue_enabled = LC_TRUE,
    .vpc = &Vpc,
    .vpc_subnets = { .subnet_type = LC_SUBNETS_PUBLIC });

LC_FUNCTION(PublicByDefault,
    .runtime = LC_RUNTIME_NODEJS_24_X,
    .handler = "index.handler",
    .code = LC_CODE_FROM_INLINE("exports.handler = async () => 1;"),
    .dead_letter_queue_enabled = LC_TRUE,
    .vpc = &PublicOnly);

LC_FUNCTION(PublicAllowed,
    .runtime = LC_RUNTIME_NODEJS_24_X,
    .handler = "index.handler",
    .code = LC_CODE_FROM_INLINE("exports.handler = async () => 1;"),
    .dead_letter_queue_enabled = LC_TRUE,
    .vpc = &PublicOnly,
    .allow_public_subnet = LC_TRUE);

LC_FUNCTION(BadMount,
    .runtime = LC_RUNTIME_NODEJS_24_X,
    .handler = "index.handler",
    .code = LC_CODE_FROM_INLINE("exports.handler = async () => 1;"),
    .dead_letter_queue_enabled = LC_TRUE,
    .vpc = &Vpc,
    .filesystem = LC_FILESYSTEM_EFS(Ap, "/data/with space"));

LC_FUNCTION(LongMount,
    .runtime = LC_RUNTIME_NODEJS_24_X,
    .handler = "index.handler",
    .code = LC_CODE_FROM_INLINE("exports.handler = async () => 1;"),
    .dead_letter_queue_enabled = LC_TRUE,
    .vpc = &Vpc,
    .filesystem = LC_FILESYSTEM_EFS(Ap,
        "/mnt/aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa"
        "aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa"));

LC_STACK(Probe, &PublicOnly, &Vpc, &Sg, &EfsSg, &Efs, &Ap, &NoVpc, &SgAndOutbound, &Public, &PublicByDefault,
         &PublicAllowed, &BadMount, &LongMount);
LC_MAIN()
