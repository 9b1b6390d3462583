/* bad-url.c - function URLs CDK rejects: on a Version, with a CORS max age over a day
 * (LC_URL_MAX_AGE_SECONDS would stop the compiler; LC_DAYS does not). */
/* check-agree: needs lambdac/access.h */
#include <lambdac.h>

LC_FUNCTION(Fn,
    .runtime = LC_RUNTIME_NODEJS_24_X,
    .handler = "index.handler",
    .code = LC_CODE_FROM_INLINE("exports.handler = async () => 1;"),
    .dead_letter_queue_enabled = LC_TRUE);
LC_VERSION(V, .lambda = &Fn);

LC_FUNCTION_URL(OnVersion, .version = &V);
LC_FUNCTION_URL(LongCors, .function = &Fn, .cors = LC_URL_CORS(.max_age = LC_DAYS(2)));
LC_FUNCTION_URL(FineCors, .function = &Fn, .cors = LC_URL_CORS(.max_age = LC_HOURS(24)));

LC_STACK(Probe, &Fn, &V, &OnVersion, &LongCors, &FineCors);
LC_MAIN()
