'use strict';
// xi-extensions: extension layers and profiling beyond o/p/v/w.  ADOT for Python (the
// instrument wrapper), Java SDK and Java auto-instrumentation and the generic layer,
// ADOT with tracing disabled, a declared ProfilingGroup with a user variable of the same
// name, and the Parameters and Secrets extension with every option (x86_64).
const cdk = require('aws-cdk-lib');
const lambda = require('aws-cdk-lib/aws-lambda');
const profiler = require('aws-cdk-lib/aws-codeguruprofiler');
const { scenario, fixture } = require('./_lib');

scenario('xi-extensions', (stack) => {
  const inline = (s) => lambda.Code.fromInline(s);
  new lambda.Function(stack, 'Py', {
    runtime: lambda.Runtime.PYTHON_3_12, handler: 'index.handler', code: inline('def handler(e, c): return 1'),
    adotInstrumentation: {
      layerVersion: lambda.AdotLayerVersion.fromPythonSdkLayerVersion(lambda.AdotLambdaLayerPythonSdkVersion.V1_25_0),
      execWrapper: lambda.AdotLambdaExecWrapper.INSTRUMENT_HANDLER,
    },
  });
  new lambda.Function(stack, 'JavaSdk', {
    runtime: lambda.Runtime.JAVA_21, handler: 'x.Handler', code: lambda.Code.fromAsset(fixture('java-handler', 'handler.zip')),
    architecture: lambda.Architecture.ARM_64,
    adotInstrumentation: {
      layerVersion: lambda.AdotLayerVersion.fromJavaSdkLayerVersion(lambda.AdotLambdaLayerJavaSdkVersion.LATEST),
      execWrapper: lambda.AdotLambdaExecWrapper.STREAM_HANDLER,
    },
    tracing: lambda.Tracing.DISABLED,
  });
  new lambda.Function(stack, 'JavaAuto', {
    runtime: lambda.Runtime.JAVA_17, handler: 'x.Handler', code: lambda.Code.fromAsset(fixture('java-handler', 'handler.zip')),
    adotInstrumentation: {
      layerVersion: lambda.AdotLayerVersion.fromJavaAutoInstrumentationLayerVersion(lambda.AdotLambdaLayerJavaAutoInstrumentationVersion.V1_19_2),
      execWrapper: lambda.AdotLambdaExecWrapper.PROXY_HANDLER,
    },
  });
  new lambda.Function(stack, 'Generic', {
    runtime: lambda.Runtime.PROVIDED_AL2023, handler: 'bootstrap', code: lambda.Code.fromAsset(fixture('java-handler', 'handler.zip')),
    adotInstrumentation: {
      layerVersion: lambda.AdotLayerVersion.fromGenericLayerVersion(lambda.AdotLambdaLayerGenericVersion.LATEST),
      execWrapper: lambda.AdotLambdaExecWrapper.SQS_HANDLER,
    },
    tracing: lambda.Tracing.PASS_THROUGH,
  });
  const group = new profiler.ProfilingGroup(stack, 'Group');
  new lambda.Function(stack, 'Profiled', {
    runtime: lambda.Runtime.JAVA_21, handler: 'x.Handler', code: lambda.Code.fromAsset(fixture('java-handler', 'handler.zip')),
    profilingGroup: group,
    environment: { AWS_CODEGURU_PROFILER_ENABLED: 'FALSE', OTHER: 'x' },
  });
  new lambda.Function(stack, 'Params', {
    runtime: lambda.Runtime.NODEJS_20_X, handler: 'index.handler', code: inline('exports.handler = async () => 1;'),
    paramsAndSecrets: lambda.ParamsAndSecretsLayerVersion.fromVersion(lambda.ParamsAndSecretsVersions.V1_0_103, {
      cacheEnabled: false, cacheSize: 0, httpPort: 8080, logLevel: lambda.ParamsAndSecretsLogLevel.WARN,
      maxConnections: 10, secretsManagerTimeout: cdk.Duration.seconds(2), secretsManagerTtl: cdk.Duration.minutes(1),
      parameterStoreTimeout: cdk.Duration.millis(500), parameterStoreTtl: cdk.Duration.seconds(45),
    }),
    insightsVersion: lambda.LambdaInsightsVersion.VERSION_1_0_229_0,
  });
});
