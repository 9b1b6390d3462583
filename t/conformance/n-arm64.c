/* n-arm64: architecture ARM_64.  Twin: n-arm64.js. */
#include <lambdac.h>

LC_FUNCTION(MyFunction,
    .runtime = LC_RUNTIME_NODEJS_18_X,
    .handler = "index.handler",
    .code = LC_CODE_FROM_ASSET("fixtures/lambda-handler"),
    .architecture = LC_ARCH_ARM_64);

LC_STACK_NAMED(Stack, "n-arm64", &MyFunction);
LC_MAIN();
