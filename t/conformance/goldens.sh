#!/bin/sh
# goldens.sh - re-synthesize the CDK goldens of the conformance suite (needs node + the
# pinned aws-cdk-lib; `make goldens` installs it with `npm ci` first).
#
#   t/conformance/goldens.sh [-m NODE_MODULES_DIR] [scenario ...]
#
# For every twin t/conformance/<scenario>.js (default: all, except _*.js) this runs
#   node <scenario>.js                          -> expected/<scenario>.template.json
#   CDK_ORACLE_RECOMMENDED=1 node <scenario>.js -> expected-recommended/<scenario>.template.json
# and, when no scenario is named, the probe of invalid configurations
#   node _errors-extra.js                       -> errors-extra.json
# (errors.json is a copy of the oracle's expected/errors.json, written by its
# apps/_errors.js; it is not regenerated here.)
# Each twin declares one stack named <scenario>; the template is copied byte for byte from
# the cloud assembly CDK writes (CDK_OUTDIR, a temporary directory).
# NODE (default: node) picks the interpreter.  NODE_MODULES_DIR (default:
# t/conformance/node_modules next to this script) is put on NODE_PATH, so a VPATH build can
# keep its node_modules in the build tree.
set -eu

here=$(cd "$(dirname "$0")" && pwd)
modules="$here/node_modules"
if [ "${1-}" = "-m" ]; then
    [ $# -ge 2 ] || { echo "usage: $0 [-m NODE_MODULES_DIR] [scenario ...]" >&2; exit 2; }
    modules=$2
    shift 2
fi
NODE=${NODE:-node}
if [ ! -d "$modules/aws-cdk-lib" ]; then
    echo "goldens.sh: no aws-cdk-lib in $modules (run 'make goldens', or 'npm ci' in t/conformance)" >&2
    exit 1
fi
modules=$(cd "$modules" && pwd)
NODE_PATH="$modules${NODE_PATH:+:$NODE_PATH}"
export NODE_PATH

probes=""
if [ $# -eq 0 ]; then
    probes="_errors-extra"
    for f in "$here"/*.js; do
        f=${f##*/}
        case "$f" in _*) ;; *) set -- "$@" "${f%.js}" ;; esac
    done
fi

tmp=$(mktemp -d "${TMPDIR:-/tmp}/lc-goldens.XXXXXX")
trap 'rm -rf "$tmp"' EXIT INT TERM
mkdir -p "$here/expected" "$here/expected-recommended"

failed=""
n=0
for s in "$@"; do
    s=${s%.js}
    if [ ! -f "$here/$s.js" ]; then
        echo "goldens.sh: no twin $here/$s.js" >&2
        failed="$failed $s"
        continue
    fi
    for mode in expected expected-recommended; do
        out="$tmp/$mode/$s"
        rm -rf "$out"
        mkdir -p "$tmp/$mode"
        if [ "$mode" = expected-recommended ]; then rec=1; else rec=; fi
        if ! (cd "$here" && CDK_ORACLE_QUIET=1 CDK_OUTDIR="$out" CDK_ORACLE_RECOMMENDED="$rec" \
                "$NODE" "./$s.js") >"$tmp/$mode-$s.log" 2>&1; then
            echo "FAIL  $s [$mode]:" >&2
            sed 's/^/    /' "$tmp/$mode-$s.log" >&2
            failed="$failed $s"
            continue
        fi
        if [ ! -f "$out/$s.template.json" ]; then
            echo "FAIL  $s [$mode]: no $s.template.json in the assembly (stack id must be '$s')" >&2
            failed="$failed $s"
            continue
        fi
        cp -f "$out/$s.template.json" "$here/$mode/$s.template.json"
    done
    n=$((n + 1))
    echo "ok    $s"
done
echo "goldens: $n scenario(s) synthesized"
for p in $probes; do
    if (cd "$here" && "$NODE" "./$p.js") >"$tmp/$p.log" 2>&1; then
        echo "ok    $p.js"
    else
        echo "FAIL  $p.js:" >&2
        sed 's/^/    /' "$tmp/$p.log" >&2
        failed="$failed $p.js"
    fi
done
if [ -n "$failed" ]; then
    echo "goldens: failed:$failed" >&2
    exit 1
fi
