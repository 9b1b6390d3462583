/* m-layer: a LayerVersion (runtimes, architectures, license, description, RETAIN) with
 * account and organization permissions, an imported layer, both used by a function.
 * Twin: m-layer.js. */
#include <lambdac.h>

LC_LAYER_VERSION(MyLayer,
    .code = LC_CODE_FROM_ASSET("fixtures/layer-code"),
    .compatible_runtimes = LC_RUNTIMES(LC_RUNTIME_NODEJS_18_X, LC_RUNTIME_NODEJS_20_X),
    .compatible_architectures = LC_ARCHS(LC_ARCH_X86_64, LC_ARCH_ARM_64),
    .license = "Apache-2.0",
    .description = "A layer to test the L2 construct",
    .removal_policy = LC_REMOVAL_RETAIN,
    LC_LAYER_PERMISSIONS({ .id = "remote-account-grant", .account_id = "123456789012" },
                         { .id = "org-grant", .account_id = "*",
                           .organization_id = "o-a1b2c3d4e5" }));
LC_LAYER_FROM_ARN(Imported, "arn:aws:lambda:us-east-1:123456789012:layer:shared:3");

LC_FUNCTION(MyLayeredLambda,
    .code = LC_CODE_FROM_INLINE("foo"),
    .handler = "index.handler",
    .runtime = LC_RUNTIME_NODEJS_18_X,
    LC_LAYERS(&MyLayer, &Imported));

LC_STACK_NAMED(Stack, "m-layer", &MyLayer, &Imported, &MyLayeredLambda);
LC_MAIN();
