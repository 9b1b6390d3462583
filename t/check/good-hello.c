/* good-hello.c - the README's first example, with a dead-letter queue: no diagnostics. */
#include <lambdac.h>

LC_FUNCTION(MyFunction,
    .runtime = LC_RUNTIME_NODEJS_24_X,
    .handler = "index.handler",
    .code = LC_CODE_FROM_INLINE("exports.handler = async () => 'hi';"),
    .dead_letter_queue_enabled = LC_TRUE);

LC_STACK(HelloStack, &MyFunction);

LC_MAIN()
