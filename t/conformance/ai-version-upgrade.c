/* ai-version-upgrade: the FunctionVersionUpgrade aspect for both lambda version flags.
 * Twin: ai-version-upgrade.js. */
#include <lambdac.h>

LC_FUNCTION(MyFunction,
    .runtime = LC_RUNTIME_NODEJS_18_X,
    .handler = "index.handler",
    .code = LC_CODE_FROM_ASSET("fixtures/lambda-handler"),
    .current_version = true);
LC_FUNCTION(DescribedFunction,
    .runtime = LC_RUNTIME_NODEJS_18_X,
    .handler = "index.handler",
    .code = LC_CODE_FROM_ASSET("fixtures/lambda-handler"),
    .description = "has a description",
    .current_version = true);
LC_FUNCTION_VERSION_UPGRADE(UpgradeVersionProps, LC_FLAG_RECOGNIZE_VERSION_PROPS);
LC_FUNCTION_VERSION_UPGRADE(UpgradeLayerVersion, LC_FLAG_RECOGNIZE_LAYER_VERSION);

LC_STACK_NAMED(Stack, "ai-version-upgrade", &MyFunction, &DescribedFunction,
               &UpgradeVersionProps, &UpgradeLayerVersion);
LC_MAIN();
