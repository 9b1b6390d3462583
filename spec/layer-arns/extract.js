#!/usr/bin/env node
// spec/layer-arns/extract.js - maintainer tool: dump the layer ARN facts of aws-cdk-lib's
// region-info as data (regions.json, insights.json, params-and-secrets.json, adot.json).
//
//   NODE_PATH=/path/to/node_modules node spec/layer-arns/extract.js spec/layer-arns
//
// Needs an installed aws-cdk-lib (the oracle's pinned version).  It only calls the public
// API (RegionInfo.regions, RegionInfo.regionMap, FactName.*, the version constants of
// aws-lambda) and writes what they answer; the build never runs it.  The output is
// deterministic (`jq -S .` layout: sorted keys, 2-space indent) so a re-run against the
// same aws-cdk-lib gives the same bytes.
'use strict';
const fs = require('fs');
const path = require('path');
const lambda = require('aws-cdk-lib/aws-lambda');
const ri = require('aws-cdk-lib/region-info');
const pkg = require('aws-cdk-lib/package.json');

const outdir = process.argv[2] || path.join(__dirname);
const ARCHS = ['x86_64', 'arm64'];

// JSON with sorted keys (what `jq -S .` prints).
function sorted(v) {
  if (Array.isArray(v)) return v.map(sorted);
  if (v && typeof v === 'object') {
    const o = {};
    for (const k of Object.keys(v).sort()) o[k] = sorted(v[k]);
    return o;
  }
  return v;
}
function write(name, obj) {
  fs.writeFileSync(path.join(outdir, name), JSON.stringify(sorted(obj), null, 2) + '\n');
}
const source = `aws-cdk-lib ${pkg.version} region-info (spec/layer-arns/extract.js)`;

// One fact: its name split as region-lookup does ("<class>:<param>"), and the ARN per
// region that has one.
function fact(factName) {
  const [factClass, param] = factName.split(':');
  return { factClass, param, arns: ri.RegionInfo.regionMap(factName) };
}

write('regions.json', {
  _comment: 'RegionInfo.regions: every region aws-cdk-lib knows, with its partition and domain suffix (the URL-suffix step of the deploy-time lookup uses it).',
  source,
  regions: ri.RegionInfo.regions.map((r) => ({ name: r.name, partition: r.partition, domainSuffix: r.domainSuffix })),
});

// Lambda Insights: LambdaInsightsVersion.VERSION_* constants.
const insightsVersions = Object.keys(lambda.LambdaInsightsVersion)
  .filter((k) => k.startsWith('VERSION_'))
  .map((k) => ({ constant: k, version: k.slice('VERSION_'.length).replace(/_/g, '.') }));
write('insights.json', {
  _comment: 'Lambda Insights extension layer ARNs: LambdaInsightsVersion constants (constant -> version) and, per version and architecture, the fact cloudwatch-lambda-insights-version:<param> with its ARN per region.',
  source,
  constants: insightsVersions,
  facts: insightsVersions.flatMap(({ version }) => ARCHS.map((arch) =>
    ({ version, arch, ...fact(ri.FactName.cloudwatchLambdaInsightsVersion(version, arch)) }))),
});

// Parameters and Secrets extension: ParamsAndSecretsVersions.
const psVersions = Object.keys(lambda.ParamsAndSecretsVersions)
  .map((k) => ({ constant: k, version: lambda.ParamsAndSecretsVersions[k] }));
write('params-and-secrets.json', {
  _comment: 'Parameters and Secrets extension layer ARNs: ParamsAndSecretsVersions constants and, per version and architecture, the fact params-and-secrets-layer:<param> with its ARN per region.',
  source,
  constants: psVersions,
  facts: psVersions.flatMap(({ version }) => ARCHS.map((arch) =>
    ({ version, arch, ...fact(ri.FactName.paramsAndSecretsLambdaLayer(version, arch)) }))),
});

// ADOT: one version class per layer type.
const adotClasses = {
  JAVASCRIPT_SDK: 'AdotLambdaLayerJavaScriptSdkVersion',
  PYTHON_SDK: 'AdotLambdaLayerPythonSdkVersion',
  JAVA_SDK: 'AdotLambdaLayerJavaSdkVersion',
  JAVA_AUTO_INSTRUMENTATION: 'AdotLambdaLayerJavaAutoInstrumentationVersion',
  GENERIC: 'AdotLambdaLayerGenericVersion',
};
const adotConstants = [];
const adotFacts = [];
for (const [type, cls] of Object.entries(adotClasses)) {
  const k = lambda[cls];
  const seen = new Set();
  for (const name of Object.keys(k)) {
    const v = k[name];
    if (!v || v.type !== type) continue;
    adotConstants.push({ type, constant: name, version: v.layerVersion });
    if (seen.has(v.layerVersion)) continue;
    seen.add(v.layerVersion);
    for (const arch of ARCHS)
      adotFacts.push({ type, version: v.layerVersion, arch, ...fact(ri.FactName.adotLambdaLayer(type, v.layerVersion, arch)) });
  }
}
write('adot.json', {
  _comment: 'AWS Distro for OpenTelemetry layer ARNs: the version constants of each AdotLambdaLayer*Version class (type, constant, version; LATEST included) and, per type, version and architecture, the fact adot-lambda-layer:<param> with its ARN per region.',
  source,
  constants: adotConstants,
  facts: adotFacts,
});
