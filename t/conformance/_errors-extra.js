'use strict';
// Invalid Function configurations that lambda.h can express but the oracle's probe
// (/work/shared/oracle/apps/_errors.js -> errors.json) does not cover.  Same procedure and
// output format as the oracle's probe: each case builds one stack 'Probe' with one
// (mis)configuration, synthesizes it and records the thrown error (name = CDK's error
// code, message) or, when synth succeeds, its annotations.
// Output: errors-extra.json next to this file (`node _errors-extra.js`, run by goldens.sh).
const fs = require('fs');
const os = require('os');
const path = require('path');
const cdk = require('aws-cdk-lib');
const lambda = require('aws-cdk-lib/aws-lambda');
const ec2 = require('aws-cdk-lib/aws-ec2');
const efs = require('aws-cdk-lib/aws-efs');
const { ROOT, fixture } = require('./_lib');

const base = () => ({
  runtime: lambda.Runtime.NODEJS_18_X,
  handler: 'index.handler',
  code: lambda.Code.fromInline('exports.handler = async () => 1;'),
});
const fn = (over) => (stack) => new lambda.Function(stack, 'Fn', { ...base(), ...(typeof over === 'function' ? over(stack) : over) });

// Imported VPC and EFS access point (no resources of their own), as in ab-efs-imported.js.
const vpcOf = (stack) => ec2.Vpc.fromVpcAttributes(stack, 'VPC', {
  vpcId: 'vpc-12345678',
  availabilityZones: ['us-east-1a', 'us-east-1b'],
  privateSubnetIds: ['subnet-p1', 'subnet-p2'],
  publicSubnetIds: ['subnet-u1', 'subnet-u2'],
});
const accessPointOf = (stack) => efs.AccessPoint.fromAccessPointAttributes(stack, 'AccessPoint', {
  accessPointId: 'fsap-1234',
  fileSystem: efs.FileSystem.fromFileSystemAttributes(stack, 'Efs', {
    fileSystemId: 'fs-1234',
    securityGroup: ec2.SecurityGroup.fromSecurityGroupId(stack, 'EfsSg', 'sg-12345678'),
  }),
});
const efsAt = (mountPath) => (stack) => ({
  vpc: vpcOf(stack),
  filesystem: lambda.FileSystem.fromEfsAccessPoint(accessPointOf(stack), mountPath),
});

const CASES = {
  'applicationLogLevel and applicationLogLevelV2': fn({
    loggingFormat: lambda.LoggingFormat.JSON,
    applicationLogLevel: 'INFO',
    applicationLogLevelV2: lambda.ApplicationLogLevel.INFO,
  }),
  'systemLogLevel and systemLogLevelV2': fn({
    loggingFormat: lambda.LoggingFormat.JSON,
    systemLogLevel: 'INFO',
    systemLogLevelV2: lambda.SystemLogLevel.INFO,
  }),
  'EFS mount path outside /mnt': fn(efsAt('/data')),
  'EFS mount path 161 chars': fn(efsAt('/mnt/' + 'a'.repeat(156))),
  'snapStart JAVA_11 with EFS': fn((stack) => ({
    runtime: lambda.Runtime.JAVA_11, code: lambda.Code.fromAsset(fixture('java-handler', 'handler.zip')),
    snapStart: lambda.SnapStartConf.ON_PUBLISHED_VERSIONS, ...efsAt('/mnt/msg')(stack),
  })),
  'allowAllIpv6Outbound without vpc': fn({ allowAllIpv6Outbound: true }),
  'securityGroups without vpc': fn((stack) => ({
    securityGroups: [ec2.SecurityGroup.fromSecurityGroupId(stack, 'SG', 'sg-12345678')],
  })),
  'vpcSubnets without vpc': fn({ vpcSubnets: { subnetType: ec2.SubnetType.PRIVATE_WITH_EGRESS } }),
  'filesystem without vpc': fn((stack) => ({
    filesystem: lambda.FileSystem.fromEfsAccessPoint(accessPointOf(stack), '/mnt/msg'),
  })),
  'securityGroups and allowAllOutbound': fn((stack) => ({
    vpc: vpcOf(stack),
    securityGroups: [ec2.SecurityGroup.fromSecurityGroupId(stack, 'SG', 'sg-12345678')],
    allowAllOutbound: false,
  })),
  'architectures with two entries': fn({ architectures: [lambda.Architecture.X86_64, lambda.Architecture.ARM_64] }),
};

function clean(s) {
  return String(s).split(ROOT + path.sep).join('').split(ROOT).join('.');
}

const results = [];
for (const [name, build] of Object.entries(CASES)) {
  const outdir = fs.mkdtempSync(path.join(os.tmpdir(), 'lc-conformance-err-'));
  const r = { case: name };
  try {
    const app = new cdk.App({ outdir });
    const stack = new cdk.Stack(app, 'Probe');
    build(stack);
    const asm = app.synth();
    const art = asm.getStackByName('Probe');
    r.error = null;
    r.annotations = art.messages.map((m) => ({ level: m.level, path: m.id, message: clean(m.entry.data) }));
  } catch (e) {
    r.error = { name: e.name, message: clean(e.message).split(outdir).join('<outdir>') };
  }
  fs.rmSync(outdir, { recursive: true, force: true });
  results.push(r);
  process.stderr.write(`${r.error ? 'THROWS' : 'synth '}  ${name}\n`);
}

const out = path.join(ROOT, 'errors-extra.json');
fs.writeFileSync(out, JSON.stringify(results, null, 1) + '\n');
process.stderr.write(`wrote ${path.relative(process.cwd(), out) || out}\n`);
