'use strict';
// Asset-cost app (copy of the oracle's apps/scale-asset.js, self-contained): one function
// whose Code.fromAsset points at $SCALE_ASSET_DIR.  A synth fingerprints the directory and
// copies it to <outdir>/asset.<hash>/ (skipped when that exists).  Twin: bench/asset-stack.c.
const cdk = require('aws-cdk-lib');
const lambda = require('aws-cdk-lib/aws-lambda');

const dir = process.env.SCALE_ASSET_DIR;
if (!dir) throw new Error('set SCALE_ASSET_DIR');

const app = new cdk.App();
const stack = new cdk.Stack(app, 'ScaleAsset');
new lambda.Function(stack, 'BigAssetFunction', {
  runtime: lambda.Runtime.NODEJS_18_X,
  handler: 'index.handler',
  code: lambda.Code.fromAsset(dir),
});
app.synth();
