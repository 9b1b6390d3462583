'use strict';
// xi-event-sources: event sources beyond r-event-sources.  An imported queue with every
// SQS option and all FilterRule kinds, an imported DynamoDB table with the stream options
// and an SQS on-failure destination, an imported Kinesis stream at a timestamp with an
// SNS on-failure destination, SNS subscriptions (one with a filter policy and a
// dead-letter queue), and notifications of an imported bucket (not managed by the stack).
const cdk = require('aws-cdk-lib');
const lambda = require('aws-cdk-lib/aws-lambda');
const es = require('aws-cdk-lib/aws-lambda-event-sources');
const sqs = require('aws-cdk-lib/aws-sqs');
const sns = require('aws-cdk-lib/aws-sns');
const s3 = require('aws-cdk-lib/aws-s3');
const ddb = require('aws-cdk-lib/aws-dynamodb');
const kinesis = require('aws-cdk-lib/aws-kinesis');
const { scenario } = require('./_lib');

scenario('xi-event-sources', (stack) => {
  const fn = new lambda.Function(stack, 'Fn', {
    runtime: lambda.Runtime.NODEJS_18_X,
    handler: 'index.handler',
    code: lambda.Code.fromInline('exports.handler = async () => 1;'),
  });
  const q = sqs.Queue.fromQueueArn(stack, 'ImpQ', 'arn:aws:sqs:us-east-1:123456789012:q1');
  fn.addEventSource(new es.SqsEventSource(q, {
    batchSize: 100, maxBatchingWindow: cdk.Duration.seconds(10), maxConcurrency: 5,
    reportBatchItemFailures: true, enabled: false,
    filters: [lambda.FilterCriteria.filter({ body: {
      a: lambda.FilterRule.isEqual('x'), n: lambda.FilterRule.between(1, 5),
      e: lambda.FilterRule.exists(), ne: lambda.FilterRule.notExists(),
      p: lambda.FilterRule.beginsWith('pre'), o: lambda.FilterRule.or('a', 'b'),
      nul: lambda.FilterRule.null(), emp: lambda.FilterRule.empty(),
      neq: lambda.FilterRule.notEquals('z'), num: lambda.FilterRule.isEqual(9),
      t: lambda.FilterRule.isEqual(true) } })],
  }));
  const dlq = new sqs.Queue(stack, 'Dlq');
  const t = ddb.Table.fromTableAttributes(stack, 'ImpT', {
    tableArn: 'arn:aws:dynamodb:us-east-1:123456789012:table/t1',
    tableStreamArn: 'arn:aws:dynamodb:us-east-1:123456789012:table/t1/stream/2020',
  });
  fn.addEventSource(new es.DynamoEventSource(t, {
    startingPosition: lambda.StartingPosition.TRIM_HORIZON, batchSize: 50,
    bisectBatchOnError: true, maxRecordAge: cdk.Duration.hours(1), retryAttempts: 3,
    parallelizationFactor: 2, tumblingWindow: cdk.Duration.seconds(30),
    onFailure: new es.SqsDlq(dlq), reportBatchItemFailures: true,
    maxBatchingWindow: cdk.Duration.minutes(1),
  }));
  const topic = new sns.Topic(stack, 'T');
  const st = kinesis.Stream.fromStreamArn(stack, 'ImpS', 'arn:aws:kinesis:us-east-1:123456789012:stream/s1');
  fn.addEventSource(new es.KinesisEventSource(st, {
    startingPosition: lambda.StartingPosition.AT_TIMESTAMP, startingPositionTimestamp: 1600000000,
    onFailure: new es.SnsDlq(topic), retryAttempts: -1,
  }));
  fn.addEventSource(new es.SnsEventSource(topic));
  const t2 = new sns.Topic(stack, 'T2');
  fn.addEventSource(new es.SnsEventSource(t2, {
    filterPolicy: { color: sns.SubscriptionFilter.stringFilter({ allowlist: ['red'] }) },
    deadLetterQueue: dlq,
  }));
  const b = s3.Bucket.fromBucketName(stack, 'ImpB', 'my-bucket');
  fn.addEventSource(new es.S3EventSource(b, { events: [s3.EventType.OBJECT_CREATED_PUT] }));
});
