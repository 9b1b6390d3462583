/* expect: LogFormatConflict logFormat and loggingFormat together */
/* the deprecated logFormat together with loggingFormat. */
#include <lambdac.h>

LC_FUNCTION(Fn,
    .runtime = LC_RUNTIME_NODEJS_18_X,
    .handler = "index.handler",
    .code = LC_CODE_FROM_INLINE("exports.handler = async () => 1;"),
    .log_format = LC_LOGGING_FORMAT_JSON,
    .logging_format = LC_LOGGING_FORMAT_JSON);

LC_STACK(Probe, &Fn);
LC_MAIN();
