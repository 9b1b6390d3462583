/* bad-function-name.c - a function name too long, and one with a space. */
#include <lambdac.h>

LC_FUNCTION(TooLong,
    .runtime = LC_RUNTIME_NODEJS_24_X,
    .handler = "index.handler",
    .code = LC_CODE_FROM_INLINE("exports.handler = async () => 1;"),
    .dead_letter_queue_enabled = LC_TRUE,
    .function_name = "ffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffff"
                     "f");

LC_FUNCTION(BadChars,
    .runtime = LC_RUNTIME_NODEJS_24_X,
    .handler = "index.handler",
    .code = LC_CODE_FROM_INLINE("exports.handler = async () => 1;"),
    .dead_letter_queue_enabled = LC_TRUE,
    .function_name = "my function");

LC_STACK(Probe, &TooLong, &BadChars);
LC_MAIN()
