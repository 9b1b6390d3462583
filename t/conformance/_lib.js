'use strict';
// Shared helper for the conformance twins (t/conformance/<scenario>.js), adapted from the
// oracle's apps/_lib.js (/work/shared/oracle): the same scenario() contract, with fixtures
// resolved to t/conformance/fixtures/ (asset hashes depend only on file contents and
// relative names, so they equal the oracle's).
//
// scenario(name, build, stackProps?):
//   - creates an App whose outdir is $CDK_OUTDIR (default: a fresh temp dir),
//   - creates one Stack whose id is the scenario name,
//   - runs build(stack, ctx) to populate it,
//   - calls app.synth() and (when CDK_OUTDIR is unset) prints the outdir.
//
// No feature-flag context is injected: the templates show aws-cdk-lib's defaults for an
// app without cdk.json (expected/).  CDK_ORACLE_RECOMMENDED=1 loads the flags of a new
// `cdk init` project (aws-cdk-lib/recommended-feature-flags.json; expected-recommended/).

const fs = require('fs');
const os = require('os');
const path = require('path');
const cdk = require('aws-cdk-lib');

const ROOT = __dirname;

// Path of a fixture directory/file under t/conformance/fixtures.
function fixture(...parts) {
  return path.join(ROOT, 'fixtures', ...parts);
}

function outdirFor() {
  if (process.env.CDK_OUTDIR) return process.env.CDK_OUTDIR;
  return fs.mkdtempSync(path.join(os.tmpdir(), 'lc-conformance-'));
}

function appContext() {
  if (process.env.CDK_ORACLE_RECOMMENDED === '1') {
    return require('aws-cdk-lib/recommended-feature-flags.json');
  }
  return {};
}

// Region-pinned environment used by the scenarios that need one.
const PINNED_ENV = { account: '123456789012', region: 'us-east-1' };

function scenario(name, build, stackProps) {
  const app = new cdk.App({ outdir: outdirFor(), context: appContext() });
  const stack = new cdk.Stack(app, name, stackProps || {});
  build(stack, { app, cdk, fixture });
  const asm = app.synth();
  if (!process.env.CDK_OUTDIR && process.env.CDK_ORACLE_QUIET !== '1') process.stdout.write(asm.directory + '\n');
  return asm;
}

module.exports = { scenario, fixture, outdirFor, PINNED_ENV, ROOT };
