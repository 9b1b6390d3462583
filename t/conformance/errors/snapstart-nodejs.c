/* expect: SnapStartCurrentlySupportedRuntime snapStart with NODEJS_18_X */
/* SnapStart on a runtime without SnapStart support. */
#include <lambdac.h>

LC_FUNCTION(Fn,
    .runtime = LC_RUNTIME_NODEJS_18_X,
    .handler = "index.handler",
    .code = LC_CODE_FROM_INLINE("exports.handler = async () => 1;"),
    .snap_start = LC_SNAP_START_ON_PUBLISHED_VERSIONS);

LC_STACK(Probe, &Fn);
LC_MAIN();
