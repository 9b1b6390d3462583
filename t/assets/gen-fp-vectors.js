#!/usr/bin/env node
// t/assets/gen-fp-vectors.js - recompute the cdk column of t/assets/fp-trees.txt with
// aws-cdk-lib's own FileSystem.fingerprint (not needed by `make check`).
//
//   NODE_PATH=/path/to/node_modules node t/assets/gen-fp-vectors.js t/assets/fp-trees.txt > new.txt
//
// Builds every tree of the spec in a temporary directory exactly as t/30-fingerprint.c
// does, and prints the spec back with each E line's first hash replaced (the native
// column is kept).
'use strict';
const fs = require('fs');
const os = require('os');
const path = require('path');
const { execFileSync } = require('child_process');
const { FileSystem, IgnoreMode, SymlinkFollowMode } = require('aws-cdk-lib');

const unesc = (s) => Buffer.from(s.replace(/\\(x[0-9a-fA-F]{2}|.)/g, (m, c) =>
  c === 't' ? '\t' : c === 'n' ? '\n' : c === 'r' ? '\r' : c[0] === 'x' && c.length === 3
    ? String.fromCharCode(parseInt(c.slice(1), 16)) : c), 'latin1');

function content(spec) {
  const parts = [];
  for (const item of spec.toString('latin1').split('+')) {
    const [k, a, ...rest] = item.split(':');
    const b = rest.join(':');
    if (k === 's') parts.push(Buffer.from(item.slice(2), 'latin1'));
    else if (k === 'r') parts.push(Buffer.from(b.repeat(+a), 'latin1'));
    else if (k === 'z') parts.push(Buffer.alloc(+a));
    else if (k === 'p') {
      let s = +b >>> 0;
      const buf = Buffer.alloc(+a);
      for (let i = 0; i < buf.length; i++) {
        s ^= s << 13; s >>>= 0; s ^= s >>> 17; s ^= s << 5; s >>>= 0;
        buf[i] = s & 0xff;
      }
      parts.push(buf);
    } else throw new Error('bad content item ' + item);
  }
  return Buffer.concat(parts);
}

const specFile = process.argv[2];
const lines = fs.readFileSync(specFile, 'latin1').split('\n');
const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'lcfp-'));
let tree = null;
const out = [];

function finish() {
  if (!tree) return;
  const target = tree.p ? path.join(tree.dir, 'root', tree.p) : path.join(tree.dir, 'root');
  const opts = { exclude: tree.x, extraHash: tree.h };
  if (tree.m) opts.ignoreMode = { git: IgnoreMode.GIT, docker: IgnoreMode.DOCKER, glob: IgnoreMode.GLOB }[tree.m];
  if (tree.w) opts.follow = { never: SymlinkFollowMode.NEVER, always: SymlinkFollowMode.ALWAYS,
    external: SymlinkFollowMode.EXTERNAL, 'internal-only': SymlinkFollowMode.BLOCK_EXTERNAL }[tree.w];
  tree.hash = FileSystem.fingerprint(target, opts);
}

for (const line of lines) {
  const f = line.split('\t');
  if (line.startsWith('#') || line === '') { out.push(line); continue; }
  const arg = (i) => unesc(f[i]);
  const p = (i) => path.join(tree.dir, arg(i).toString('utf8'));   // names are UTF-8
  switch (f[0]) {
    case 'T':
      tree = { name: f[1], dir: path.join(tmp, f[1]), x: [], p: null, h: undefined };
      fs.mkdirSync(tree.dir);
      break;
    case 'P': tree.p = arg(1).toString('utf8'); break;
    case 'F': fs.mkdirSync(path.dirname(p(1)), { recursive: true }); fs.writeFileSync(p(1), content(arg(2))); break;
    case 'D': fs.mkdirSync(p(1), { recursive: true }); break;
    case 'L':
      fs.mkdirSync(path.dirname(p(1)), { recursive: true });
      fs.symlinkSync(arg(2).toString('utf8').replace('@TREE@', tree.dir), p(1));
      break;
    case 'Q': fs.mkdirSync(path.dirname(p(1)), { recursive: true }); execFileSync('mkfifo', [p(1)]); break;
    case 'X': tree.x.push(arg(1).toString('utf8')); break;
    case 'M': tree.m = f[1]; break;
    case 'W': tree.w = f[1]; break;
    case 'H': tree.h = arg(1).toString('utf8'); break;
    case 'E':
      finish();
      out.push(['E', tree.hash, f[2] || '-'].join('\t'));
      continue;
    default: throw new Error('bad line ' + line);
  }
  out.push(line);
}
fs.rmSync(tmp, { recursive: true, force: true });
process.stdout.write(out.join('\n'));
