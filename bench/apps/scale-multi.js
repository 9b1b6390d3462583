'use strict';
// Scale app (copy of the oracle's apps/scale-multi.js, self-contained): SCALE_S (default
// 10) stacks "Scale0".."Scale<S-1>" x SCALE_PER_STACK (default 100) inline-code functions
// with a distinct env var and currentVersion (and with SCALE_GRANTS=1 a grantInvoke to
// events.amazonaws.com).  Twin: bench/gen-stack.sh S PER.
const cdk = require('aws-cdk-lib');
const iam = require('aws-cdk-lib/aws-iam');
const lambda = require('aws-cdk-lib/aws-lambda');

const GRANTS = process.env.SCALE_GRANTS === '1';
const S = parseInt(process.env.SCALE_S || '10', 10);
const PER = parseInt(process.env.SCALE_PER_STACK || '100', 10);

const app = new cdk.App({ context: { '@aws-cdk/core:stackResourceLimit': 0 } });
for (let s = 0; s < S; s++) {
  const stack = new cdk.Stack(app, `Scale${s}`);
  for (let i = 0; i < PER; i++) {
    const fn = new lambda.Function(stack, `Fn${i}`, {
      runtime: lambda.Runtime.NODEJS_18_X,
      handler: 'index.handler',
      code: lambda.Code.fromInline(`exports.handler = async () => ${s * PER + i};`),
      environment: { FN_INDEX: String(s * PER + i) },
    });
    fn.currentVersion;
    if (GRANTS) fn.grantInvoke(new iam.ServicePrincipal('events.amazonaws.com'));
  }
}
app.synth();
