/* h-logging: loggingFormat JSON with systemLogLevelV2, applicationLogLevelV2 and an own
 * logs.LogGroup (retention ONE_WEEK); a second function with loggingFormat TEXT.
 * Twin: h-logging.js. */
#include <lambdac.h>

LC_LOG_GROUP(LogGroup, .retention_days = 7);

LC_FUNCTION(Lambda,
    .code = LC_CODE_FROM_INLINE("foo"),
    .handler = "index.handler",
    .runtime = LC_RUNTIME_NODEJS_18_X,
    .logging_format = LC_LOGGING_FORMAT_JSON,
    .system_log_level_v2 = LC_LOG_LEVEL_INFO,
    .application_log_level_v2 = LC_LOG_LEVEL_DEBUG,
    .log_group = &LogGroup);

LC_FUNCTION(TextLambda,
    .code = LC_CODE_FROM_INLINE("foo"),
    .handler = "index.handler",
    .runtime = LC_RUNTIME_NODEJS_18_X,
    .logging_format = LC_LOGGING_FORMAT_TEXT);

LC_STACK_NAMED(Stack, "h-logging", &LogGroup, &Lambda, &TextLambda);
LC_MAIN();
