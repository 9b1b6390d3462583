/* expect: LogRetentionLogGroupConflict logRetention and logGroup */
/* the legacy logRetention together with logGroup. */
#include <lambdac.h>

LC_LOG_GROUP(LG);

LC_FUNCTION(Fn,
    .runtime = LC_RUNTIME_NODEJS_18_X,
    .handler = "index.handler",
    .code = LC_CODE_FROM_INLINE("exports.handler = async () => 1;"),
    .log_retention_days = 1,
    .log_group = &LG);

LC_STACK(Probe, &LG, &Fn);
LC_MAIN();
