'use strict';
// xi-events: events rules beyond q-events-rule.  A rate schedule, an event pattern
// (detailType), a disabled named rule with a description, target options (retry
// attempts, maximum event age, a dead-letter queue, an input object), two rules and two
// targets on the same function.
const cdk = require('aws-cdk-lib');
const lambda = require('aws-cdk-lib/aws-lambda');
const events = require('aws-cdk-lib/aws-events');
const targets = require('aws-cdk-lib/aws-events-targets');
const sqs = require('aws-cdk-lib/aws-sqs');
const { scenario } = require('./_lib');

scenario('xi-events', (stack) => {
  const fn = new lambda.Function(stack, 'Fn', {
    runtime: lambda.Runtime.NODEJS_18_X,
    handler: 'index.handler',
    code: lambda.Code.fromInline('exports.handler = async () => 1;'),
  });
  const other = new lambda.Function(stack, 'Other', {
    runtime: lambda.Runtime.NODEJS_18_X,
    handler: 'index.handler',
    code: lambda.Code.fromInline('exports.handler = async () => 2;'),
  });
  const every = new events.Rule(stack, 'Every5', { schedule: events.Schedule.rate(cdk.Duration.minutes(5)) });
  every.addTarget(new targets.LambdaFunction(fn));
  every.addTarget(new targets.LambdaFunction(other, {
    retryAttempts: 2, maxEventAge: cdk.Duration.hours(2),
    event: events.RuleTargetInput.fromObject({ hello: 'world', n: 1 }),
  }));
  const dlq = new sqs.Queue(stack, 'RuleDlq');
  const pattern = new events.Rule(stack, 'OnEc2', {
    ruleName: 'on-ec2-state',
    description: 'EC2 state changes',
    enabled: false,
    eventPattern: { source: ['aws.ec2'], detailType: ['EC2 Instance State-change Notification'] },
  });
  pattern.addTarget(new targets.LambdaFunction(fn, { deadLetterQueue: dlq, retryAttempts: 0 }));
  const daily = new events.Rule(stack, 'Daily', { schedule: events.Schedule.rate(cdk.Duration.days(1)) });
  daily.addTarget(new targets.LambdaFunction(fn));
  new events.Rule(stack, 'Hourly', {
    schedule: events.Schedule.expression('rate(1 hour)'),
    targets: [new targets.LambdaFunction(other)],
  });
});
