'use strict';
// xi-log-retention: legacy logRetention beyond aa-loggroup.  Retry options and a given
// role for the (shared) provider, never-expiring retention, three functions on one
// provider.
const lambda = require('aws-cdk-lib/aws-lambda');
const logs = require('aws-cdk-lib/aws-logs');
const iam = require('aws-cdk-lib/aws-iam');
const { scenario } = require('./_lib');

scenario('xi-log-retention', (stack) => {
  const role = new iam.Role(stack, 'RetentionRole', { assumedBy: new iam.ServicePrincipal('lambda.amazonaws.com') });
  new lambda.Function(stack, 'A', {
    code: lambda.Code.fromInline('foo'), handler: 'index.handler', runtime: lambda.Runtime.NODEJS_18_X,
    logRetention: logs.RetentionDays.ONE_WEEK,
    logRetentionRole: role,
    logRetentionRetryOptions: { maxRetries: 7 },
  });
  new lambda.Function(stack, 'B', {
    code: lambda.Code.fromInline('foo'), handler: 'index.handler', runtime: lambda.Runtime.NODEJS_18_X,
    logRetention: logs.RetentionDays.INFINITE,
  });
  new lambda.Function(stack, 'C', {
    code: lambda.Code.fromInline('foo'), handler: 'index.handler', runtime: lambda.Runtime.PYTHON_3_12,
    logRetention: logs.RetentionDays.ONE_YEAR,
  });
});
