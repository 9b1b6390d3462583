/* vpc-efs-ipv6.c - README "FileSystem Access" and "IPv6 support", with an imported VPC
 * and an imported EFS access point. */
#include <lambdac.h>

LC_VPC_FROM_ATTRIBUTES(Vpc,
    .vpc_id = "vpc-1234",
    .availability_zones = LC_STRS("us-east-1a", "us-east-1b"),
    .private_subnet_ids = LC_STRS("subnet-p1", "subnet-p2"),
    .public_subnet_ids = LC_STRS("subnet-u1", "subnet-u2"));

LC_SECURITY_GROUP_FROM_ID(EfsSg, "sg-efs");
LC_FILE_SYSTEM_FROM_ATTRIBUTES(Efs, .file_system_id = "fs-1234", .security_group = &EfsSg);
LC_ACCESS_POINT_FROM_ATTRIBUTES(AccessPoint, .access_point_id = "fsap-1234", .file_system = &Efs);

LC_FUNCTION(MyLambda,
    .filesystem = LC_FILESYSTEM_EFS(AccessPoint, "/mnt/msg"),
    .runtime = LC_RUNTIME_NODEJS_18_X,
    .handler = "index.handler",
    .code = LC_CODE_FROM_ASSET("lambda-handler"),
    .vpc = &Vpc);

LC_FUNCTION(Ipv6Lambda,
    .code = LC_CODE_FROM_INLINE("def main(event, context): pass"),
    .handler = "index.main",
    .runtime = LC_RUNTIME_PYTHON_3_9,
    .vpc = &Vpc,
    .ipv6_allowed_for_dual_stack = LC_TRUE);

LC_STACK(VpcStack, &Vpc, &EfsSg, &Efs, &AccessPoint, &MyLambda, &Ipv6Lambda);

LC_MAIN()
