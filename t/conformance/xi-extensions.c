/* xi-extensions: extension layers and profiling beyond o/p/v/w (see xi-extensions.js):
 * ADOT for Python, the Java SDK (tracing disabled), Java auto-instrumentation and the
 * generic layer; a declared ProfilingGroup with a user variable of the same name; the
 * Parameters and Secrets extension with every option and Insights on one function. */
#include <lambdac.h>

#define JAVA_CODE LC_CODE_FROM_ASSET("fixtures/java-handler/handler.zip")

LC_FUNCTION(Py,
    .runtime = LC_RUNTIME_PYTHON_3_12, .handler = "index.handler",
    .code = LC_CODE_FROM_INLINE("def handler(e, c): return 1"),
    .adot_instrumentation = LC_ADOT(.layer_version = LC_ADOT_PYTHON_SDK_V1_25_0,
                                    .exec_wrapper = LC_ADOT_INSTRUMENT_HANDLER));

LC_FUNCTION(JavaSdk,
    .runtime = LC_RUNTIME_JAVA_21, .handler = "x.Handler", .code = JAVA_CODE,
    .architecture = LC_ARCH_ARM_64,
    .adot_instrumentation = LC_ADOT(.layer_version = LC_ADOT_JAVA_SDK_LATEST,
                                    .exec_wrapper = LC_ADOT_STREAM_HANDLER),
    .tracing = LC_TRACING_DISABLED);

LC_FUNCTION(JavaAuto,
    .runtime = LC_RUNTIME_JAVA_17, .handler = "x.Handler", .code = JAVA_CODE,
    .adot_instrumentation = LC_ADOT(.layer_version = LC_ADOT_JAVA_AUTO_INSTRUMENTATION_V1_19_2,
                                    .exec_wrapper = LC_ADOT_PROXY_HANDLER));

LC_FUNCTION(Generic,
    .runtime = LC_RUNTIME_PROVIDED_AL2023, .handler = "bootstrap", .code = JAVA_CODE,
    .adot_instrumentation = LC_ADOT(.layer_version = LC_ADOT_GENERIC_LATEST,
                                    .exec_wrapper = LC_ADOT_SQS_HANDLER),
    .tracing = LC_TRACING_PASS_THROUGH);

LC_PROFILING_GROUP(Group);

LC_FUNCTION(Profiled,
    .runtime = LC_RUNTIME_JAVA_21, .handler = "x.Handler", .code = JAVA_CODE,
    .profiling_group = &Group,
    .environment = LC_ENV(LC_KV("AWS_CODEGURU_PROFILER_ENABLED", "FALSE"), LC_KV("OTHER", "x")));

LC_PARAMS_AND_SECRETS(AllOptions, .version = LC_PARAMS_AND_SECRETS_V1_0_103,
    .cache_enabled = LC_FALSE, .cache_size = LC_SOME(0), .http_port = LC_SOME(8080),
    .log_level = LC_PARAMS_AND_SECRETS_LOG_WARN, .max_connections = LC_SOME(10),
    .secrets_manager_timeout = LC_SECONDS(2), .secrets_manager_ttl = LC_MINUTES(1),
    .parameter_store_timeout = LC_MILLIS(500), .parameter_store_ttl = LC_SECONDS(45));

LC_FUNCTION(Params,
    .runtime = LC_RUNTIME_NODEJS_20_X, .handler = "index.handler",
    .code = LC_CODE_FROM_INLINE("exports.handler = async () => 1;"),
    .params_and_secrets = &AllOptions,
    .insights_version = LC_INSIGHTS_VERSION_1_0_229_0);

LC_STACK_NAMED(Stack, "xi-extensions", &Py, &JavaSdk, &JavaAuto, &Generic, &Group, &Profiled,
               &Params);
LC_MAIN();
