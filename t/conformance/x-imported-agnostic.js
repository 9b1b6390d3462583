'use strict';
// x-imported-agnostic: imports in an environment-agnostic stack.  fromFunctionName builds
// its ARN from pseudo parameters; an ARN that is an Fn::ImportValue token with
// sameEnvironment gets a permission and a role statement; a literal ARN with
// skipPermissions takes the role's statement only; addPermission on a plain
// fromFunctionArn is skipped (warning), as CDK cannot tell its environment.
const cdk = require('aws-cdk-lib');
const lambda = require('aws-cdk-lib/aws-lambda');
const iam = require('aws-cdk-lib/aws-iam');
const { scenario } = require('./_lib');

scenario('x-imported-agnostic', (stack) => {
  const role = new iam.Role(stack, 'Invoker', { assumedBy: new iam.ServicePrincipal('states.amazonaws.com') });
  const svc = new iam.ServicePrincipal('events.amazonaws.com');

  const byName = lambda.Function.fromFunctionName(stack, 'ByName', 'shared-fn');
  byName.grantInvoke(role);
  byName.grantInvoke(svc);
  byName.grantInvokeUrl(svc);

  const token = lambda.Function.fromFunctionAttributes(stack, 'Exported', {
    functionArn: cdk.Fn.importValue('SharedFunctionArn'),
    sameEnvironment: true,
  });
  token.grantInvoke(role);
  token.grantInvoke(svc);

  const skip = lambda.Function.fromFunctionAttributes(stack, 'Elsewhere', {
    functionArn: 'arn:aws:lambda:eu-central-1:555566667777:function:Elsewhere',
    skipPermissions: true,
  });
  skip.grantInvoke(role);
  skip.grantInvoke(svc);

  lambda.Function.fromFunctionArn(stack, 'Unclear', 'arn:aws:lambda:us-east-1:123456789012:function:Unclear')
    .addPermission('Skipped', { principal: svc });
});
