/* bad-references.c - references the compiler rejects too: an undeclared name, a
 * declaration of the wrong kind. */
/* check-agree: skip does not compile (the point of the test) */
#include <lambdac.h>

LC_QUEUE(Q);
LC_TOPIC(T);

LC_FUNCTION(Fn,
    .runtime = LC_RUNTIME_NODEJS_24_X,
    .handler = "index.handler",
    .code = LC_CODE_FROM_INLINE("exports.handler = async () => 1;"),
    .role = &Q,
    .dead_letter_queue = &T,
    .log_group = &NoSuchGroup);

LC_VERSION(V, .lambda = &T);

LC_STACK(Probe, &Q, &T, &Fn, &V, &Missing);
LC_MAIN()
