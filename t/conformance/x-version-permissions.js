'use strict';
// x-version-permissions: permissions on qualified functions and function-level options.
// An explicit Version with addPermission and a role grant (statement on the version ARN);
// an alias of the currentVersion with a source-ARN permission; on the function itself an
// addPermission with an event source token, one with FunctionUrlAuthType, a composite
// grant, and grantInvokeLatestVersion to a role.
const lambda = require('aws-cdk-lib/aws-lambda');
const iam = require('aws-cdk-lib/aws-iam');
const { scenario } = require('./_lib');

scenario('x-version-permissions', (stack) => {
  const fn = new lambda.Function(stack, 'Handler', {
    runtime: lambda.Runtime.NODEJS_20_X,
    handler: 'index.handler',
    code: lambda.Code.fromInline('exports.handler = async () => 2;'),
    description: 'versioned',
  });
  const v1 = new lambda.Version(stack, 'V1', { lambda: fn, description: 'first' });
  v1.addPermission('S3Invoke', {
    principal: new iam.ServicePrincipal('s3.amazonaws.com'),
    sourceAccount: '123456789012',
  });
  const role = new iam.Role(stack, 'Consumer', { assumedBy: new iam.ServicePrincipal('ec2.amazonaws.com') });
  v1.grantInvoke(role);
  const live = new lambda.Alias(stack, 'Live', { aliasName: 'live', version: fn.currentVersion });
  live.addPermission('FromQueue', {
    principal: new iam.ServicePrincipal('sqs.amazonaws.com'),
    sourceArn: 'arn:aws:sqs:us-east-1:123456789012:jobs',
  });
  fn.addPermission('Alexa', {
    principal: new iam.ServicePrincipal('alexa-appkit.amazon.com'),
    action: 'lambda:InvokeFunction',
    eventSourceToken: 'amzn1.ask.skill.0000',
  });
  fn.addPermission('PublicUrl', {
    principal: new iam.AnyPrincipal(),
    action: 'lambda:InvokeFunctionUrl',
    functionUrlAuthType: lambda.FunctionUrlAuthType.NONE,
  });
  fn.grantInvokeCompositePrincipal(new iam.CompositePrincipal(
    new iam.AccountPrincipal('111122223333'),
    new iam.ServicePrincipal('scheduler.amazonaws.com'),
  ));
  fn.grantInvokeLatestVersion(role);
});
