/* bad-logging.c - log formats and levels that CDK rejects. */
#include <lambdac.h>

LC_LOG_GROUP(Logs, .retention_days = 7);

LC_FUNCTION(BothFormats,
    .runtime = LC_RUNTIME_NODEJS_24_X,
    .handler = "index.handler",
    .code = LC_CODE_FROM_INLINE("exports.handler = async () => 1;"),
    .dead_letter_queue_enabled = LC_TRUE,
    .log_format = LC_LOGGING_FORMAT_JSON,
    .logging_format = LC_LOGGING_FORMAT_JSON);

LC_FUNCTION(BothLevels,
    .runtime = LC_RUNTIME_NODEJS_24_X,
    .handler = "index.handler",
    .code = LC_CODE_FROM_INLINE("exports.handler = async () => 1;"),
    .dead_letter_queue_enabled = LC_TRUE,
    .logging_format = LC_LOGGING_FORMAT_JSON,
    .application_log_level = LC_LOG_LEVEL_INFO,
    .application_log_level_v2 = LC_LOG_LEVEL_INFO,
    .system_log_level = LC_LOG_LEVEL_WARN,
    .system_log_level_v2 = LC_LOG_LEVEL_WARN);

LC_FUNCTION(TextFormat,
    .runtime = LC_RUNTIME_NODEJS_24_X,
    .handler = "index.handler",
    .code = LC_CODE_FROM_INLINE("exports.handler = async () => 1;"),
    .dead_letter_queue_enabled = LC_TRUE,
    .logging_format = LC_LOGGING_FORMAT_TEXT,
    .system_log_level_v2 = LC_LOG_LEVEL_INFO);

LC_FUNCTION(NoFormat,
    .runtime = LC_RUNTIME_NODEJS_24_X,
    .handler = "index.handler",
    .code = LC_CODE_FROM_INLINE("exports.handler = async () => 1;"),
    .dead_letter_queue_enabled = LC_TRUE,
    .application_log_level_v2 = LC_LOG_LEVEL_DEBUG);

LC_FUNCTION(OldFormatText,
    .runtime = LC_RUNTIME_NODEJS_24_X,
    .handler = "index.handler",
    .code = LC_CODE_FROM_INLINE("exports.handler = async () => 1;"),
    .dead_letter_queue_enabled = LC_TRUE,
    .log_format = LC_LOGGING_FORMAT_TEXT,
    .application_log_level = LC_LOG_LEVEL_DEBUG);

LC_FUNCTION(RetentionAndGroup,
    .runtime = LC_RUNTIME_NODEJS_24_X,
    .handler = "index.handler",
    .code = LC_CODE_FROM_INLINE("exports.handler = async () => 1;"),
    .dead_letter_queue_enabled = LC_TRUE,
    .log_retention_days = 7,
    .log_group = &Logs);

LC_STACK(Probe, &Logs, &BothFormats, &BothLevels, &TextFormat, &NoFormat, &OldFormatText,
         &RetentionAndGroup);
LC_MAIN()
