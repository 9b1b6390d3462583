'use strict';
// The aws-cdk-lib twin of examples/hello.c (the seed's basic stack): one NODEJS_18_X
// function from the asset directory ./lambda-handler.  Outdir: $CDK_OUTDIR (the CLI sets
// it; the benchmark sets it for plain `node hello.js`), no context, so the template equals
// `examples/hello --hash-profile cdk` after bench/normalize.jq.
const cdk = require('aws-cdk-lib');
const lambda = require('aws-cdk-lib/aws-lambda');

const app = new cdk.App();
const stack = new cdk.Stack(app, 'HelloStack');
new lambda.Function(stack, 'MyFunction', {
  runtime: lambda.Runtime.NODEJS_18_X,
  handler: 'index.handler',
  code: lambda.Code.fromAsset('lambda-handler'),
});
app.synth();
