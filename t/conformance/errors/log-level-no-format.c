/* expect: JsonLogFormatRequired systemLogLevelV2 without loggingFormat */
/* a log level with no log format at all. */
#include <lambdac.h>

LC_FUNCTION(Fn,
    .runtime = LC_RUNTIME_NODEJS_18_X,
    .handler = "index.handler",
    .code = LC_CODE_FROM_INLINE("exports.handler = async () => 1;"),
    .system_log_level_v2 = LC_LOG_LEVEL_INFO);

LC_STACK(Probe, &Fn);
LC_MAIN();
