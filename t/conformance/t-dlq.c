/* t-dlq: deadLetterQueueEnabled (the function's own queue), an own sqs.Queue as
 * deadLetterQueue, and an sns.Topic as deadLetterTopic.  Twin: t-dlq.js. */
#include <lambdac.h>

#define CODE_ "exports.handler = function(event, ctx, cb) { return cb(null, \"hi\"); }"

LC_FUNCTION(AutoDlqFunction,
    .runtime = LC_RUNTIME_NODEJS_18_X,
    .handler = "index.handler",
    .code = LC_CODE_FROM_INLINE(CODE_),
    .dead_letter_queue_enabled = LC_TRUE);

LC_QUEUE(DLQ);

LC_FUNCTION(OwnQueueFunction,
    .runtime = LC_RUNTIME_NODEJS_18_X,
    .handler = "index.handler",
    .code = LC_CODE_FROM_INLINE(CODE_),
    .dead_letter_queue = &DLQ);

LC_TOPIC(DLT);

LC_FUNCTION(TopicFunction,
    .runtime = LC_RUNTIME_NODEJS_18_X,
    .handler = "index.handler",
    .code = LC_CODE_FROM_INLINE("// your code here"),
    .dead_letter_topic = &DLT);

LC_STACK_NAMED(Stack, "t-dlq", &AutoDlqFunction, &DLQ, &OwnQueueFunction, &DLT, &TopicFunction);
LC_MAIN();
