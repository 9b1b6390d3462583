/* w-profiling: profiling: true on PYTHON_3_9 creates a CodeGuru ProfilingGroup, grants
 * the role to publish and sets the AWS_CODEGURU_PROFILER_* variables.
 * Twin: w-profiling.js. */
#include <lambdac.h>

LC_FUNCTION(MyFunction,
    .runtime = LC_RUNTIME_PYTHON_3_9,
    .handler = "index.handler",
    .code = LC_CODE_FROM_ASSET("fixtures/my-python-handler"),
    .profiling = true);

LC_STACK_NAMED(Stack, "w-profiling", &MyFunction);
LC_MAIN();
