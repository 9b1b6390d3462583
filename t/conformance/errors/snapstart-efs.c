/* expect: SnapStartCurrentlySupported snapStart JAVA_11 with EFS */
/* SnapStart with an EFS file system (errors-extra.json). */
#include <lambdac.h>

LC_VPC_FROM_ATTRIBUTES(VPC,
    .vpc_id = "vpc-12345678",
    .availability_zones = LC_STRS("us-east-1a", "us-east-1b"),
    .private_subnet_ids = LC_STRS("subnet-p1", "subnet-p2"),
    .public_subnet_ids = LC_STRS("subnet-u1", "subnet-u2"));
LC_SECURITY_GROUP_FROM_ID(EfsSg, "sg-12345678");
LC_FILE_SYSTEM_FROM_ATTRIBUTES(Efs, .file_system_id = "fs-1234", .security_group = &EfsSg);
LC_ACCESS_POINT_FROM_ATTRIBUTES(AccessPoint, .access_point_id = "fsap-1234", .file_system = &Efs);

LC_FUNCTION(Fn,
    .runtime = LC_RUNTIME_JAVA_11,
    .handler = "index.handler",
    .code = LC_CODE_FROM_ASSET("fixtures/java-handler/handler.zip"),
    .snap_start = LC_SNAP_START_ON_PUBLISHED_VERSIONS,
    .vpc = &VPC,
    .filesystem = LC_FILESYSTEM_EFS(AccessPoint, "/mnt/msg"));

LC_STACK(Probe, &VPC, &EfsSg, &Efs, &AccessPoint, &Fn);
LC_MAIN();
