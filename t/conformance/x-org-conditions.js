'use strict';
// x-org-conditions: organization principals and conditions.  An OrganizationPrincipal,
// an ArnPrincipal in an organization, a service principal whose ArnLike condition becomes
// SourceArn, the stack's own account (AccountRootPrincipal -> Ref AWS::AccountId), an
// addPermission for anyone in an organization with another action, and a role trusted by
// a principal with conditions and by a composite principal.
const lambda = require('aws-cdk-lib/aws-lambda');
const iam = require('aws-cdk-lib/aws-iam');
const { scenario } = require('./_lib');

scenario('x-org-conditions', (stack) => {
  const fn = new lambda.Function(stack, 'Worker', {
    runtime: lambda.Runtime.PYTHON_3_12,
    handler: 'index.handler',
    code: lambda.Code.fromInline('def handler(event, context):\n    return event'),
  });
  fn.grantInvoke(new iam.OrganizationPrincipal('o-abcdefghij'));
  fn.grantInvoke(new iam.ArnPrincipal('arn:aws:iam::111122223333:role/Caller').inOrganization('o-abcdefghij'));
  fn.grantInvoke(new iam.ServicePrincipal('sns.amazonaws.com').withConditions({
    ArnLike: { 'aws:SourceArn': 'arn:aws:sns:us-east-1:111122223333:alerts' },
  }));
  fn.grantInvoke(new iam.AccountRootPrincipal());
  fn.addPermission('OrgMayRead', {
    principal: new iam.AnyPrincipal(),
    action: 'lambda:GetFunction',
    organizationId: 'o-abcdefghij',
  });
  new iam.Role(stack, 'OrgRole', {
    assumedBy: new iam.AccountPrincipal('111122223333').inOrganization('o-abcdefghij').withConditions({
      StringEquals: { 'sts:ExternalId': 'secret' },
    }),
  });
  new iam.Role(stack, 'MultiRole', {
    assumedBy: new iam.CompositePrincipal(
      new iam.ServicePrincipal('lambda'),
      new iam.OrganizationPrincipal('o-abcdefghij'),
      new iam.AnyPrincipal(),
    ),
  });
});
