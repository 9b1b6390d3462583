/* expect: FilesystemRequiresVpc filesystem without vpc */
/* an EFS file system without a VPC (errors-extra.json). */
#include <lambdac.h>

LC_ACCESS_POINT_FROM_ATTRIBUTES(AccessPoint,
    .access_point_id = "fsap-1234",
    .file_system_id = "fs-1234",
    .file_system_security_group_id = "sg-12345678");

LC_FUNCTION(Fn,
    .runtime = LC_RUNTIME_NODEJS_18_X,
    .handler = "index.handler",
    .code = LC_CODE_FROM_INLINE("exports.handler = async () => 1;"),
    .filesystem = LC_FILESYSTEM_EFS(AccessPoint, "/mnt/msg"));

LC_STACK(Probe, &AccessPoint, &Fn);
LC_MAIN();
