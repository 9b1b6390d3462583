'use strict';
// xi-pinned-layers: extension layers in a stack pinned to eu-west-1 (literal ARNs of that
// region): Insights on ARM_64, ADOT JavaScript, Parameters and Secrets on ARM_64,
// profiling (the region is a literal in the profiler variables).
const lambda = require('aws-cdk-lib/aws-lambda');
const { scenario } = require('./_lib');

scenario('xi-pinned-layers', (stack) => {
  new lambda.Function(stack, 'Fn', {
    runtime: lambda.Runtime.NODEJS_20_X, handler: 'index.handler',
    code: lambda.Code.fromInline('exports.handler = async () => 1;'),
    architecture: lambda.Architecture.ARM_64,
    insightsVersion: lambda.LambdaInsightsVersion.VERSION_1_0_333_0,
    adotInstrumentation: {
      layerVersion: lambda.AdotLayerVersion.fromJavaScriptSdkLayerVersion(lambda.AdotLambdaLayerJavaScriptSdkVersion.V1_18_1),
      execWrapper: lambda.AdotLambdaExecWrapper.REGULAR_HANDLER,
    },
    paramsAndSecrets: lambda.ParamsAndSecretsLayerVersion.fromVersion(lambda.ParamsAndSecretsVersions.V1_0_103),
  });
  new lambda.Function(stack, 'Prof', {
    runtime: lambda.Runtime.PYTHON_3_12, handler: 'index.handler',
    code: lambda.Code.fromInline('def handler(e, c): return 1'),
    profiling: true,
  });
}, { env: { account: '123456789012', region: 'eu-west-1' } });
