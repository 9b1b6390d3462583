/* expect: DeadLetterQueueEnabledFalse deadLetterQueue with deadLetterQueueEnabled false */
/* a dead-letter queue with deadLetterQueueEnabled: false.  aws-cdk-lib throws a plain Error
 * (errors.json name "Error"); lambdac's code for it is DeadLetterQueueEnabledFalse. */
#include <lambdac.h>

LC_QUEUE(Q);

LC_FUNCTION(Fn,
    .runtime = LC_RUNTIME_NODEJS_18_X,
    .handler = "index.handler",
    .code = LC_CODE_FROM_INLINE("exports.handler = async () => 1;"),
    .dead_letter_queue = &Q,
    .dead_letter_queue_enabled = LC_FALSE);

LC_STACK(Probe, &Q, &Fn);
LC_MAIN();
