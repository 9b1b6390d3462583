/* bad-snapstart.c - SnapStart on Node.js, with EFS, with big ephemeral storage. */
#include <lambdac.h>

LC_VPC_FROM_ATTRIBUTES(Vpc,
    .vpc_id = "vpc-12345678",
    .availability_zones = LC_STRS("us-east-1a", "us-east-1b"),
    .private_subnet_ids = LC_STRS("subnet-p1", "subnet-p2"));
LC_SECURITY_GROUP_FROM_ID(EfsSg, "sg-12345678");
LC_FILE_SYSTEM_FROM_ATTRIBUTES(Efs, .file_system_id = "fs-1234", .security_group = &EfsSg);
LC_ACCESS_POINT_FROM_ATTRIBUTES(Ap, .access_point_id = "fsap-1234", .file_system = &Efs);
LC_BUCKET_FROM_NAME(Code, "code-bucket");

LC_FUNCTION(Node,
    .runtime = LC_RUNTIME_NODEJS_24_X,
    .handler = "index.handler",
    .code = LC_CODE_FROM_INLINE("exports.handler = async () => 1;"),
    .dead_letter_queue_enabled = LC_TRUE,
    .snap_start = LC_SNAP_START_ON_PUBLISHED_VERSIONS);

LC_FUNCTION(JavaEfs,
    .runtime = LC_RUNTIME_JAVA_21,
    .handler = "example.Handler::handle",
    .code = LC_CODE_FROM_BUCKET(Code, "handler.zip"),
    .dead_letter_queue_enabled = LC_TRUE,
    .snap_start = LC_SNAP_START_ON_PUBLISHED_VERSIONS,
    .vpc = &Vpc,
    .filesystem = LC_FILESYSTEM_EFS(Ap, "/mnt/data"),
    .ephemeral_storage_size = LC_MIB(1024));

LC_FUNCTION(JavaOk,
    .runtime = LC_RUNTIME_JAVA_21,
    .handler = "example.Handler::handle",
    .code = LC_CODE_FROM_BUCKET(Code, "handler.zip"),
    .dead_letter_queue_enabled = LC_TRUE,
    .snap_start = LC_SNAP_START_ON_PUBLISHED_VERSIONS,
    .ephemeral_storage_size = LC_MIB(512));

LC_STACK(Probe, &Vpc, &EfsSg, &Efs, &Ap, &Code, &Node, &JavaEfs, &JavaOk);
LC_MAIN()
