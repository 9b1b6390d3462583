/* xi-pinned-layers: extension layers in a stack pinned to eu-west-1 (see
 * xi-pinned-layers.js): Insights, ADOT JavaScript and Parameters and Secrets on ARM_64,
 * profiling with the region as a literal. */
#include <lambdac.h>

LC_FUNCTION(Fn,
    .runtime = LC_RUNTIME_NODEJS_20_X, .handler = "index.handler",
    .code = LC_CODE_FROM_INLINE("exports.handler = async () => 1;"),
    .architecture = LC_ARCH_ARM_64,
    .insights_version = LC_INSIGHTS_VERSION_1_0_333_0,
    .adot_instrumentation = LC_ADOT(.layer_version = LC_ADOT_JAVASCRIPT_SDK_V1_18_1,
                                    .exec_wrapper = LC_ADOT_REGULAR_HANDLER),
    .params_and_secrets = LC_PARAMS_AND_SECRETS_FROM_VERSION(LC_PARAMS_AND_SECRETS_V1_0_103));

LC_FUNCTION(Prof,
    .runtime = LC_RUNTIME_PYTHON_3_12, .handler = "index.handler",
    .code = LC_CODE_FROM_INLINE("def handler(e, c): return 1"),
    .profiling = true);

LC_STACK_NAMED_ENV(Stack, "xi-pinned-layers", "123456789012", "eu-west-1", &Fn, &Prof);
LC_MAIN();
