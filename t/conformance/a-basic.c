/* a-basic: a Function on NODEJS_18_X with index.handler and Code.fromAsset(dir).
 * Twin: a-basic.js.  Asset paths are relative to t/conformance (the working directory
 * conformance.sh runs the stack binaries in). */
#include <lambdac.h>

LC_FUNCTION(MyFunction,
    .runtime = LC_RUNTIME_NODEJS_18_X,
    .handler = "index.handler",
    .code = LC_CODE_FROM_ASSET("fixtures/lambda-handler"));

LC_STACK_NAMED(Stack, "a-basic", &MyFunction);
LC_MAIN();
