#!/bin/sh
# t/assembly.sh - TAP: the cloud assembly written by --output DIR.
#
#  - a-basic, e-docker, y-snapstart (t/conformance/<s>.c) and t/assembly/multi.c run with
#    --hash-profile cdk --output DIR --no-path-metadata --no-asset-metadata: manifest.json,
#    <Stack>.assets.json and the templates byte-identical to aws-cdk-lib's assemblies
#    (t/assembly/expected/<s>/, from the oracle); <Stack>.metadata.json and tree.json
#    equal after dropping what lambdac does not write (creation stack traces, warnings,
#    the L1 props in the tree);
#  - the CLI's defaults (path and asset metadata on) give aws-cdk-lib's `cdk synth`
#    templates (minus the CDKMetadata resource); --no-path-metadata, --no-asset-metadata;
#  - staged assets (directory copies with excludes, .dockerignore, file assets);
#  - a second run writes the same bytes and reads no asset again (the cache);
#  - a changed asset gets a new hash; a failing run leaves the previous assembly as it
#    was and no temporary files;
#  - --package: deterministic zips (same bytes from a tree written another way), unzip -t;
#  - bundling with a local command (t/assembly/bundling.c vs aws-cdk-lib), and the error
#    when a bundle needs Docker and there is no Docker client.
# Run by `make check`; by hand from the top build directory: sh t/assembly.sh
set -u
: "${top_srcdir:=$(cd "$(dirname "$0")/.." && pwd)}"
: "${top_builddir:=$top_srcdir}"
: "${CC:=cc}"
: "${JQ:=jq}"
: "${LC_TEST_CFLAGS:=-std=c11 -I$top_srcdir/include -I$top_builddir/include -I$top_builddir}"
: "${LC_TEST_LIBS:=$top_builddir/.libs/liblambdac.a -lxxhash -lz -lmd}"

conf="$top_srcdir/t/conformance"
exp="$top_srcdir/t/assembly/expected"
tmp=$(mktemp -d "${TMPDIR:-/tmp}/lc-assembly.XXXXXX") || exit 99
trap 'chmod -R u+w "$tmp" 2>/dev/null; rm -rf "$tmp"' EXIT
trap 'exit 130' INT TERM

n=0
ok() { n=$((n + 1)); echo "ok $n - $1"; }
notok() { n=$((n + 1)); echo "not ok $n - $1"; [ $# -gt 1 ] && [ -f "$2" ] && sed -e 40q -e 's/^/# /' "$2"; }
check() { # check NAME CMD...: ok when CMD succeeds
    name=$1; shift
    if "$@" > "$tmp/check.out" 2>&1; then ok "$name"; else notok "$name" "$tmp/check.out"; fi
}

build() { # build NAME SOURCE
    # shellcheck disable=SC2086
    $CC $LC_TEST_CFLAGS -o "$tmp/$1" "$2" $LC_TEST_LIBS > "$tmp/$1.cc.log" 2>&1
}

# jq filters for the parts lambdac does not write
md_filter='map_values(map(select(.type!="aws:cdk:creationStack" and .type!="aws:cdk:warning")|del(.trace))|select(length>0))'
tree_filter='walk(if type=="object" then del(.["aws:cdk:cloudformation:props"]) else . end)'
no_cdkmetadata='del(.Resources.CDKMetadata)|del(.Conditions)'

# ---- byte-for-byte against aws-cdk-lib -----------------------------------------------------
for s in a-basic e-docker y-snapstart; do
    if ! build "$s" "$conf/$s.c"; then
        notok "$s: compiles" "$tmp/$s.cc.log"; n=$((n + 3)); echo "not ok $n - skipped"; continue
    fi
    out="$tmp/asm-$s"
    (cd "$conf" && "$tmp/$s" --hash-profile cdk --output "$out" --no-path-metadata \
         --no-asset-metadata) > "$tmp/$s.log" 2>&1 || { notok "$s: writes an assembly" "$tmp/$s.log"; continue; }
    same=1
    for f in manifest.json "$s.assets.json" "$s.template.json"; do
        cmp -s "$out/$f" "$exp/$s/$f" || { same=0; diff -u "$exp/$s/$f" "$out/$f" | sed -e 30q -e 's/^/# /'; }
    done
    [ $same = 1 ] && ok "$s: manifest.json, $s.assets.json, template byte-identical to aws-cdk-lib's" \
                  || notok "$s: manifest.json, $s.assets.json, template byte-identical to aws-cdk-lib's"
    if "$JQ" "$md_filter" "$out/$s.metadata.json" > "$tmp/md.json" &&
       "$JQ" . "$exp/$s/$s.metadata.json" > "$tmp/md-exp.json" && cmp -s "$tmp/md.json" "$tmp/md-exp.json" &&
       "$JQ" -S "$tree_filter" "$out/tree.json" > "$tmp/tree.json" && cmp -s "$tmp/tree.json" "$exp/$s/tree.json"; then
        ok "$s: metadata.json and tree.json equal aws-cdk-lib's (without traces and L1 props)"
    else
        diff -u "$tmp/md-exp.json" "$tmp/md.json" > "$tmp/d.txt"; diff -u "$exp/$s/tree.json" "$tmp/tree.json" >> "$tmp/d.txt"
        notok "$s: metadata.json and tree.json equal aws-cdk-lib's (without traces and L1 props)" "$tmp/d.txt"
    fi
    out2="$tmp/cli-$s"
    (cd "$conf" && "$tmp/$s" --hash-profile cdk --output "$out2") > "$tmp/$s.log" 2>&1
    if "$JQ" . "$out2/$s.template.json" > "$tmp/t1.json" && "$JQ" . "$exp/$s/cli.template.json" > "$tmp/t2.json" &&
       cmp -s "$tmp/t1.json" "$tmp/t2.json"; then
        ok "$s: default metadata (path, asset) as \`cdk synth\` writes it"
    else
        diff -u "$tmp/t2.json" "$tmp/t1.json" > "$tmp/d.txt"
        notok "$s: default metadata (path, asset) as \`cdk synth\` writes it" "$tmp/d.txt"
    fi
done

# the feature-flag report of a new `cdk init` project (userValue of each flag it sets)
(cd "$conf" && "$tmp/a-basic" --hash-profile cdk --new-project-flags --output "$tmp/rec" \
     --no-path-metadata --no-asset-metadata) > "$tmp/rec.log" 2>&1
check "--new-project-flags: manifest.json (feature-flag report with userValue) byte-identical" \
    cmp "$tmp/rec/manifest.json" "$exp/a-basic/recommended.manifest.json"

# ---- two stacks, pinned environment, shared/file/layer/image assets --------------------------
if build multi "$top_srcdir/t/assembly/multi.c"; then
    out="$tmp/asm-multi"
    (cd "$conf" && "$tmp/multi" --hash-profile cdk --output "$out" --no-path-metadata --no-asset-metadata) > "$tmp/multi.log" 2>&1
    same=1
    for f in manifest.json Alpha.assets.json Beta.assets.json Alpha.template.json Beta.template.json; do
        cmp -s "$out/$f" "$exp/multi/$f" || { same=0; diff -u "$exp/multi/$f" "$out/$f" | sed -e 30q -e 's/^/# /'; }
    done
    [ $same = 1 ] && ok "multi: two stacks (one pinned), shared, file, layer and image assets byte-identical" \
                  || notok "multi: two stacks (one pinned), shared, file, layer and image assets byte-identical" "$tmp/multi.log"
    staged=$(cd "$out" && ls -d asset.* | tr '\n' ' ')
    [ "$(echo "$staged" | wc -w)" -eq 4 ] && ok "multi: each asset staged once ($staged)" || notok "multi: each asset staged once ($staged)"
else
    notok "multi: compiles" "$tmp/multi.cc.log"; notok "multi: staged"
fi

# ---- bundling (a local bundler; no Docker) ------------------------------------------------------
if build bundling "$top_srcdir/t/assembly/bundling.c"; then
    out="$tmp/asm-bundling"
    (cd "$conf" && "$tmp/bundling" --hash-profile cdk --output "$out" --no-path-metadata --no-asset-metadata) > "$tmp/bundling.log" 2>&1
    same=1
    for f in manifest.json bund.assets.json bund.template.json; do
        cmp -s "$out/$f" "$exp/bundling/$f" || { same=0; diff -u "$exp/bundling/$f" "$out/$f" | sed -e 30q -e 's/^/# /'; }
    done
    [ $same = 1 ] && ok "bundling: hashes, single-archive output and assets.json byte-identical to aws-cdk-lib's" \
                  || notok "bundling: hashes, single-archive output and assets.json byte-identical to aws-cdk-lib's" "$tmp/bundling.log"
    check "bundling: the local command's output is the staged directory" \
        sh -c "cmp '$out'/asset.a76ae445*/index.py '$conf/fixtures/my-python-handler/index.py'"
    grep -c '^Bundling asset' "$tmp/bundling.log" > "$tmp/nb1"
    (cd "$conf" && "$tmp/bundling" --hash-profile cdk --output "$out") > "$tmp/bundling2.log" 2>&1
    check "bundling: a bundle that exists is not made again" sh -c "! grep -q '^Bundling asset' '$tmp/bundling2.log' && grep -qx 2 '$tmp/nb1'"
else
    notok "bundling: compiles" "$tmp/bundling.cc.log"; notok "bundling: staged"; notok "bundling: cached"
fi
cat > "$tmp/docker.c" <<'EOF'
#include <lambdac.h>
LC_FUNCTION(NeedsDocker, .runtime = LC_RUNTIME_PYTHON_3_12, .handler = "index.handler",
    .code = LC_CODE_FROM_ASSET("fixtures/lambda-handler", .bundling = LC_BUNDLING(
        .image = "public.ecr.aws/sam/build-python3.12",
        .command = LC_STRS("bash", "-c", "cp -au . /asset-output"))));
LC_STACK_NAMED(Stack, "needs-docker", &NeedsDocker);
LC_MAIN();
EOF
build docker "$tmp/docker.c" || notok "docker: compiles" "$tmp/docker.cc.log"
(cd "$conf" && CDK_DOCKER=lc-no-such-docker "$tmp/docker" --output "$tmp/asm-docker") > "$tmp/docker.log" 2>&1
rc=$?
[ $rc -eq 1 ] && grep -q 'needs Docker.*no Docker client.*was found' "$tmp/docker.log" \
    && ok "bundling without a Docker client: a clear error, exit 1" \
    || notok "bundling without a Docker client: a clear error, exit 1 (got $rc)" "$tmp/docker.log"
(cd "$conf" && "$tmp/docker") > "$tmp/docker-print.json" 2>&1
check "... printing the template needs no bundling (the hash is the source's)" \
    "$JQ" -e '.Resources[] | select(.Type == "AWS::Lambda::Function")' "$tmp/docker-print.json"

# ---- metadata switches ------------------------------------------------------------------------
out="$tmp/cli-a-basic"
check "aws:cdk:path and aws:asset:* on by default with --output" \
    "$JQ" -e '.Resources[] | select(.Type == "AWS::Lambda::Function") | .Metadata | has("aws:cdk:path") and has("aws:asset:path")' "$out/a-basic.template.json"
(cd "$conf" && "$tmp/a-basic" --output "$tmp/sw1" --no-path-metadata) > /dev/null 2>&1
check "--no-path-metadata keeps the asset metadata only" \
    "$JQ" -e '[.Resources[] | .Metadata // {} | has("aws:cdk:path")] | any | not' "$tmp/sw1/a-basic.template.json"
(cd "$conf" && "$tmp/a-basic" --output "$tmp/sw2" --no-asset-metadata) > /dev/null 2>&1
check "--no-asset-metadata keeps the path metadata only" \
    "$JQ" -e '.Resources[] | select(.Type == "AWS::Lambda::Function") | .Metadata | has("aws:cdk:path") and (has("aws:asset:path") | not)' "$tmp/sw2/a-basic.template.json"
(cd "$conf" && "$tmp/a-basic" --asset-metadata --path-metadata) > "$tmp/stdout.json" 2>/dev/null
check "--asset-metadata / --path-metadata also work when printing" \
    "$JQ" -e '.Resources[] | select(.Type == "AWS::Lambda::Function") | .Metadata | has("aws:cdk:path") and ."aws:asset:is-bundled" == false' "$tmp/stdout.json"
(cd "$conf" && "$tmp/a-basic") > "$tmp/plain.json" 2>/dev/null
check "no metadata when printing by default" \
    "$JQ" -e '[.Resources[] | has("Metadata")] | any | not' "$tmp/plain.json"

# ---- staged content ----------------------------------------------------------------------------
out="$tmp/cli-e-docker"
check "image assets staged as directories with their Dockerfile" \
    sh -c "ls '$out'/asset.ead12ca0*/Dockerfile '$out'/asset.58613b97*/index.js"
out="$tmp/cli-y-snapstart"
check "a .zip file asset staged as asset.<hash>.zip, same bytes" \
    cmp "$out/asset.40a6004259b00738c2f2177c2d19b9672cfadf23c1651664441245d785ae9de1.zip" "$conf/fixtures/java-handler/handler.zip"

# a private copy of the fixtures, old enough for the cache's two-second rule
work="$tmp/work"
mkdir -p "$work"
cp -R "$conf/fixtures" "$work/fixtures"
chmod -R u+w "$work"
printf 'a.txt\n*.md\n' > "$work/fixtures/docker-handler/.dockerignore"
printf 'x\n' > "$work/fixtures/docker-handler/a.txt"
printf 'y\n' > "$work/fixtures/docker-handler/README.md"
mkdir -p "$work/fixtures/my-python-handler/sub"
printf 'print(1)\n' > "$work/fixtures/my-python-handler/sub/mod.py"
ln -s ../index.py "$work/fixtures/my-python-handler/sub/link.py"
cat > "$tmp/exc.c" <<'EOF'
#include <lambdac.h>
LC_FUNCTION(Glob, .runtime = LC_RUNTIME_PYTHON_3_12, .handler = "index.handler",
    .code = LC_CODE_FROM_ASSET("fixtures/my-python-handler", .exclude = LC_STRS("*.ignore")));
LC_DOCKER_IMAGE_FUNCTION(Img, .code = LC_DOCKER_IMAGE_FROM_ASSET("fixtures/docker-handler"));
LC_STACK_NAMED(Stack, "exc", &Glob, &Img);
LC_MAIN();
EOF
build exc "$tmp/exc.c" || notok "exc: compiles" "$tmp/exc.cc.log"
sleep 2
(cd "$work" && "$tmp/exc" --output "$work/out" --verbose) > "$tmp/exc1.log" 2>&1
py=$(cd "$work/out" && "$JQ" -r '.files | to_entries[] | select(.value.displayName=="Glob/Code") | .value.source.path' exc.assets.json)
img=$(cd "$work/out" && "$JQ" -r '.dockerImages | to_entries[0].value.source.directory' exc.assets.json)
check "exclude patterns applied to the staged copy" \
    sh -c "test -f '$work/out/$py/index.py' && test -f '$work/out/$py/sub/mod.py' && test ! -e '$work/out/$py/notes.ignore'"
check "an internal symbolic link is re-created relative in the copy" \
    sh -c "test -L '$work/out/$py/sub/link.py' && test \"\$(readlink '$work/out/$py/sub/link.py')\" = ../index.py"
check ".dockerignore applied to the image context (and kept itself)" \
    sh -c "test ! -e '$work/out/$img/a.txt' && test ! -e '$work/out/$img/README.md' && test -f '$work/out/$img/.dockerignore' && test -f '$work/out/$img/Dockerfile'"
check "first run fingerprints both assets" grep -q 'assets: 2 fingerprinted, 0 from the cache; 2 staged' "$tmp/exc1.log"

# a second run: same bytes, nothing read or copied again
for f in manifest.json exc.assets.json exc.template.json exc.metadata.json tree.json; do cp "$work/out/$f" "$tmp/first.$f"; done
ino1=$(ls -di "$work/out/$py" | cut -d' ' -f1)
(cd "$work" && umask 077 && LC_ALL=C TZ=Asia/Kathmandu "$tmp/exc" --output "$work/out" --verbose) > "$tmp/exc2.log" 2>&1
same=1
for f in manifest.json exc.assets.json exc.template.json exc.metadata.json tree.json; do
    cmp -s "$work/out/$f" "$tmp/first.$f" || same=0
done
[ $same = 1 ] && ok "second run: every file byte-identical (other umask, locale, time zone)" || notok "second run: every file byte-identical"
check "second run: no asset read again (fingerprints from the cache), nothing copied" \
    grep -q 'assets: 0 fingerprinted, 2 from the cache; 0 staged, 2 already staged' "$tmp/exc2.log"
ino2=$(ls -di "$work/out/$py" | cut -d' ' -f1)
[ "$ino1" = "$ino2" ] && ok "the staged directory is left alone" || notok "the staged directory is left alone"
check "no temporary files left" sh -c "! ls -a '$work/out' | grep -q '\.tmp\.'"

# a changed asset: new hash, new staged copy
printf 'print(2)\n' >> "$work/fixtures/my-python-handler/sub/mod.py"
(cd "$work" && "$tmp/exc" --output "$work/out" --verbose) > "$tmp/exc3.log" 2>&1
py3=$(cd "$work/out" && "$JQ" -r '.files | to_entries[] | select(.value.displayName=="Glob/Code") | .value.source.path' exc.assets.json)
[ "$py3" != "$py" ] && [ -f "$work/out/$py3/sub/mod.py" ] && ok "a changed file gives a new hash and a new staged copy" \
    || notok "a changed file gives a new hash and a new staged copy" "$tmp/exc3.log"
check "... and only that asset is fingerprinted again" grep -q 'assets: 1 fingerprinted, 1 from the cache' "$tmp/exc3.log"

# a failing run leaves the previous assembly intact
for f in manifest.json exc.assets.json exc.template.json; do cp "$work/out/$f" "$tmp/before.$f"; done
cat > "$tmp/bad.c" <<'EOF'
#include <lambdac.h>
LC_FUNCTION(Glob, .runtime = LC_RUNTIME_PYTHON_3_12, .handler = "index.handler",
    .code = LC_CODE_FROM_ASSET("fixtures/does-not-exist"));
LC_FUNCTION(Bad, .runtime = LC_RUNTIME_PYTHON_3_12, .handler = "index.handler",
    .code = LC_CODE_FROM_ASSET("fixtures/my-python-handler/index.py"));
LC_STACK_NAMED(Stack, "exc", &Glob, &Bad);
LC_MAIN();
EOF
build bad "$tmp/bad.c" || notok "bad: compiles" "$tmp/bad.cc.log"
(cd "$work" && "$tmp/bad" --output "$work/out") > "$tmp/bad.log" 2>&1
rc=$?
[ $rc -eq 1 ] && ok "a stack with errors exits 1" || notok "a stack with errors exits 1 (got $rc)" "$tmp/bad.log"
check "... reporting the missing asset" grep -q 'does-not-exist' "$tmp/bad.log"
check "... and a file asset that is not an archive (CDK's AssetMustBeZipFile)" grep -q 'Asset must be a .zip file or a directory' "$tmp/bad.log"
same=1
for f in manifest.json exc.assets.json exc.template.json; do cmp -s "$work/out/$f" "$tmp/before.$f" || same=0; done
[ $same = 1 ] && ok "... and leaves the previous assembly as it was" || notok "... and leaves the previous assembly as it was"

# ... and so does a write that fails (a directory where tree.json goes)
mv "$work/out/tree.json" "$tmp/tree.saved" && mkdir "$work/out/tree.json"
printf 'print(3)\n' >> "$work/fixtures/my-python-handler/sub/mod.py"
(cd "$work" && "$tmp/exc" --output "$work/out") > "$tmp/io.log" 2>&1
rc=$?
same=1
for f in manifest.json exc.assets.json exc.template.json; do cmp -s "$work/out/$f" "$tmp/before.$f" || same=0; done
[ $rc -eq 1 ] && [ $same = 1 ] && ! ls -a "$work/out" | grep -q '\.tmp\.' \
    && ok "a failed write exits 1, replaces nothing and leaves no temporary file" \
    || notok "a failed write exits 1, replaces nothing and leaves no temporary file (rc $rc)" "$tmp/io.log"
rmdir "$work/out/tree.json" && mv "$tmp/tree.saved" "$work/out/tree.json"

# ---- --package --------------------------------------------------------------------------------
(cd "$work" && "$tmp/exc" --output "$work/pkg" --package --no-progress) > "$tmp/pkg.log" 2>&1
zp=$(cd "$work/pkg" && "$JQ" -r '.files | to_entries[] | select(.value.displayName=="Glob/Code") | .value.source | "\(.path) \(.packaging)"' exc.assets.json)
case "$zp" in
    asset.*.zip\ file) ok "--package: the directory asset is a zip file asset ($zp)" ;;
    *) notok "--package: the directory asset is a zip file asset ($zp)" "$tmp/pkg.log" ;;
esac
zfile=$(echo "$zp" | cut -d' ' -f1)
check "--package: the template's aws:asset:path names the zip" \
    "$JQ" -e --arg z "$zfile" '.Resources[] | select(.Metadata."aws:asset:path" == $z)' "$work/pkg/exc.template.json"
if command -v unzip > /dev/null 2>&1; then
    check "--package: unzip -t accepts it" unzip -tqq "$work/pkg/$zfile"
else
    ok "--package: unzip -t accepts it # SKIP unzip not installed"
fi
# the same tree written in reverse order, other umask and times, in another place
work2="$tmp/work2"
mkdir -p "$work2/fixtures/my-python-handler/sub"
(
    umask 077
    cd "$work/fixtures/my-python-handler"
    for f in $(find . -type f | sort -r); do cp "$f" "$work2/fixtures/my-python-handler/$f"; done
    ln -s ../index.py "$work2/fixtures/my-python-handler/sub/link.py"
    find "$work2" -exec touch -h -d '2001-02-03 04:05:06' {} +
)
cp -R "$work/fixtures/docker-handler" "$work2/fixtures/"
(cd "$work2" && "$tmp/exc" --output "$work2/pkg" --package --no-progress) > "$tmp/pkg2.log" 2>&1
check "--package: the same tree written another way gives the same zip bytes" cmp "$work/pkg/$zfile" "$work2/pkg/$zfile"

# an asset that contains the output directory: never copied or zipped into itself
mkdir -p "$tmp/selfdir"
printf 'exports.handler = 1;\n' > "$tmp/selfdir/index.js"
cat > "$tmp/self.c" <<'EOF'
#include <lambdac.h>
LC_FUNCTION(Self, .runtime = LC_RUNTIME_NODEJS_20_X, .handler = "index.handler",
    .code = LC_CODE_FROM_ASSET("."));
LC_STACK_NAMED(Stack, "self", &Self);
LC_MAIN();
EOF
if build self "$tmp/self.c"; then
    (cd "$tmp/selfdir" && "$tmp/self" --output cdk.out && "$tmp/self" --output cdk.out --package --no-progress) > "$tmp/self.log" 2>&1
    rc=$?
    [ $rc -eq 0 ] && ! ls -d "$tmp/selfdir/cdk.out"/asset.*/cdk.out > /dev/null 2>&1 \
        && ! unzip -Z1 "$(ls "$tmp/selfdir/cdk.out"/asset.*.zip | head -1)" 2> /dev/null | grep -q '^cdk.out/' \
        && ok "an asset directory holding the output directory: copy and zip leave it out" \
        || notok "an asset directory holding the output directory: copy and zip leave it out" "$tmp/self.log"
else
    notok "self: compiles" "$tmp/self.cc.log"
fi

# ---- the examples' assemblies -----------------------------------------------------------------
for e in assets docker-image; do
    bin="$top_builddir/examples/$e"
    if [ -x "$bin" ] && (cd "$top_srcdir/examples" && "$bin" --output "$tmp/ex-$e") > "$tmp/ex.log" 2>&1 &&
       "$JQ" -e '.artifacts | length == 4' "$tmp/ex-$e/manifest.json" > /dev/null; then
        ok "examples/$e writes an assembly"
    else
        notok "examples/$e writes an assembly" "$tmp/ex.log"
    fi
done
check "examples/assets: layer, directory and zip assets staged" \
    sh -c "ls -d '$tmp/ex-assets'/asset.* | wc -l | grep -qx 4"
echo "1..$n"
exit 0
