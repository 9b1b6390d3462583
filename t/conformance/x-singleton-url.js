'use strict';
// x-singleton-url: a SingletonFunction declared three times (two share a uuid), a public
// URL added through one declaration (the URL lives under that declaration, its
// permissions on the shared function), grantInvokeUrl to a service principal
// (InvokeFunctionUrl<principal> and its -DualAuth twin), grantInvoke and
// grantInvokeLatestVersion to a role.
const lambda = require('aws-cdk-lib/aws-lambda');
const iam = require('aws-cdk-lib/aws-iam');
const { scenario } = require('./_lib');

const UUID = 'f7d4f730-4ee1-11e8-9c2d-fa7ae01bbebc';
const props = (code) => ({
  uuid: UUID,
  runtime: lambda.Runtime.NODEJS_22_X,
  handler: 'index.handler',
  code: lambda.Code.fromInline(code),
  timeout: require('aws-cdk-lib').Duration.seconds(30),
});

scenario('x-singleton-url', (stack) => {
  const a = new lambda.SingletonFunction(stack, 'ProviderA', props('exports.handler = async () => "a";'));
  const b = new lambda.SingletonFunction(stack, 'ProviderB', props('exports.handler = async () => "b";'));
  a.addFunctionUrl({ authType: lambda.FunctionUrlAuthType.NONE });
  b.grantInvokeUrl(new iam.ServicePrincipal('apigateway.amazonaws.com'));
  const role = new iam.Role(stack, 'Runner', { assumedBy: new iam.ServicePrincipal('codebuild.amazonaws.com') });
  a.grantInvoke(role);
  b.grantInvokeLatestVersion(role);
  new lambda.SingletonFunction(stack, 'Other', {
    ...props('exports.handler = async () => "other";'),
    lambdaPurpose: 'Cleanup',
  }).grantInvoke(new iam.AccountPrincipal('444455556666'));
});
