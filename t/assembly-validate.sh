#!/bin/sh
# t/assembly-validate.sh - TAP: the oracle's offline validator accepts lambdac's cloud
# assemblies: `validate.sh --assembly DIR` (schema of manifest.json and *.assets.json,
# referenced files, `cdk ls`, `cdk synth`, cdk-assets, template checks) and
# `cdk diff --app DIR --template DIR/<Stack>.template.json` (no differences).
#
# Needs the validator with its npm packages installed (a copy of the oracle's validate/
# folder after `npm ci`); set LC_VALIDATE_DIR to it.  Without it the test is skipped
# (exit 77): `make check` never needs the network.
#     cp -r .../oracle/validate /some/where && (cd /some/where && npm ci)
#     make check LC_VALIDATE_DIR=/some/where   # or: LC_VALIDATE_DIR=... sh t/assembly-validate.sh
set -u
: "${top_srcdir:=$(cd "$(dirname "$0")/.." && pwd)}"
: "${top_builddir:=$top_srcdir}"
: "${CC:=cc}"
: "${LC_TEST_CFLAGS:=-std=c11 -I$top_srcdir/include -I$top_builddir/include -I$top_builddir}"
: "${LC_TEST_LIBS:=$top_builddir/.libs/liblambdac.a -lxxhash -lz -lmd}"
: "${LC_VALIDATE_DIR:=}"

v="$LC_VALIDATE_DIR"
if [ -z "$v" ] || [ ! -x "$v/validate.sh" ] || [ ! -x "$v/node_modules/.bin/cdk" ]; then
    echo "1..0 # SKIP no validator (set LC_VALIDATE_DIR to an installed copy of oracle/validate)"
    # 77 is automake's skip status; under the TAP driver (which exports AM_TAP_AWK) the
    # SKIP plan says it, and a non-zero status would be an error
    [ -n "${AM_TAP_AWK:-}" ] && exit 0
    exit 77
fi

tmp=$(mktemp -d "${TMPDIR:-/tmp}/lc-validate.XXXXXX") || exit 99
trap 'rm -rf "$tmp"' EXIT
trap 'exit 130' INT TERM

n=0
result() { # result NAME LOG STATUS
    n=$((n + 1))
    if [ "$3" -eq 0 ]; then echo "ok $n - $1"; else echo "not ok $n - $1"; sed -e 60q -e 's/^/# /' "$2"; fi
}

# assembly DIR NAME: validate.sh --assembly, then cdk diff of every stack against itself
assembly() {
    dir=$1 name=$2
    "$v/validate.sh" --assembly "$dir" > "$tmp/v.log" 2>&1
    vrc=$?
    result "$name: validate.sh --assembly ($(tail -1 "$tmp/v.log"))" "$tmp/v.log" $vrc
    rc=0
    : > "$tmp/diff.log"
    for t in "$dir"/*.template.json; do
        s=$(basename "$t" .template.json)
        (cd "$tmp" && env CDK_HOME="$tmp/cdk-home" CDK_DISABLE_CLI_TELEMETRY=true \
             AWS_EC2_METADATA_DISABLED=true CDK_DISABLE_VERSION_CHECK=1 \
             "$v/node_modules/.bin/cdk" diff --app "$dir" --no-notices --fail --template "$t" "$s") \
             >> "$tmp/diff.log" 2>&1 || rc=1
    done
    result "$name: cdk diff --template finds no differences" "$tmp/diff.log" $rc
}

for e in assets docker-image hello; do
    out="$tmp/ex-$e"
    (cd "$top_srcdir/examples" && "$top_builddir/examples/$e" --output "$out") > "$tmp/run.log" 2>&1
    assembly "$out" "examples/$e"
done
(cd "$top_srcdir/examples" && "$top_builddir/examples/assets" --output "$tmp/ex-pkg" --package) > "$tmp/run.log" 2>&1
assembly "$tmp/ex-pkg" "examples/assets --package"

# the multi-stack twin (a pinned stack, image asset build options)
# shellcheck disable=SC2086
if $CC $LC_TEST_CFLAGS -o "$tmp/multi" "$top_srcdir/t/assembly/multi.c" $LC_TEST_LIBS > "$tmp/cc.log" 2>&1; then
    (cd "$top_srcdir/t/conformance" && "$tmp/multi" --hash-profile cdk --output "$tmp/multi-out") > "$tmp/run.log" 2>&1
    assembly "$tmp/multi-out" "t/assembly/multi"
else
    result "t/assembly/multi compiles" "$tmp/cc.log" 1
fi
echo "1..$n"
exit 0
