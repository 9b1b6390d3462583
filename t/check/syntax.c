/* syntax.c - broken sources: the checker reports what it cannot read and goes on. */
/* check-agree: skip does not compile */
#include <lambdac.h>

LC_FUNCTION(Fn,
    .runtime = LC_RUNTIME_NODEJS_24_X,
    .handler = "index.handler
    .code = LC_CODE_FROM_INLINE("exports.handler = async () => 1;"),
    .dead_letter_queue_enabled = LC_TRUE);

LC_FUNCTION(Fn2,
    .runtime = LC_RUNTIME_NODEJS_24_X,
    .handler = "index.handler",
    .code = LC_CODE_FROM_INLINE("exports.handler = async () => 1;"),
    .dead_letter_queue_enabled = LC_TRUE,
    .description = );

LC_STACK(Probe, &Fn, &Fn2
LC_MAIN()
/* an unterminated comment
