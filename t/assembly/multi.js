'use strict';
// t/assembly/multi.js - twin of t/assembly/multi.c: two stacks (one environment-agnostic,
// one pinned), the same directory asset used twice in a stack and in both stacks, a .zip
// file asset, a layer asset, and an image asset with build args, target, file and an
// explicit x86_64 platform.  Writes its cloud assembly to $CDK_OUTDIR; the goldens in
// t/assembly/expected/multi/ are its manifest.json, *.assets.json and *.template.json:
//   cd t/conformance && CDK_OUTDIR=/tmp/multi NODE_PATH=.../node_modules node ../assembly/multi.js
const path = require('path');
const cdk = require('aws-cdk-lib');
const lambda = require('aws-cdk-lib/aws-lambda');
const F = (...p) => path.join(__dirname, '..', 'conformance', 'fixtures', ...p);
const app = new cdk.App({ outdir: process.env.CDK_OUTDIR });
const beta = new cdk.Stack(app, 'Beta');
new lambda.Function(beta, 'Fn', { runtime: lambda.Runtime.NODEJS_18_X, handler: 'index.handler', code: lambda.Code.fromAsset(F('lambda-handler')) });
new lambda.Function(beta, 'Fn2', { runtime: lambda.Runtime.NODEJS_18_X, handler: 'index.handler', code: lambda.Code.fromAsset(F('lambda-handler')) });
new lambda.Function(beta, 'Zip', { runtime: lambda.Runtime.JAVA_11, handler: 'a::b', code: lambda.Code.fromAsset(F('java-handler', 'handler.zip')) });
new lambda.LayerVersion(beta, 'Layer', { code: lambda.Code.fromAsset(F('layer-code')) });
const alpha = new cdk.Stack(app, 'Alpha', { env: { account: '123456789012', region: 'eu-west-1' } });
new lambda.Function(alpha, 'Fn', { runtime: lambda.Runtime.NODEJS_18_X, handler: 'index.handler', code: lambda.Code.fromAsset(F('lambda-handler')) });
new lambda.DockerImageFunction(alpha, 'Img', {
  code: lambda.DockerImageCode.fromImageAsset(F('docker-handler'), { buildArgs: { B: '1', A: '2' }, target: 't', file: 'Dockerfile' }),
  architecture: lambda.Architecture.X86_64,
});
app.synth();
