'use strict';
// ab-efs-imported: ab-efs (oracle apps/ab-efs.js) with the VPC, the file system, its security
// group and the access point imported instead of created, so the stack holds only what the
// Function itself adds (role, policy, security group, ingress rule on the EFS group).
const lambda = require('aws-cdk-lib/aws-lambda');
const ec2 = require('aws-cdk-lib/aws-ec2');
const efs = require('aws-cdk-lib/aws-efs');
const { scenario, fixture } = require('./_lib');

// The VPC and security group ids are well-formed (vpc-/sg- + 8 hex digits): under the
// new-project flags the built-in CloudFormation validation rejects 'vpc-1234' (E1151)
// and 'sg-efs' (E1150) and synth fails.
scenario('ab-efs-imported', (stack) => {
  const vpc = ec2.Vpc.fromVpcAttributes(stack, 'VPC', {
    vpcId: 'vpc-12345678',
    availabilityZones: ['us-east-1a', 'us-east-1b'],
    privateSubnetIds: ['subnet-p1', 'subnet-p2'],
    publicSubnetIds: ['subnet-u1', 'subnet-u2'],
  });
  const accessPoint = efs.AccessPoint.fromAccessPointAttributes(stack, 'AccessPoint', {
    accessPointId: 'fsap-1234',
    fileSystem: efs.FileSystem.fromFileSystemAttributes(stack, 'Efs', {
      fileSystemId: 'fs-1234',
      securityGroup: ec2.SecurityGroup.fromSecurityGroupId(stack, 'EfsSg', 'sg-12345678'),
    }),
  });
  new lambda.Function(stack, 'MyLambda', {
    filesystem: lambda.FileSystem.fromEfsAccessPoint(accessPoint, '/mnt/msg'),
    runtime: lambda.Runtime.NODEJS_18_X,
    handler: 'index.handler',
    code: lambda.Code.fromAsset(fixture('lambda-handler')),
    vpc,
  });
});
