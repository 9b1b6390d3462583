'use strict';
// Edit-to-template loop, CDK side: hello.js with a timeout that the benchmark toggles
// between 10 and 11 seconds before every run (the one-line change); bench/edit.c is the C twin.
const cdk = require('aws-cdk-lib');
const lambda = require('aws-cdk-lib/aws-lambda');

const app = new cdk.App();
const stack = new cdk.Stack(app, 'HelloStack');
new lambda.Function(stack, 'MyFunction', {
  runtime: lambda.Runtime.NODEJS_18_X,
  handler: 'index.handler',
  code: lambda.Code.fromAsset('lambda-handler'),
  timeout: cdk.Duration.seconds(10),
});
app.synth();
