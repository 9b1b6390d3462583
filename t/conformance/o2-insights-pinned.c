/* o2-insights-pinned: Lambda Insights in a stack pinned to us-east-1: the layer ARNs are
 * that region's literals.  Twin: o2-insights-pinned.js. */
#include <lambdac.h>

LC_FUNCTION(MyFunction,
    .runtime = LC_RUNTIME_NODEJS_18_X,
    .handler = "index.handler",
    .code = LC_CODE_FROM_ASSET("fixtures/lambda-handler"),
    .insights_version = LC_INSIGHTS_VERSION_1_0_98_0);

LC_FUNCTION(ArmFunction,
    .runtime = LC_RUNTIME_NODEJS_18_X,
    .handler = "index.handler",
    .architecture = LC_ARCH_ARM_64,
    .code = LC_CODE_FROM_ASSET("fixtures/lambda-handler"),
    .insights_version = LC_INSIGHTS_VERSION_1_0_119_0);

LC_STACK_NAMED_ENV(Stack, "o2-insights-pinned", "123456789012", "us-east-1",
                   &MyFunction, &ArmFunction);
LC_MAIN();
