'use strict';
// node zip.js DIR OUT.zip: zip DIR exactly as cdk-assets does when it publishes a
// directory asset (packaging "zip"): the zipDirectory() bundled in the aws-cdk CLI
// (fast-glob + yazl, deflate through node's zlib, fixed 1980 timestamps).  The CLI does not
// export it, so this loads the CLI bundle as a module and takes its internal `require_zip`.
// `node zip.js --load-only` loads the bundle and stops (the fixed cost).
const fs = require('fs');
const path = require('path');
const Module = require('module');

const file = path.join(path.dirname(require.resolve('aws-cdk/package.json')), 'lib', 'index.js');
const src = fs.readFileSync(file, 'utf8');
if (!/\bvar require_zip = __commonJS\(/.test(src)) {
  console.error(`zip.js: no require_zip in ${file} (the aws-cdk CLI bundle changed)`);
  process.exit(3);
}
const m = new Module(file, module);
m.filename = file;
m.paths = Module._nodeModulePaths(path.dirname(file));
m._compile(`${src}\n;module.exports.__benchZip = require_zip;\n`, file);
const { zipDirectory } = m.exports.__benchZip();
if (process.argv[2] === '--load-only') process.exit(0);
if (process.argv.length !== 4) {
  console.error('usage: node zip.js DIR OUT.zip | --load-only');
  process.exit(2);
}
zipDirectory(process.argv[2], process.argv[3]).catch((e) => {
  console.error(e);
  process.exit(1);
});
