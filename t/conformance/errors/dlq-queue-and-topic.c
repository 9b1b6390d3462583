/* expect: DeadLetterQueueDeadLetter deadLetterQueue and deadLetterTopic */
/* a dead-letter queue and a dead-letter topic together. */
#include <lambdac.h>

LC_QUEUE(Q);
LC_TOPIC(T);

LC_FUNCTION(Fn,
    .runtime = LC_RUNTIME_NODEJS_18_X,
    .handler = "index.handler",
    .code = LC_CODE_FROM_INLINE("exports.handler = async () => 1;"),
    .dead_letter_queue = &Q,
    .dead_letter_topic = &T);

LC_STACK(Probe, &Q, &T, &Fn);
LC_MAIN();
