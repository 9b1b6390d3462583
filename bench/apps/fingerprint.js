'use strict';
// node fingerprint.js PATH: print aws-cdk-lib's FileSystem.fingerprint(PATH) (default
// options: what Code.fromAsset hashes).  Twin: bench/fp.c (lambdac's lc_asset_fingerprint).
// CDK keeps a per-user cache of file hashes in $HOME/.cdk/cache/fingerprints keyed by
// inode|mtime|size: the benchmark points HOME at a scratch directory and empties it for
// the "cold" rows.
const cdk = require('aws-cdk-lib');

if (process.argv.length !== 3) {
  console.error('usage: node fingerprint.js PATH');
  process.exit(2);
}
console.log(cdk.FileSystem.fingerprint(process.argv[2]));
