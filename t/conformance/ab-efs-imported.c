/* ab-efs-imported: a function in an imported VPC mounting an imported EFS access point
 * (FileSystem.fromEfsAccessPoint), the imported variant of the oracle's ab-efs.
 * Twin: ab-efs-imported.js (VPC "VPC", access point "AccessPoint", its file system "Efs"
 * and the file system's security group "EfsSg", which receives the NFS ingress rule).
 * The VPC id is well-formed because the new-project flags validate its format. */
#include <lambdac.h>

LC_VPC_FROM_ATTRIBUTES(VPC,
    .vpc_id = "vpc-12345678",
    .availability_zones = LC_STRS("us-east-1a", "us-east-1b"),
    .private_subnet_ids = LC_STRS("subnet-p1", "subnet-p2"),
    .public_subnet_ids = LC_STRS("subnet-u1", "subnet-u2"));

LC_SECURITY_GROUP_FROM_ID(EfsSg, "sg-12345678");
LC_FILE_SYSTEM_FROM_ATTRIBUTES(Efs, .file_system_id = "fs-1234", .security_group = &EfsSg);
LC_ACCESS_POINT_FROM_ATTRIBUTES(AccessPoint, .access_point_id = "fsap-1234", .file_system = &Efs);

LC_FUNCTION(MyLambda,
    .filesystem = LC_FILESYSTEM_EFS(AccessPoint, "/mnt/msg"),
    .runtime = LC_RUNTIME_NODEJS_18_X,
    .handler = "index.handler",
    .code = LC_CODE_FROM_ASSET("fixtures/lambda-handler"),
    .vpc = &VPC);

LC_STACK_NAMED(Stack, "ab-efs-imported", &VPC, &EfsSg, &Efs, &AccessPoint, &MyLambda);
LC_MAIN();
