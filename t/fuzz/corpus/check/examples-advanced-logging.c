/* advanced-logging.c - README "Advanced Logging": JSON logs, log levels, a log group. */
#include <lambdac.h>

LC_LOG_GROUP(LogGroup, .retention_days = 7);

LC_FUNCTION(Lambda,
    .code = LC_CODE_FROM_INLINE("foo"),
    .handler = "index.handler",
    .runtime = LC_RUNTIME_NODEJS_18_X,
    .logging_format = LC_LOGGING_FORMAT_JSON,
    .system_log_level_v2 = LC_LOG_LEVEL_INFO,
    .application_log_level_v2 = LC_LOG_LEVEL_INFO,
    .log_group = &LogGroup);

LC_STACK(AdvancedLoggingStack, &LogGroup, &Lambda);

LC_MAIN()
