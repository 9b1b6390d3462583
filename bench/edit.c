/* edit.c - edit-to-template loop, lambdac side: examples/hello.c with a timeout that the
 * benchmark toggles between 10 and 11 seconds before every run (the one-line change), then
 * compiles, links and runs.  bench/apps/edit-app.js is the CDK twin. */
#include <lambdac.h>

LC_FUNCTION(MyFunction,
    .runtime = LC_RUNTIME_NODEJS_18_X,
    .handler = "index.handler",
    .code = LC_CODE_FROM_ASSET("lambda-handler"),
    .timeout = LC_SECONDS(10));

LC_STACK(HelloStack, &MyFunction);

LC_MAIN()
