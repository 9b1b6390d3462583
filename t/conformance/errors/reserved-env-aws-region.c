/* expect: ReservedEnvironmentVariable reserved env var AWS_REGION */
/* an environment variable the Lambda runtime reserves. */
#include <lambdac.h>

LC_FUNCTION(Fn,
    .runtime = LC_RUNTIME_NODEJS_18_X,
    .handler = "index.handler",
    .code = LC_CODE_FROM_INLINE("exports.handler = async () => 1;"),
    .environment = LC_ENV(LC_KV("AWS_REGION", "x")));

LC_STACK(Probe, &Fn);
LC_MAIN();
