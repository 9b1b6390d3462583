/* expect: DeadLetterQueueDeadLetter deadLetterTopic with deadLetterQueueEnabled true */
/* a dead-letter topic with deadLetterQueueEnabled set. */
#include <lambdac.h>

LC_TOPIC(T);

LC_FUNCTION(Fn,
    .runtime = LC_RUNTIME_NODEJS_18_X,
    .handler = "index.handler",
    .code = LC_CODE_FROM_INLINE("exports.handler = async () => 1;"),
    .dead_letter_topic = &T,
    .dead_letter_queue_enabled = LC_TRUE);

LC_STACK(Probe, &T, &Fn);
LC_MAIN();
