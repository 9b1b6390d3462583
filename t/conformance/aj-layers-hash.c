/* aj-layers-hash: functions that differ only in their layers, each with currentVersion
 * and an output of its version: defined layers, an imported layer, layer order, the
 * layers Insights and Params-and-Secrets add (token ARNs from region mappings in this
 * environment-agnostic stack) and an import with compatible runtimes.  Under the
 * new-project flags (recognizeLayerVersion) the version ids include the layers hash.
 * Twin: aj-layers-hash.js. */
#include <lambdac.h>

LC_LAYER_VERSION(LayerA,
    .code = LC_CODE_FROM_ASSET("fixtures/layer-code"),
    .compatible_runtimes = LC_RUNTIMES(LC_RUNTIME_NODEJS_18_X),
    .description = "layer A");

LC_LAYER_VERSION(LayerB,
    .code = LC_CODE_FROM_ASSET("fixtures/lambda-handler"),
    .description = "layer B");

LC_LAYER_FROM_ARN(ImportedLayer, "arn:aws:lambda:us-east-1:123456789012:layer:shared:7");

/* one shared role so that the functions differ only in their layers */
LC_ROLE(SharedRole, .assumed_by = LC_SERVICE_PRINCIPAL("lambda.amazonaws.com"));

#define FN(name, ...) \
    LC_FUNCTION(name, \
        .role = &SharedRole, \
        .runtime = LC_RUNTIME_NODEJS_18_X, \
        .handler = "index.handler", \
        .code = LC_CODE_FROM_INLINE("exports.handler = async () => 1;"), \
        .current_version = true, \
        __VA_ARGS__); \
    LC_OUTPUT(name##Version, .value = LC_VGETATT_CURRENT_VERSION(name, "Version"))

FN(NoLayers, .nlayers = 0);
FN(LayersAB, LC_LAYERS(&LayerA, &LayerB));
FN(LayersBA, LC_LAYERS(&LayerB, &LayerA));
FN(LayersAImported, LC_LAYERS(&LayerA, &ImportedLayer));
FN(InsightsLayered, LC_LAYERS(&LayerA), .insights_version = LC_INSIGHTS_VERSION_1_0_98_0);
FN(ParamsLayered, .params_and_secrets =
       LC_PARAMS_AND_SECRETS_FROM_VERSION(LC_PARAMS_AND_SECRETS_V1_0_103));

LC_LAYER_FROM_ATTRIBUTES(AttrsLayer, "arn:aws:lambda:us-east-1:123456789012:layer:attrs:2",
    .compatible_runtimes = LC_RUNTIMES(LC_RUNTIME_NODEJS_18_X, LC_RUNTIME_NODEJS_20_X));

FN(AttrsLayered, LC_LAYERS(&AttrsLayer));

LC_STACK_NAMED(Stack, "aj-layers-hash",
    &LayerA, &LayerB, &ImportedLayer, &SharedRole,
    &NoLayers, &NoLayersVersion,
    &LayersAB, &LayersABVersion,
    &LayersBA, &LayersBAVersion,
    &LayersAImported, &LayersAImportedVersion,
    &InsightsLayered, &InsightsLayeredVersion,
    &ParamsLayered, &ParamsLayeredVersion,
    &AttrsLayer, &AttrsLayered, &AttrsLayeredVersion);
LC_MAIN();
