/* bad-ops.c - operational problems CDK accepts: deprecated runtimes, a throttled
 * function, memory and timeout outside Lambda's limits, no dead-letter handling. */
/* check-args: --severity ops/no-dlq=note */
#include <lambdac.h>

LC_FUNCTION(OldNode,
    .runtime = LC_RUNTIME_NODEJS_16_X,
    .handler = "index.handler",
    .code = LC_CODE_FROM_INLINE("exports.handler = async () => 1;"),
    .dead_letter_queue_enabled = LC_TRUE);

LC_FUNCTION(SoonNode,
    .runtime = LC_RUNTIME_NODEJS_22_X,
    .handler = "index.handler",
    .code = LC_CODE_FROM_INLINE("exports.handler = async () => 1;"),
    .dead_letter_queue_enabled = LC_TRUE);

/* deprecated in aws-cdk-lib, no AWS date in spec/runtime-deprecations.json */
LC_FUNCTION(OldDotnet,
    .runtime = LC_RUNTIME_DOTNET_CORE_3_1,
    .handler = "App::App.Handler::Handle",
    .code = LC_CODE_FROM_ASSET("handler"),
    .dead_letter_queue_enabled = LC_TRUE);

LC_FUNCTION(Throttled,
    .runtime = LC_RUNTIME_NODEJS_24_X,
    .handler = "index.handler",
    .code = LC_CODE_FROM_INLINE("exports.handler = async () => 1;"),
    .dead_letter_queue_enabled = LC_TRUE,
    .reserved_concurrent_executions = LC_SOME(0),
    .memory_size = 64,
    .timeout = LC_MINUTES(16));

LC_FUNCTION(NoDlq,
    .runtime = LC_RUNTIME_NODEJS_24_X,
    .handler = "index.handler",
    .code = LC_CODE_FROM_INLINE("exports.handler = async () => 1;"));

/* an on-failure destination on an alias of the function counts */
LC_FUNCTION(WithDestination,
    .runtime = LC_RUNTIME_NODEJS_24_X,
    .handler = "index.handler",
    .code = LC_CODE_FROM_INLINE("exports.handler = async () => 1;"));
LC_QUEUE(Failures);
LC_ALIAS(Live, .alias_name = "live", .version = LC_CURRENT_VERSION(WithDestination),
         .on_failure = LC_VGETATT(Failures, "Arn"));

LC_CFN(L1Old, AWS_Lambda_Function,
    .Code = LC_STRUCT(lc_AWS_Lambda_Function_Code_t, .ZipFile = LC_STRING("x")),
    .Role = LC_STRING("arn:aws:iam::123456789012:role/r"),
    .Runtime = LC_STRING("python3.8"));

LC_STACK(Probe, &OldNode, &SoonNode, &OldDotnet, &Throttled, &NoDlq, &WithDestination, &Failures,
         &Live, &L1Old);
LC_MAIN()
