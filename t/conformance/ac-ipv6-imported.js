'use strict';
// ac-ipv6-imported: ac-ipv6 (oracle apps/ac-ipv6.js) with the VPC imported
// (ec2.Vpc.fromVpcAttributes) instead of a new dual-stack VPC: the function's own
// resources with ipv6AllowedForDualStack.
const lambda = require('aws-cdk-lib/aws-lambda');
const ec2 = require('aws-cdk-lib/aws-ec2');
const { scenario } = require('./_lib');

// The VPC id is well-formed (vpc- + 8 hex digits): under the
// new-project flags the built-in CloudFormation validation rejects 'vpc-1234' (E1151)
// and synth fails.
scenario('ac-ipv6-imported', (stack) => {
  const vpc = ec2.Vpc.fromVpcAttributes(stack, 'DualStackVpc', {
    vpcId: 'vpc-12345678',
    availabilityZones: ['us-east-1a', 'us-east-1b'],
    privateSubnetIds: ['subnet-p1', 'subnet-p2'],
    publicSubnetIds: ['subnet-u1', 'subnet-u2'],
  });

  new lambda.Function(stack, 'Lambda_with_IPv6_VPC', {
    code: new lambda.InlineCode('def main(event, context): pass'),
    handler: 'index.main',
    runtime: lambda.Runtime.PYTHON_3_9,
    vpc,
    ipv6AllowedForDualStack: true,
  });
});
