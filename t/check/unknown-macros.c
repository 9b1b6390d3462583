/* unknown-macros.c - DSL macros the checker does not know (newer than it, or a typo):
 * a note each, the declaration's name still resolves, nothing crashes. */
/* check-agree: skip uses macros the DSL does not have */
#include <lambdac.h>

LC_FUNCTION(Fn,
    .runtime = LC_RUNTIME_NODEJS_24_X,
    .handler = "index.handler",
    .code = LC_CODE_FROM_INLINE("exports.handler = async () => 1;"),
    .dead_letter_queue_enabled = LC_TRUE,
    .url_auth = LC_URL_AUTH_TYPE(NONE),
    LC_FUTURE_SPLICE(.x = 1));

LC_FUTURE_CONSTRUCT(Url, .function = &Fn, .auth_type = LC_URL_AUTH_NONE, .cors = LC_CORS(.max_age = LC_DAYS(2)));
LC_FUNCTON(Typo, .runtime = LC_RUNTIME_NODEJS_24_X);

LC_STACK(Probe, &Fn, &Url, &Typo);
LC_MAIN()
