/* expect: EphemeralStorageOutOfRange ephemeralStorageSize 10241 MiB */
/* ephemeral storage above 10240 MiB (run-time check, see ephemeral-storage-256.c). */
#include <lambdac.h>

LC_FUNCTION(Fn,
    .runtime = LC_RUNTIME_NODEJS_18_X,
    .handler = "index.handler",
    .code = LC_CODE_FROM_INLINE("exports.handler = async () => 1;"),
    .ephemeral_storage_size = LC_MIB(10241));

LC_STACK(Probe, &Fn);
LC_MAIN();
