/* expect: FilesystemRequiresVpc filesystem without vpc */
/* an EFS file system without a VPC (errors-extra.json). */
#include <lambdac.h>

LC_SECURITY_GROUP_FROM_ID(EfsSg, "sg-12345678");
LC_FILE_SYSTEM_FROM_ATTRIBUTES(Efs, .file_system_id = "fs-1234", .security_group = &EfsSg);
LC_ACCESS_POINT_FROM_ATTRIBUTES(AccessPoint, .access_point_id = "fsap-1234", .file_system = &Efs);

LC_FUNCTION(Fn,
    .runtime = LC_RUNTIME_NODEJS_18_X,
    .handler = "index.handler",
    .code = LC_CODE_FROM_INLINE("exports.handler = async () => 1;"),
    .filesystem = LC_FILESYSTEM_EFS(AccessPoint, "/mnt/msg"));

LC_STACK(Probe, &EfsSg, &Efs, &AccessPoint, &Fn);
LC_MAIN();
