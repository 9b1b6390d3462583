/* bad-description.c - a description of 257 characters (concatenated literals). */
#include <lambdac.h>

#define D64 "dddddddddddddddddddddddddddddddddddddddddddddddddddddddddddddddd"

LC_FUNCTION(Fn,
    .runtime = LC_RUNTIME_NODEJS_24_X,
    .handler = "index.handler",
    .code = LC_CODE_FROM_INLINE("exports.handler = async () => 1;"),
    .dead_letter_queue_enabled = LC_TRUE,
    .description = D64 D64 D64 D64 "d");

LC_FUNCTION(Fine,
    .runtime = LC_RUNTIME_NODEJS_24_X,
    .handler = "index.handler",
    .code = LC_CODE_FROM_INLINE("exports.handler = async () => 1;"),
    .dead_letter_queue_enabled = LC_TRUE,
    .description = D64 D64 D64 D64);

LC_STACK(Probe, &Fn, &Fine);
LC_MAIN()
