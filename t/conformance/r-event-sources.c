/* r-event-sources: an SqsEventSource (batch size 5), an S3EventSource (created and
 * removed objects under subdir/ ending in .png) and a DynamoEventSource with a filter.
 * Twin: r-event-sources.js.  The S3 notifications handler is lambdac's own code:
 * except/r-event-sources.jq names the one property that differs from CDK's. */
#include <lambdac.h>

LC_FUNCTION(MyFunction,
    .runtime = LC_RUNTIME_NODEJS_18_X,
    .handler = "index.handler",
    .code = LC_CODE_FROM_ASSET("fixtures/lambda-handler"));

LC_QUEUE(Queue);
LC_SQS_EVENT_SOURCE(QueueSource, .function = &MyFunction, .queue = &Queue, .batch_size = 5);

LC_S3_BUCKET(Bucket);
LC_S3_EVENT_SOURCE(BucketSource, .function = &MyFunction, .bucket = &Bucket,
    .events = LC_STRS(LC_S3_OBJECT_CREATED, LC_S3_OBJECT_REMOVED),
    LC_S3_KEY_FILTERS({ .prefix = "subdir/", .suffix = ".png" }));

LC_TABLE(Table,
    .partition_key = LC_ATTRIBUTE("id", LC_ATTRIBUTE_STRING),
    .stream = LC_STREAM_NEW_IMAGE);
LC_DYNAMO_EVENT_SOURCE(TableSource, .function = &MyFunction, .table = &Table,
    .starting_position = LC_STARTING_POSITION_LATEST,
    LC_FILTERS(LC_FILTER(LC_M("eventName", LC_FILTER_IS_EQUAL("INSERT")))));

LC_STACK_NAMED(Stack, "r-event-sources", &MyFunction, &Queue, &QueueSource, &Bucket,
               &BucketSource, &Table, &TableSource);
LC_MAIN();
