/* expect: AdotPythonHandlerWrapperRequired ADOT python with REGULAR_HANDLER */
/* The Python ADOT layer only works with the instrument wrapper. */
#include <lambdac.h>

LC_FUNCTION(Fn,
    .runtime = LC_RUNTIME_PYTHON_3_12,
    .handler = "index.handler",
    .code = LC_CODE_FROM_INLINE("def handler(event, context): return 1"),
    .adot_instrumentation = LC_ADOT(.layer_version = LC_ADOT_PYTHON_SDK_LATEST,
                                    .exec_wrapper = LC_ADOT_REGULAR_HANDLER));

LC_STACK(Probe, &Fn);
LC_MAIN();
