/* dlq.c - README "Lambda with DLQ": a created queue, your own queue, or a topic. */
#include <lambdac.h>

#define CODE "exports.handler = function(event, ctx, cb) { return cb(null, \"hi\"); }"

LC_FUNCTION(AutoDlqFunction,
    .runtime = LC_RUNTIME_NODEJS_18_X,
    .handler = "index.handler",
    .code = LC_CODE_FROM_INLINE(CODE),
    .dead_letter_queue_enabled = LC_TRUE);

LC_QUEUE(DLQ, .retention_period = LC_DAYS(4));
LC_FUNCTION(OwnQueueFunction,
    .runtime = LC_RUNTIME_NODEJS_18_X,
    .handler = "index.handler",
    .code = LC_CODE_FROM_INLINE(CODE),
    .dead_letter_queue = &DLQ);

LC_TOPIC(DLT, .display_name = "dead letters");
LC_FUNCTION(TopicFunction,
    .runtime = LC_RUNTIME_NODEJS_18_X,
    .handler = "index.handler",
    .code = LC_CODE_FROM_INLINE("// your code here"),
    .dead_letter_topic = &DLT);

LC_STACK(DlqStack, &AutoDlqFunction, &DLQ, &OwnQueueFunction, &DLT, &TopicFunction);

LC_MAIN()
