/* expect: SystemLogLevelConflict systemLogLevel and systemLogLevelV2 */
/* systemLogLevel (deprecated V1) together with systemLogLevelV2 (errors-extra.json). */
#include <lambdac.h>

LC_FUNCTION(Fn,
    .runtime = LC_RUNTIME_NODEJS_18_X,
    .handler = "index.handler",
    .code = LC_CODE_FROM_INLINE("exports.handler = async () => 1;"),
    .logging_format = LC_LOGGING_FORMAT_JSON,
    .system_log_level = LC_LOG_LEVEL_INFO,
    .system_log_level_v2 = LC_LOG_LEVEL_INFO);

LC_STACK(Probe, &Fn);
LC_MAIN();
