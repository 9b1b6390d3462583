/* bad-code.c - missing code, runtime and handler; empty inline code; inline code on Java. */
#include <lambdac.h>

LC_FUNCTION(NoCode,
    .runtime = LC_RUNTIME_NODEJS_24_X,
    .handler = "index.handler",
    .dead_letter_queue_enabled = LC_TRUE);

LC_FUNCTION(NoRuntime,
    .handler = "index.handler",
    .code = LC_CODE_FROM_INLINE("exports.handler = async () => 1;"),
    .dead_letter_queue_enabled = LC_TRUE);

LC_FUNCTION(NoHandler,
    .runtime = LC_RUNTIME_NODEJS_24_X,
    .code = LC_CODE_FROM_INLINE("exports.handler = async () => 1;"),
    .dead_letter_queue_enabled = LC_TRUE);

LC_FUNCTION(EmptyInline,
    .runtime = LC_RUNTIME_NODEJS_24_X,
    .handler = "index.handler",
    .code = LC_CODE_FROM_INLINE(""),
    .dead_letter_queue_enabled = LC_TRUE);

LC_FUNCTION(JavaInline,
    .runtime = LC_RUNTIME_JAVA_21,
    .handler = "Handler::handle",
    .code = LC_CODE_FROM_INLINE("class Handler {}"),
    .dead_letter_queue_enabled = LC_TRUE);

LC_STACK(Probe, &NoCode, &NoRuntime, &NoHandler, &EmptyInline, &JavaInline);
LC_MAIN()
