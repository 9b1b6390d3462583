/* bad-reserved-env.c - environment variables the Lambda runtime reserves. */
#include <lambdac.h>

LC_FUNCTION(Fn,
    .runtime = LC_RUNTIME_NODEJS_24_X,
    .handler = "index.handler",
    .code = LC_CODE_FROM_INLINE("exports.handler = async () => 1;"),
    .dead_letter_queue_enabled = LC_TRUE,
    .environment = LC_ENV(LC_KV("STAGE", "prod"),
                          LC_KV("AWS_REGION", "us-east-1"),
                          LC_KV("LAMBDA_TASK_ROOT", "/var/task")));

/* the same through a hand-written initializer */
LC_FUNCTION(Raw,
    .runtime = LC_RUNTIME_NODEJS_24_X,
    .handler = "index.handler",
    .code = LC_CODE_FROM_INLINE("exports.handler = async () => 1;"),
    .dead_letter_queue_enabled = LC_TRUE,
    .environment = { .items = (const lc_kv_t[]){ { "_HANDLER", "x" }, { "OK", "y" } }, .n = 2 });

LC_STACK(Probe, &Fn, &Raw);
LC_MAIN()
