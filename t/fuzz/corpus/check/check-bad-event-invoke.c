/* bad-event-invoke.c - asynchronous invocation settings out of range; a timeout that is
 * not a whole number of seconds. */
#include <lambdac.h>

LC_FUNCTION(Fn,
    .runtime = LC_RUNTIME_NODEJS_24_X,
    .handler = "index.handler",
    .code = LC_CODE_FROM_INLINE("exports.handler = async () => 1;"),
    .dead_letter_queue_enabled = LC_TRUE,
    .timeout = LC_MILLIS(1500),
    .current_version_options = { .retry_attempts = LC_SOME(3) });

LC_ALIAS(Live, .alias_name = "live", .version = LC_CURRENT_VERSION(Fn),
         .retry_attempts = LC_SOME(-1), .max_event_age = LC_SECONDS(30));

LC_VERSION(V1, .lambda = &Fn, .options = { .max_event_age = LC_DAYS(1) });

LC_ADD_ALIAS(Prod, LC_VERSION_OF(V1), "prod", .retry_attempts = LC_SOME(2));

LC_STACK(Probe, &Fn, &Live, &V1, &Prod);
LC_MAIN()
