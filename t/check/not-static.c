/* not-static.c - values the checker cannot know without compiling: it says so where a
 * rule needs them and never guesses.  (PICK chooses Text: the synthesizer reports
 * JsonLoggingFormatRequired, the checker a note.) */
/* check-agree: undecidable JsonLoggingFormatRequired */
#include <lambdac.h>

#define NAME(stage) "orders-" stage
#define SIZE (256 + 256)
#define PICK(a, b) (b)

LC_FUNCTION(Fn,
    .runtime = LC_RUNTIME_NODEJS_24_X,
    .handler = "index.handler",
    .code = LC_CODE_FROM_INLINE("exports.handler = async () => 1;"),
    .dead_letter_queue_enabled = LC_TRUE,
    .function_name = NAME("prod"),
    .memory_size = SIZE * 2,
    .ephemeral_storage_size = LC_MIB(SIZE),
    .environment = LC_ENV(LC_KV("MODE", "fast")),
    .logging_format = PICK(LC_LOGGING_FORMAT_JSON, LC_LOGGING_FORMAT_TEXT),
    .system_log_level_v2 = LC_LOG_LEVEL_INFO);

/* a computed constant is folded: 100 * 1024 + 1 MiB is out of range */
LC_FUNCTION(Computed,
    .runtime = LC_RUNTIME_NODEJS_24_X,
    .handler = "index.handler",
    .code = LC_CODE_FROM_INLINE("exports.handler = async () => 1;"),
    .dead_letter_queue_enabled = LC_TRUE,
    .ephemeral_storage_size = LC_MIB(10 * 1024 + 1));

LC_STACK(Probe, &Fn, &Computed);
LC_MAIN()
