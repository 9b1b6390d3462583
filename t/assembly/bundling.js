'use strict';
// t/assembly/bundling.js - twin of t/assembly/bundling.c: Code.fromAsset with bundling,
// made by a local bundler (CDK's ILocalBundling; lambdac's .local command): a directory
// output and a single-archive output (a file asset), environment with a pip index URL
// whose credentials CDK keeps out of the hash.  Goldens (t/assembly/expected/bundling/):
//   cd t/conformance && CDK_OUTDIR=/tmp/b NODE_PATH=.../node_modules node ../assembly/bundling.js
const path = require('path');
const { execSync } = require('child_process');
const cdk = require('aws-cdk-lib');
const lambda = require('aws-cdk-lib/aws-lambda');
const F = (...p) => path.join(__dirname, '..', 'conformance', 'fixtures', ...p);
const app = new cdk.App({ outdir: process.env.CDK_OUTDIR });
const s = new cdk.Stack(app, 'bund');
new lambda.Function(s, 'Py', { runtime: lambda.Runtime.PYTHON_3_12, handler: 'index.handler',
  code: lambda.Code.fromAsset(F('my-python-handler'), { bundling: {
    image: lambda.Runtime.PYTHON_3_12.bundlingImage,
    command: ['bash', '-c', 'cp -au . /asset-output'],
    local: { tryBundle(out) { execSync(`cp -a ${F('my-python-handler')}/. ${out}`); return true; } } } }) });
new lambda.Function(s, 'Zipped', { runtime: lambda.Runtime.JAVA_21, handler: 'a::b',
  code: lambda.Code.fromAsset(F('my-python-handler'), { exclude: ['*.ignore'], bundling: {
    image: cdk.DockerImage.fromRegistry('public.ecr.aws/sam/build-java21'),
    command: ['bash', '-c', 'zip -r /asset-output/out.zip .'],
    environment: { A: '1', PIP_INDEX_URL: 'https://user:secret@pypi.example.com/simple' },
    local: { tryBundle(out) { execSync(`cp ${F('java-handler', 'handler.zip')} ${out}/out.zip`); return true; } } } }) });
app.synth();
