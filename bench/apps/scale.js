'use strict';
// Scale app (copy of the oracle's apps/scale.js, self-contained): one stack "Scale" with
// SCALE_N (default 10) inline-code functions, each with a distinct environment variable
// and currentVersion (3 resources per function: Role, Function, Version).  The
// 500-resources-per-stack check is lifted (context @aws-cdk/core:stackResourceLimit=0) so
// that N > 166 still synthesizes.  SCALE_GRANTS=1: each function also gets
// fn.grantInvoke(new iam.ServicePrincipal('events.amazonaws.com')) (a 4th resource).  Twin: bench/gen-stack.sh 1 N.
const cdk = require('aws-cdk-lib');
const iam = require('aws-cdk-lib/aws-iam');
const lambda = require('aws-cdk-lib/aws-lambda');

const GRANTS = process.env.SCALE_GRANTS === '1';
const N = parseInt(process.env.SCALE_N || '10', 10);

const app = new cdk.App({ context: { '@aws-cdk/core:stackResourceLimit': 0 } });
const stack = new cdk.Stack(app, 'Scale');
for (let i = 0; i < N; i++) {
  const fn = new lambda.Function(stack, `Fn${i}`, {
    runtime: lambda.Runtime.NODEJS_18_X,
    handler: 'index.handler',
    code: lambda.Code.fromInline(`exports.handler = async () => ${i};`),
    environment: { FN_INDEX: String(i) },
  });
  fn.currentVersion;
  if (GRANTS) fn.grantInvoke(new iam.ServicePrincipal('events.amazonaws.com'));
}
app.synth();
