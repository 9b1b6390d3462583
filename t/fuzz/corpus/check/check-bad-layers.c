/* bad-layers.c - six layers, a layer for another runtime, and bad layer declarations. */
#include <lambdac.h>

LC_BUCKET_FROM_NAME(Code, "code-bucket");

LC_LAYER_VERSION(PyLayer,
    .code = LC_CODE_FROM_BUCKET(Code, "py.zip"),
    .compatible_runtimes = LC_RUNTIMES(LC_RUNTIME_PYTHON_3_12, LC_RUNTIME_PYTHON_3_13));
LC_LAYER_VERSION(NodeLayer,
    .code = LC_CODE_FROM_BUCKET(Code, "node.zip"),
    .compatible_runtimes = LC_RUNTIMES(LC_RUNTIME_NODEJS_22_X, LC_RUNTIME_NODEJS_24_X));
LC_LAYER_FROM_ARN(L1, "arn:aws:lambda:us-east-1:123456789012:layer:one:1");
LC_LAYER_FROM_ARN(L2, "arn:aws:lambda:us-east-1:123456789012:layer:two:1");
LC_LAYER_FROM_ARN(L3, "arn:aws:lambda:us-east-1:123456789012:layer:three:1");
LC_LAYER_FROM_ARN(L4, "arn:aws:lambda:us-east-1:123456789012:layer:four:1");
LC_LAYER_FROM_ATTRIBUTES(L5, "arn:aws:lambda:us-east-1:123456789012:layer:five:1",
    .compatible_runtimes = LC_RUNTIMES(LC_RUNTIME_NODEJS_LATEST));

LC_FUNCTION(SixLayers,
    .runtime = LC_RUNTIME_NODEJS_24_X,
    .handler = "index.handler",
    .code = LC_CODE_FROM_INLINE("exports.handler = async () => 1;"),
    .dead_letter_queue_enabled = LC_TRUE,
    LC_LAYERS(&NodeLayer, &L1, &L2, &L3, &L4, &L5));

LC_FUNCTION(WrongRuntime,
    .runtime = LC_RUNTIME_NODEJS_24_X,
    .handler = "index.handler",
    .code = LC_CODE_FROM_INLINE("exports.handler = async () => 1;"),
    .dead_letter_queue_enabled = LC_TRUE,
    LC_LAYERS(&PyLayer, &NodeLayer));

/* five compatible layers after an incompatible one: the incompatible one is not added */
LC_FUNCTION(FiveAfterSkip,
    .runtime = LC_RUNTIME_NODEJS_24_X,
    .handler = "index.handler",
    .code = LC_CODE_FROM_INLINE("exports.handler = async () => 1;"),
    .dead_letter_queue_enabled = LC_TRUE,
    LC_LAYERS(&PyLayer, &L1, &L2, &L3, &L4, &L5));

LC_LAYER_VERSION(InlineLayer,
    .code = LC_CODE_FROM_INLINE("x = 1"),
    .compatible_runtimes = LC_RUNTIMES(LC_RUNTIME_PYTHON_3_12));
LC_LAYER_VERSION(NoCodeLayer, .description = "nothing in it");
LC_LAYER_VERSION(SharedLayer,
    .code = LC_CODE_FROM_BUCKET(Code, "shared.zip"),
    LC_LAYER_PERMISSIONS({ .id = "Org", .account_id = "123456789012", .organization_id = "o-abc" },
                         { .id = "Any", .account_id = "*", .organization_id = "o-abc" }));

LC_STACK(Probe, &Code, &PyLayer, &NodeLayer, &L1, &L2, &L3, &L4, &L5, &SixLayers, &WrongRuntime,
         &FiveAfterSkip, &InlineLayer, &NoCodeLayer, &SharedLayer);
LC_MAIN()
