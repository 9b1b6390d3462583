/* expect: CodeGuruProfilingSupportedRuntime profiling with NODEJS_18_X */
/* CodeGuru profiling supports Java and Python runtimes only. */
#include <lambdac.h>

LC_FUNCTION(Fn,
    .runtime = LC_RUNTIME_NODEJS_18_X,
    .handler = "index.handler",
    .code = LC_CODE_FROM_INLINE("exports.handler = async () => 1;"),
    .profiling = true);

LC_STACK(Probe, &Fn);
LC_MAIN();
