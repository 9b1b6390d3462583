/* xi-event-sources: event sources beyond r-event-sources (see xi-event-sources.js): an
 * imported queue with every SQS option and all filter rules, an imported table with the
 * stream options and an SQS on-failure destination, an imported Kinesis stream at a
 * timestamp with an SNS on-failure destination, SNS subscriptions (filter policy and
 * dead-letter queue), notifications of an imported bucket.  The notifications handler
 * is lambdac's own (except/xi-event-sources.jq). */
#include <lambdac.h>

LC_FUNCTION(Fn,
    .runtime = LC_RUNTIME_NODEJS_18_X,
    .handler = "index.handler",
    .code = LC_CODE_FROM_INLINE("exports.handler = async () => 1;"));

LC_QUEUE_FROM_ARN(ImpQ, "arn:aws:sqs:us-east-1:123456789012:q1");
LC_SQS_EVENT_SOURCE(QueueSource, .function = &Fn, .imported_queue = &ImpQ,
    .batch_size = 100, .max_batching_window = LC_SECONDS(10), .max_concurrency = 5,
    .report_batch_item_failures = true, .enabled = LC_FALSE,
    LC_FILTERS(LC_FILTER(LC_M("body", LC_VOBJ(
        LC_M("a", LC_FILTER_IS_EQUAL("x")),
        LC_M("n", LC_FILTER_BETWEEN(1, 5)),
        LC_M("e", LC_FILTER_EXISTS),
        LC_M("ne", LC_FILTER_NOT_EXISTS),
        LC_M("p", LC_FILTER_BEGINS_WITH("pre")),
        LC_M("o", LC_FILTER_OR("a", "b")),
        LC_M("nul", LC_FILTER_NULL),
        LC_M("emp", LC_FILTER_EMPTY),
        LC_M("neq", LC_FILTER_NOT_EQUALS("z")),
        LC_M("num", LC_FILTER_IS_EQUAL_NUMBER(9)),
        LC_M("t", LC_FILTER_IS_EQUAL_BOOL(true)))))));

LC_QUEUE(Dlq);
LC_TABLE_FROM_ATTRIBUTES(ImpT,
    .table_arn = "arn:aws:dynamodb:us-east-1:123456789012:table/t1",
    .table_stream_arn = "arn:aws:dynamodb:us-east-1:123456789012:table/t1/stream/2020");
LC_DYNAMO_EVENT_SOURCE(TableSource, .function = &Fn, .table = &ImpT,
    .starting_position = LC_STARTING_POSITION_TRIM_HORIZON, .batch_size = 50,
    .bisect_batch_on_error = LC_TRUE, .max_record_age = LC_HOURS(1),
    .retry_attempts = LC_SOME(3), .parallelization_factor = 2,
    .tumbling_window = LC_SECONDS(30), .on_failure = LC_SQS_DLQ(&Dlq),
    .report_batch_item_failures = true, .max_batching_window = LC_MINUTES(1));

LC_TOPIC(T);
LC_STREAM_FROM_ARN(ImpS, "arn:aws:kinesis:us-east-1:123456789012:stream/s1");
LC_KINESIS_EVENT_SOURCE(StreamSource, .function = &Fn, .stream = &ImpS,
    .starting_position = LC_STARTING_POSITION_AT_TIMESTAMP,
    .starting_position_timestamp = 1600000000,
    .on_failure = LC_SNS_DLQ(&T), .retry_attempts = LC_SOME(-1));
LC_SNS_EVENT_SOURCE(TopicSource, .function = &Fn, .topic = &T);

LC_TOPIC(T2);
LC_SNS_EVENT_SOURCE(FilteredSource, .function = &Fn, .topic = &T2,
    .filter_policy = LC_VOBJ(LC_M("color", LC_VARR(LC_VSTR("red")))),
    .dead_letter_queue = &Dlq);

LC_BUCKET_FROM_NAME(ImpB, "my-bucket");
LC_S3_EVENT_SOURCE(BucketSource, .function = &Fn, .imported_bucket = &ImpB,
    .events = LC_STRS(LC_S3_OBJECT_CREATED_PUT));

LC_STACK_NAMED(Stack, "xi-event-sources", &Fn, &ImpQ, &QueueSource, &Dlq, &ImpT, &TableSource,
               &T, &ImpS, &StreamSource, &TopicSource, &T2, &FilteredSource, &ImpB,
               &BucketSource);
LC_MAIN();
