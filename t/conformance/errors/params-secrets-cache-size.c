/* expect: CacheSizeInclusiveProvided params-and-secrets cacheSize 2000 */
/* The Parameters and Secrets extension caches 0 to 1000 entries. */
#include <lambdac.h>

LC_PARAMS_AND_SECRETS(Extension, .version = LC_PARAMS_AND_SECRETS_V1_0_103,
                      .cache_size = LC_SOME(2000));

LC_FUNCTION(Fn,
    .runtime = LC_RUNTIME_NODEJS_18_X,
    .handler = "index.handler",
    .code = LC_CODE_FROM_INLINE("exports.handler = async () => 1;"),
    .params_and_secrets = &Extension);

LC_STACK(Probe, &Fn);
LC_MAIN();
