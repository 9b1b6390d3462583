/* bad-dlq.c - dead-letter settings CDK rejects. */
#include <lambdac.h>

LC_QUEUE(Q);
LC_TOPIC(T);

LC_FUNCTION(QueueDisabled,
    .runtime = LC_RUNTIME_NODEJS_24_X,
    .handler = "index.handler",
    .code = LC_CODE_FROM_INLINE("exports.handler = async () => 1;"),
    .dead_letter_queue = &Q,
    .dead_letter_queue_enabled = LC_FALSE);

LC_FUNCTION(QueueAndTopic,
    .runtime = LC_RUNTIME_NODEJS_24_X,
    .handler = "index.handler",
    .code = LC_CODE_FROM_INLINE("exports.handler = async () => 1;"),
    .dead_letter_queue = &Q,
    .dead_letter_topic = &T);

LC_FUNCTION(TopicAndEnabled,
    .runtime = LC_RUNTIME_NODEJS_24_X,
    .handler = "index.handler",
    .code = LC_CODE_FROM_INLINE("exports.handler = async () => 1;"),
    .dead_letter_queue_enabled = LC_TRUE,
    .dead_letter_topic = &T);

LC_STACK(Probe, &Q, &T, &QueueDisabled, &QueueAndTopic, &TopicAndEnabled);
LC_MAIN()
