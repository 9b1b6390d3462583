'use strict';
// report.js BENCHDIR: turn what bench/run.sh left in BENCHDIR/raw/ into the markdown of
// bench/results/<date>.md (printed on stdout).
//   raw/<group>.r<round>.json  hyperfine exports; a command's samples are merged over rounds
//   raw/commands.tsv           group, name, exact command
//   raw/rss.tsv                name, peak RSS in KiB (median of the runs)
//   raw/failed.tsv, checks.tsv, callgrind.tsv, meta.tsv, callgrind-top.txt, ...
// Medians everywhere; "x" columns are aws-cdk-lib's median divided by lambdac's.
const fs = require('fs');
const path = require('path');

const dir = process.argv[2];
if (!dir) {
  console.error('usage: node report.js BENCHDIR');
  process.exit(2);
}
const raw = path.join(dir, 'raw');
let scrub = (t) => t;
const read = (f) => { try { return scrub(fs.readFileSync(path.join(raw, f), 'utf8')); } catch { return ''; } };
const tsv = (f) => read(f).split('\n').filter(Boolean).map((l) => l.split('\t'));

const meta = Object.fromEntries(tsv('meta.tsv').map(([k, ...v]) => [k, v.join('\t')]));
// build and source paths differ per machine: keep them out of the committed results
scrub = (t) => {
  let r = t;
  if (meta.builddir) r = r.split(path.join(meta.builddir, 'bin')).join('$BIN').split(meta.builddir).join('<build>/bench');
  if (meta.srcdir) r = r.split(meta.srcdir).join('<src>');
  return r;
};
const commandsRaw = tsv('commands.tsv').map(([group, name, cmd]) => ({ group, name, cmd }));
const commands = commandsRaw;
const rss = Object.fromEntries(tsv('rss.tsv').map(([k, v]) => [k, Number(v)]));
const failed = tsv('failed.tsv');
const checks = tsv('checks.tsv');
const callgrind = tsv('callgrind.tsv');

// samples[name] = [seconds...] over every round
const samples = {};
for (const f of fs.readdirSync(raw).filter((x) => /\.r\d+\.json$/.test(x))) {
  let j;
  try { j = JSON.parse(fs.readFileSync(path.join(raw, f), 'utf8')); } catch { continue; }
  for (const r of j.results || []) {
    (samples[r.command] = samples[r.command] || []).push(...r.times);
  }
}
const median = (a) => {
  if (!a || a.length === 0) return NaN;
  const s = [...a].sort((x, y) => x - y);
  const m = s.length >> 1;
  return s.length % 2 ? s[m] : (s[m - 1] + s[m]) / 2;
};
const med = (name) => median(samples[name]);
const n = (name) => (samples[name] || []).length;
const min = (name) => (samples[name] ? Math.min(...samples[name]) : NaN);

function fmtT(s) {
  if (!Number.isFinite(s)) return 'n/a';
  if (s < 0.01) return `${(s * 1e3).toFixed(2)} ms`;
  if (s < 1) return `${(s * 1e3).toFixed(0)} ms`;
  return `${s.toFixed(2)} s`;
}
function fmtX(cdk, lc) {
  if (!Number.isFinite(cdk) || !Number.isFinite(lc) || lc <= 0) return 'n/a';
  const x = cdk / lc;
  return x >= 100 ? `${x.toFixed(0)}x` : x >= 10 ? `${x.toFixed(0)}x` : `${x.toFixed(1)}x`;
}
function fmtM(kib) {
  if (!Number.isFinite(kib)) return '';
  return kib >= 10240 ? `${(kib / 1024).toFixed(0)} MiB` : `${(kib / 1024).toFixed(1)} MiB`;
}
const fmtInt = (x) => String(x).replace(/\B(?=(\d{3})+(?!\d))/g, ',');

// least squares on log-log: y = a * N^b -> b
function exponent(pts) {
  const p = pts.filter(([x, y]) => x > 0 && y > 0 && Number.isFinite(y));
  if (p.length < 2) return NaN;
  const lx = p.map(([x]) => Math.log(x)), ly = p.map(([, y]) => Math.log(y));
  const mx = lx.reduce((a, b) => a + b) / p.length, my = ly.reduce((a, b) => a + b) / p.length;
  let sxy = 0, sxx = 0;
  for (let i = 0; i < p.length; i++) { sxy += (lx[i] - mx) * (ly[i] - my); sxx += (lx[i] - mx) ** 2; }
  return sxy / sxx;
}

const out = [];
const w = (s = '') => out.push(s);
const table = (head, rows) => {
  w(`| ${head.join(' | ')} |`);
  w(`|${head.map((h, i) => (i === 0 ? ' --- ' : ' ---: ')).join('|')}|`);
  for (const r of rows) w(`| ${r.join(' | ')} |`);
  w();
};
const failText = (name) => (failed.find(([k]) => k === name) || [])[1];
const shortFail = (t) => {
  const code = (t.match(/\[([A-Za-z]+)\]\s*$/) || [])[1];
  const lim = t.match(/(\d+) is greater than allowed maximum of (\d+)/);
  return `refused${code ? `: ${code}` : ''}${lim ? ` (${lim[1]} > ${lim[2]} resources)` : ''}`;
};
const MiB = (() => {
  const b = Number((meta.tree || '').split(',')[1]?.trim().split(' ')[0]);
  return Number.isFinite(b) && b > 0 ? `${Math.round(b / 1048576)} MiB` : 'the';
})();

const date = (meta.date || new Date().toISOString()).slice(0, 10);
w(`# lambdac vs aws-cdk-lib: benchmark results, ${date}`);
w();
w('Written by `make bench` (bench/run.sh, bench/report.js). Wall times are hyperfine medians');
w(`over ${meta.rounds || '?'} rounds in which lambdac and aws-cdk-lib commands alternate (${meta.runs || '?'});`);
w('"x" = aws-cdk-lib median / lambdac median. Peak RSS: GNU time `%M`, median of 3 runs (1 for runs over a second).');
w('Every command runs in `<build>/bench/oracle/` (the pinned npm install, the JS apps, the asset tree); C stacks are');
w('compiled before any timing except in the edit loop, where compiling is the point.');
w();
w('## Machine and versions');
w();
table(['what', 'value'], [
  ['date (UTC)', meta.date], ['CPU', meta.cpu], ['cores', meta.cores], ['memory', meta.memory],
  ['kernel', meta.kernel], ['load average (1, 5, 15 min)', meta.load],
  ['C compiler', `${meta.cc} (\`${meta.cflags}\`)`], ['lambdac', meta.lambdac],
  ['node / npm', `${meta.node} / ${meta.npm}`], ['aws-cdk-lib', meta['aws-cdk-lib']],
  ['aws-cdk (CLI)', meta['aws-cdk CLI']], ['@aws/cloudformation-validate', meta['cloudformation-validate']],
  ['hyperfine', meta.hyperfine], ['valgrind', meta.valgrind], ['asset tree', meta.tree],
  ['whole `make bench` run', meta.wall],
].map(([a, b]) => [a, b || '']));

// ---------------------------------------------------------------- summary
const LC = 'lambdac hello --hash-profile cdk';
const summary = [];
const sumRow = (what, lcName, cdkName, lcLabel, cdkLabel) => {
  const a = med(lcName), b = med(cdkName);
  if (!Number.isFinite(a) && !Number.isFinite(b)) return;
  summary.push([what, `${fmtT(a)}${lcLabel ? ` (${lcLabel})` : ''}`, `${fmtT(b)}${cdkLabel ? ` (${cdkLabel})` : ''}`, fmtX(b, a)]);
};
sumRow('basic synth (hello), built-in validation off', LC, 'node hello.js, validation off', '', 'node app.js');
sumRow('basic synth (hello), CDK defaults', LC, 'node hello.js, validation on', '', 'node app.js');
sumRow('basic synth (hello), via the CLI', LC, 'cdk synth, validation on', '', '`cdk synth`');
const scaleNs = [...new Set(commands.filter((c) => /^node scale\.js N=\d+$/.test(c.name)).map((c) => Number(c.name.split('=')[1])))];
const fnWhat = meta.grants === '1' ? 'functions (currentVersion + grant)' : 'functions (currentVersion)';
for (const N of scaleNs.filter((x) => x >= 100)) {
  sumRow(`1 stack x ${N} ${fnWhat}`, `lambdac scale N=${N}`, `node scale.js N=${N}`,
    failText(`lambdac scale N=${N}`) ? 'refused: > 500 resources' : '', 'validation off');
}
sumRow(`10 stacks x 100 ${fnWhat}`, 'lambdac multi 10x100', 'node scale-multi.js 10x100', '', 'validation off');
sumRow('edit one line -> template (hello)', 'lambdac: cc -O0 + link + run', 'CDK: cdk synth, validation on', 'cc + run', '`cdk synth`');
sumRow('edit one line -> template (hello), node only', 'lambdac: cc -O0 + link + run', 'CDK: node edit-app.js, validation off', 'cc + run', 'validation off');
sumRow(`fingerprint ${MiB} tree, cdk hash`, 'lambdac fingerprint, cdk profile', 'CDK FileSystem.fingerprint, cold cache', '', 'cold cache');
sumRow(`fingerprint ${MiB} tree, native vs CDK`, 'lambdac fingerprint, native profile', 'CDK FileSystem.fingerprint, cold cache', 'XXH3', 'cold cache');
sumRow(`fingerprint ${MiB} tree, CDK warm cache`, 'lambdac fingerprint, cdk profile', 'CDK FileSystem.fingerprint, warm cache', '', 'warm cache');
sumRow(`zip ${MiB} tree`, 'lambdac lc_zip_dir, all cores', 'cdk-assets zipDirectory (yazl)', failText('lambdac zip') ? 'not built' : '', 'cdk-assets');
{
  // synth + package: lambdac in one command; CDK = synth (fingerprint + copy) + cdk-assets' zip
  const a = med('lambdac synth --output --package (fingerprint + zip), cdk profile');
  const b = med('node scale-asset.js, validation off (fingerprint + copy, cold)') + med('cdk-assets zipDirectory (yazl)');
  if (Number.isFinite(a) && Number.isFinite(b)) {
    summary.push([`synth + zip a ${MiB} asset`, `${fmtT(a)} (--output --package)`, `${fmtT(b)} (synth + cdk-assets zip)`, fmtX(b, a)]);
  }
  // unchanged tree, outputs kept: both sides skip work (lambdac's outdir cache; CDK's
  // fingerprint cache + existing staged copy, but cdk-assets zips again at every publish)
  const c = med('lambdac synth --output --package, warm (outdir kept, tree unchanged)');
  const d = med('node scale-asset.js, validation off, warm (cache + staged copy kept)');
  if (Number.isFinite(c) && Number.isFinite(d)) {
    summary.push([`re-synth, ${MiB} asset unchanged`, `${fmtT(c)} (--output --package)`, `${fmtT(d)} (synth; zip not counted)`, fmtX(d, c)]);
  }
}
sumRow(`check 10 stacks x 100 functions`, 'lambdac-check multi 10x100 source', 'cfn-validate multi 10x100 templates', failText('lambdac-check') ? 'not built' : 'C source', 'CDK validator, templates');
w('## Summary');
w();
table(['what', 'lambdac', 'aws-cdk-lib', 'x'], summary);
const cg = callgrind.find(([k]) => k === 'hello --hash-profile cdk');
if (cg) w(`Instructions (callgrind Ir) for the basic synth, \`hello --hash-profile cdk\`: **${fmtInt(cg[1])}**.`);
w();

// ---------------------------------------------------------------- sections
// ref: a baseline name, or a function name -> baseline name; the last column is the
// row's median divided by its baseline's (so > 1 = slower than the baseline)
const rowsFor = (names, ref) => names.filter((x) => n(x) > 0 || rss[x]).map((x) => {
  const b = typeof ref === 'function' ? ref(x) : ref;
  return [x, fmtT(med(x)), fmtT(min(x)), String(n(x)), fmtM(rss[x]), b ? fmtX(med(x), med(b)) : ''];
});
const group = (g) => commands.filter((c) => c.group === g).map((c) => c.name);
const hdr = ['command', 'median', 'min', 'runs', 'peak RSS', 'time / baseline'];
const baseline = (b) => { w(`Baseline of the last column: \`${b}\`.`); w(); };

w('## 1. Synth of the basic stack (examples/hello.c, NODEJS_18_X + fromAsset)');
w();
w('lambdac prints the template (`--output` writes it to a file, fsync + rename); `node hello.js` writes a cloud');
w('assembly (template, manifest, tree.json, the asset copied once); `cdk synth` runs the app through the CLI.');
w();
baseline(LC);
table(hdr, rowsFor([...group('synth-lc'), ...group('synth-cdk')], LC));

w('## 2. Scale: one stack with N functions (each with currentVersion), and 10 stacks x 100');
w();
if (meta.grants === '1') {
  w('Every function has currentVersion and one grant, `fn.grantInvoke(new iam.ServicePrincipal(\'events.amazonaws.com\'))`');
  w('(`LC_GRANT_INVOKE` in C): 4 resources per function (Role, Function, Version, Permission).');
} else {
  w('No grants in these stacks: `LC_GRANT_INVOKE` (include/lambdac/access.h) was not usable in this build, so every');
  w('function has currentVersion only (3 resources per function: Role, Function, Version), as in the oracle\'s apps/scale.js.');
}
w('aws-cdk-lib runs with `CDK_VALIDATION=false` (the oracle timing apps\' setting) unless noted, and with the');
w('500-resources-per-stack check lifted (context `@aws-cdk/core:stackResourceLimit: 0`); lambdac has no such switch');
w('yet, so the largest N that fits under 500 resources is measured as well.');
w();
const sc = scaleNs.map((N) => {
  const l = `lambdac scale N=${N}`, c = `node scale.js N=${N}`;
  const lf = failText(l);
  return { N, l: lf ? NaN : med(l), c: med(c), lr: rss[l], cr: rss[c], lf };
});
table(['N functions', 'lambdac', 'aws-cdk-lib', 'x', 'lambdac RSS', 'aws-cdk-lib RSS', 'RSS x'], sc.map((r) => [
  String(r.N), r.lf ? shortFail(r.lf) : fmtT(r.l), fmtT(r.c), fmtX(r.c, r.l),
  fmtM(r.lr), fmtM(r.cr), r.lr && r.cr ? fmtX(r.cr, r.lr) : '']));
const fitRows = [];
const fit = (label, key, fromN) => {
  const pts = sc.filter((r) => r.N >= fromN);
  fitRows.push([label, `${exponent(pts.map((r) => [r.N, r[key]])).toFixed(2)}`, pts.filter((r) => Number.isFinite(r[key])).map((r) => r.N).join(', ')]);
};
fit('lambdac wall time', 'l', 10);
fit('aws-cdk-lib wall time', 'c', 10);
fit('lambdac peak RSS', 'lr', 10);
fit('aws-cdk-lib peak RSS', 'cr', 10);
// marginal cost per function between the smallest N >= 10 and the largest N both sides
// synthesized (the widest span: lambdac's few milliseconds are mostly noise otherwise)
const both = sc.filter((r) => r.N >= 10 && Number.isFinite(r.l) && Number.isFinite(r.c));
if (both.length >= 2) {
  const a = both[0], b = both[both.length - 1];
  fitRows.push([`marginal wall time per function, N=${a.N}..${b.N}: lambdac / aws-cdk-lib`,
    `${fmtT((b.l - a.l) / (b.N - a.N))} / ${fmtT((b.c - a.c) / (b.N - a.N))}`, '']);
  if (a.lr && b.lr && a.cr && b.cr) {
    fitRows.push([`marginal peak RSS per function, N=${a.N}..${b.N}: lambdac / aws-cdk-lib`,
      `${((b.lr - a.lr) / (b.N - a.N)).toFixed(0)} KiB / ${((b.cr - a.cr) / (b.N - a.N)).toFixed(0)} KiB`, '']);
  }
}
// instruction counts of the scale stacks: deterministic, so the cleanest growth figure
const irScale = callgrind.map(([k, v]) => [Number((k.match(/^scale N=(\d+) /) || [])[1]), Number(v)]).filter(([x]) => x > 0);
if (irScale.length >= 2) {
  const a = irScale[0], b = irScale[irScale.length - 1];
  fitRows.push([`lambdac instructions (callgrind Ir), N=${irScale.map(([x]) => x).join(', ')}`,
    `${exponent(irScale).toFixed(2)}`, `${fmtInt(Math.round((b[1] - a[1]) / (b[0] - a[0])))} Ir per function`]);
}
w('Growth with N: exponent b of `value = a * N^b`, least squares on log-log over the N listed (N = 1 is left');
w('out: both sides are pure process start-up there). A fixed start-up cost pulls b below the true per-function growth,');
w('so the marginal cost per function over the widest span of N both sides synthesized is given too.');
w();
table(['series', 'b', 'N used'], fitRows);
w('Other rows (baseline: the same stack synthesized by lambdac with the cdk profile):');
w();
table(hdr, rowsFor([...group('scale-lc').filter((x) => !/^lambdac scale N=\d+$/.test(x)),
  ...group('scale-cdk').filter((x) => !/^node scale\.js N=\d+$/.test(x))],
(x) => (/multi/.test(x) ? commands.find((c) => c.group === 'scale-lc' && /multi/.test(c.name))?.name
  : 'lambdac scale N=100')));

w('## 3. Edit-to-template loop');
w();
w('Before every run the timeout of the function is toggled 10 s <-> 11 s (bench/edit.c, bench/apps/edit-app.js;');
w('for N=100 the inline code of Fn0), then: lambdac compiles, links and runs the stack (`cc` as a user types it,');
w('no -O: what `cc stack.c $(pkg-config ...)` does); CDK runs the app (node, or the CLI as `cdk synth`).');
w();
baseline('lambdac: cc -O0 + link + run');
table(hdr, rowsFor([...group('edit-lc'), ...group('edit-cdk')], 'lambdac: cc -O0 + link + run'));

w(`## 4. Assets: ${meta.tree || 'the generated tree'} (bench/mktree.c: JS-like text with LF/CRLF, random and compressible binaries)`);
w();
w('Fingerprint = the asset hash in the S3 key. CDK keeps a per-user cache of file hashes (`~/.cdk/cache/fingerprints`,');
w('keyed by inode|mtime|size): "cold" empties it first, "warm" is a re-run over the unchanged tree. lambdac\'s fingerprint');
w('cache lives in the `--output` directory (the "warm" `--package` row below); `fp` and a synth to stdout hash every byte.');
w('The tree is in the page cache for every row (warm-up runs), so these are CPU costs, not disk costs.');
w();
baseline('lambdac fingerprint, cdk profile');
table(hdr, rowsFor([...group('assets-lc'), ...group('assets-cdk')], 'lambdac fingerprint, cdk profile'));
w('Zip (cdk-assets zips a directory asset at publish time, not at synth; yazl deflates through node\'s zlib on');
w('the libuv thread pool, so it uses both cores, while the raw deflate reference is one thread):');
w();
baseline('raw: zlib deflate -6 + CRC-32, 1 thread');
table(hdr, rowsFor(group('zip'), 'raw: zlib deflate -6 + CRC-32, 1 thread'));
if (meta['zip size']) w(`cdk-assets' zip of the tree: ${fmtInt(meta['zip size'])} bytes${meta['lambdac zip size'] ? `; lambdac's: ${fmtInt(meta['lambdac zip size'])} bytes` : ''}.`);
w();

w('## 5. Template validation');
w();
w('The CloudFormation validator bundled in aws-cdk-lib (what `CDK_VALIDATION=false` skips), run on lambdac\'s');
w('templates (identical to CDK\'s) by bench/apps/cfn-validate.js; lambdac-check reads the C sources instead. The two');
w('gates do not run the same rules: this compares what each toolchain makes a user wait for, not equal work.');
w();
table(hdr, rowsFor([...group('check-lc'), ...group('check-cdk')]));
const sizes = tsv('check-sizes.tsv');
if (sizes.length) {
  w('Inputs: ' + sizes.filter(([k]) => k !== 'exit').map(([k, v]) => `${k} ${v}`).join('; ') + '.');
  const ex = sizes.find(([k]) => k === 'exit');
  if (ex) w(`lambdac-check exit status on multi.c: ${ex[1]}${ex[1] !== '0' ? ' (findings; see raw/check-multi.txt)' : ''}.`);
  w();
}
const thr = read('check-throughput.txt').trim();
if (thr) {
  w('lambdac-check throughput (`sh bench/check-throughput.sh CHECKER 8`):');
  w();
  w('```');
  w(thr);
  w('```');
  w();
}
const split = read('cfn-validate-split.txt').trim();
if (split) {
  w('Engine load vs validation inside one process (multi 10x100, then hello):');
  w();
  w('```');
  w(split);
  w('```');
  w();
}

w('## 6. Instruction counts (callgrind)');
w();
w('`sh bench/callgrind.sh PROGRAM ARGS` prints the total Ir of one run: independent of machine noise, so a');
w('regression in the synthesizer is visible even when wall times wobble.');
w();
table(['run', 'Ir'], callgrind.map(([k, v]) => [k, fmtInt(v)]));
const top = read('callgrind-top.txt').trim();
if (top) {
  w('Most expensive functions of `hello --hash-profile cdk`:');
  w();
  w('```');
  w(top);
  w('```');
  w();
}

w('## Checks and gaps');
w();
for (const [k, v] of checks) w(`- template/hash equality, ${k}: **${v}**`);
for (const [k, v] of failed) w(`- ${k}: ${v.replace(/^.*?error: /, '')}`);
const note = read('note-assets.txt').trim();
if (note) w(`- ${note}`);
w();

w('## Exact commands');
w();
w('Working directory: `<build>/bench/oracle`; `$BIN` = `<build>/bench/bin`.');
w();
w('| group | name | command |');
w('| --- | --- | --- |');
for (const c of commands) {
  const cmd = scrub(c.cmd).replace(/\|/g, '\\|');
  w(`| ${c.group} | ${c.name} | \`${cmd}\` |`);
}
w();
process.stdout.write(out.join('\n'));
