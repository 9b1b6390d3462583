/* d-python: a Python 3.12 function from an asset directory.  Twin: d-python.js. */
#include <lambdac.h>

LC_FUNCTION(PythonFunction,
    .runtime = LC_RUNTIME_PYTHON_3_12,
    .handler = "index.handler",
    .code = LC_CODE_FROM_ASSET("fixtures/my-python-handler"));

LC_STACK_NAMED(Stack, "d-python", &PythonFunction);
LC_MAIN();
