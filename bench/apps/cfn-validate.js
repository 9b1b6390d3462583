'use strict';
// node cfn-validate.js TEMPLATE...: run the CloudFormation validator that aws-cdk-lib
// bundles for its built-in synth validation (@aws/cloudformation-validate, WASM) on
// templates, with the options aws-cdk-lib passes (STANDARD detail, WARN and up).  Prints
// the number of findings per template; on stderr the time to load the engine and the
// time to validate.  This is what CDK_VALIDATION=false skips.
const fs = require('fs');
const path = require('path');

const t0 = process.hrtime.bigint();
const libdir = path.dirname(require.resolve('aws-cdk-lib/package.json'));
const v = require(require.resolve('@aws/cloudformation-validate', { paths: [libdir] }));
const engine = new v.CompositeEngine({});
const t1 = process.hrtime.bigint();
for (const f of process.argv.slice(2)) {
  const report = engine.validateTemplate(new v.TemplateContent(fs.readFileSync(f, 'utf8'), f),
    { detailLevel: 'STANDARD', severityLevel: 'WARN' });
  console.log(`${f}: ${(report.diagnostics || []).length} findings`);
}
const t2 = process.hrtime.bigint();
console.error(`load ${(Number(t1 - t0) / 1e6).toFixed(1)} ms, validate ${(Number(t2 - t1) / 1e6).toFixed(1)} ms`);
