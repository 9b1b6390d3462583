/* expect: EphemeralStorageOutOfRange ephemeralStorageSize 256 MiB */
/* ephemeral storage below 512 MiB.  LC_MIB, not LC_EPHEMERAL_MIB (that one rejects the value at
 * compile time): this checks the run-time validation. */
#include <lambdac.h>

LC_FUNCTION(Fn,
    .runtime = LC_RUNTIME_NODEJS_18_X,
    .handler = "index.handler",
    .code = LC_CODE_FROM_INLINE("exports.handler = async () => 1;"),
    .ephemeral_storage_size = LC_MIB(256));

LC_STACK(Probe, &Fn);
LC_MAIN();
