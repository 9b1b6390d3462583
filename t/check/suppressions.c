/* suppressions.c - lambdac-check: ignore[...] comments on the same line or the line
 * before; a suppression that suppresses nothing; malformed ones. */
#include <lambdac.h>

LC_FUNCTION(Fn,
    .runtime = LC_RUNTIME_NODEJS_24_X,
    .handler = "index.handler",
    .code = LC_CODE_FROM_INLINE("exports.handler = async () => 1;"),
    .dead_letter_queue_enabled = LC_TRUE,
    /* lambdac-check: ignore[cdk/FunctionNameTooLong] the name is shortened by a pipeline step */
    .function_name = "fffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffff",
    .description = "x", // lambdac-check: ignore[cdk/DescriptionTooLong] nothing to suppress here
    .environment = LC_ENV(
        LC_KV("DB_PASSWORD", "local-only"), /* lambdac-check: ignore[sec/] a dev stack */
        LC_KV("STAGE", "dev"),
        LC_KV("API_TOKEN", "local-only"), // lambdac-check: ignore[sec/*] a dev stack
        LC_KV("AWS_REGION", "eu-west-1")));

/* lambdac-check: ignore[no/such-rule] */
/* lambdac-check: ignor[cdk/CodeRequired] */
/* lambdac-check: ignore[cdk/CodeRequired, cdk/HandlerRequired] the code comes later */
LC_FUNCTION(NoCode, .runtime = LC_RUNTIME_NODEJS_24_X, .handler = "index.handler",
            .dead_letter_queue_enabled = LC_TRUE);

LC_STACK(Probe, &Fn, &NoCode);
LC_MAIN()
