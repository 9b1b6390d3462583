'use strict';
// x-url-alias-cors: a public URL on an alias with full CORS (wildcard origin, every
// method, exposed headers, a day of max age), the alias's URL granted to a role
// (url.grantInvokeUrl: statements on the alias ARN), the alias granted to a service
// (a permission under the alias), and an IAM URL on the function itself.
const cdk = require('aws-cdk-lib');
const lambda = require('aws-cdk-lib/aws-lambda');
const iam = require('aws-cdk-lib/aws-iam');
const { scenario } = require('./_lib');

scenario('x-url-alias-cors', (stack) => {
  const fn = new lambda.Function(stack, 'Api', {
    runtime: lambda.Runtime.NODEJS_20_X,
    handler: 'index.handler',
    code: lambda.Code.fromInline('exports.handler = async () => ({ statusCode: 200 });'),
  });
  const prod = fn.addAlias('prod');
  const url = prod.addFunctionUrl({
    authType: lambda.FunctionUrlAuthType.NONE,
    cors: {
      allowedOrigins: ['*'],
      allowedMethods: [lambda.HttpMethod.ALL],
      exposedHeaders: ['X-Request-Id', 'X-Trace'],
      maxAge: cdk.Duration.days(1),
    },
    invokeMode: lambda.InvokeMode.BUFFERED,
  });
  const caller = new iam.Role(stack, 'Caller', { assumedBy: new iam.ServicePrincipal('ecs-tasks.amazonaws.com') });
  url.grantInvokeUrl(caller);
  prod.grantInvoke(new iam.ServicePrincipal('events.amazonaws.com'));
  const direct = fn.addFunctionUrl();
  new cdk.CfnOutput(stack, 'ProdUrl', { value: url.url });
  new cdk.CfnOutput(stack, 'DirectUrl', { value: direct.url });
});
