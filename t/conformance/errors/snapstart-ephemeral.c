/* expect: SnapStartCurrentlySupportedMi snapStart JAVA_11 with 1024 MiB ephemeral storage */
/* SnapStart with more than 512 MiB of ephemeral storage (the binary runs in t/conformance). */
#include <lambdac.h>

LC_FUNCTION(Fn,
    .runtime = LC_RUNTIME_JAVA_11,
    .handler = "index.handler",
    .code = LC_CODE_FROM_ASSET("fixtures/java-handler/handler.zip"),
    .snap_start = LC_SNAP_START_ON_PUBLISHED_VERSIONS,
    .ephemeral_storage_size = LC_EPHEMERAL_MIB(1024));

LC_STACK(Probe, &Fn);
LC_MAIN();
