#!/bin/bash
# run.sh - `make bench`: lambdac against aws-cdk-lib, side by side, on this machine.
#
# Called by bench/local.mk with the build's compiler and paths in the environment:
#   BENCH_SRCDIR BENCH_BUILDDIR CC BENCH_CPPFLAGS BENCH_CFLAGS BENCH_LIBA BENCH_LIBS JQ
# Knobs (environment):
#   BENCH_ROUNDS=3         rounds; each round runs every command of a section once more
#                          (lambdac and CDK alternate round by round; medians over all rounds)
#   BENCH_QUICK=1          1 round, fewest runs, 20 MiB tree: a smoke test (~2 min)
#   BENCH_ONLY="synth scale edit assets check callgrind"   sections to run
#   BENCH_NODE_MODULES=DIR reuse an existing install of the pinned oracle instead of `npm ci`
#   BENCH_TREE_MIB=100     size of the generated asset tree
#   BENCH_RESULTS_DIR=DIR  where <date>.md is copied (default: $BENCH_SRCDIR/bench/results;
#                          full runs only, not BENCH_QUICK or BENCH_ONLY ones)
# Everything is written below $BENCH_BUILDDIR/bench/: oracle/ (npm install, the JS apps,
# the asset tree; every command runs with this as its working directory), bin/ (the C
# programs, compiled before any timing), raw/ (hyperfine JSON, peak RSS, versions),
# results.md.  Needs hyperfine, valgrind, GNU time, node + npm, jq (installs the first three
# with apt-get when missing and running as root).
set -euo pipefail

: "${BENCH_SRCDIR:?run through make bench}" "${BENCH_BUILDDIR:?}" "${CC:?}" "${BENCH_LIBA:?}"
BENCH_CPPFLAGS=${BENCH_CPPFLAGS:-}
BENCH_CFLAGS=${BENCH_CFLAGS:--O2}
BENCH_LIBS=${BENCH_LIBS:-}
JQ=${JQ:-jq}
ROUNDS=${BENCH_ROUNDS:-3}
QUICK=${BENCH_QUICK:-0}
ONLY=${BENCH_ONLY:-synth scale edit assets check callgrind}
TREE_MIB=${BENCH_TREE_MIB:-100}
MULTI_S=10 MULTI_PER=100
if [ "$QUICK" = 1 ]; then
    ROUNDS=1
    TREE_MIB=${BENCH_TREE_MIB:-20}
fi
# runs per round: fast (lambdac, C references) and slow (node) commands
FAST_RUNS=$((QUICK == 1 ? 5 : 20))
SLOW_RUNS=1

S=$BENCH_SRCDIR
B=$BENCH_BUILDDIR/bench
O=$B/oracle
BIN=$B/bin
RAW=$B/raw
T0=$(date +%s)
LOAD0=$(cut -d' ' -f1-3 /proc/loadavg)

say() { printf 'bench: %s\n' "$*" >&2; }
die() { say "error: $*"; exit 1; }
want() { case " $ONLY " in *" $1 "*) return 0 ;; esac; return 1; }

# ---- tools ---------------------------------------------------------------------------
missing=""
command -v hyperfine >/dev/null || missing="$missing hyperfine"
command -v valgrind >/dev/null || missing="$missing valgrind"
[ -x /usr/bin/time ] || missing="$missing time"
if [ -n "$missing" ]; then
    if [ "$(id -u)" = 0 ] && command -v apt-get >/dev/null; then
        say "installing$missing (apt-get)"
        apt-get update -qq >/dev/null && apt-get install -y -qq $missing >/dev/null ||
            die "apt-get install$missing failed"
    else
        die "missing$missing: apt-get install$missing"
    fi
fi
NEED_NODE=0
for sec in synth scale edit assets check; do want $sec && NEED_NODE=1; done
command -v node >/dev/null || die "needs node (the report is written by bench/report.js)"
if [ "$NEED_NODE" = 1 ]; then
    for t in npm "$JQ"; do command -v "$t" >/dev/null || die "needs $t"; done
fi

mkdir -p "$O" "$BIN" "$RAW"
rm -f "$RAW"/*.json "$RAW"/*.tsv "$RAW"/*.txt "$RAW"/*.log
: >"$RAW/failed.tsv"

# ---- the pinned oracle ----------------------------------------------------------------
if [ "$NEED_NODE" = 1 ]; then
cp "$S/bench/oracle/package.json" "$S/bench/oracle/package-lock.json" "$O/"
if [ ! -f "$O/node_modules/aws-cdk-lib/package.json" ]; then
    if [ -n "${BENCH_NODE_MODULES:-}" ]; then
        [ -f "$BENCH_NODE_MODULES/aws-cdk-lib/package.json" ] ||
            die "BENCH_NODE_MODULES=$BENCH_NODE_MODULES has no aws-cdk-lib"
        rm -rf "$O/node_modules"
        ln -s "$BENCH_NODE_MODULES" "$O/node_modules"
    else
        say "installing the pinned aws-cdk-lib + aws-cdk CLI (npm ci in $O)"
        (cd "$O" && npm ci --no-audit --no-fund --loglevel=error) >"$RAW/npm.log" 2>&1 ||
            { cat "$RAW/npm.log" >&2; die "npm ci failed"; }
    fi
fi
cp "$S"/bench/apps/*.js "$O/"
mkdir -p "$O/home"
fi
rm -rf "$O/lambda-handler"
cp -R "$S/examples/lambda-handler" "$O/lambda-handler"

# ---- C programs: compiled here, never inside a timed region ---------------------------
# The library as a user links it.  While runtime/assets/ is not yet part of liblambdac
# (lc_asset_fingerprint undefined), the benchmark adds those objects to its own copy.
LIBA=$BIN/liblambdac-bench.a
cp "$BENCH_LIBA" "$LIBA"
syms=$(nm -g "$LIBA" 2>/dev/null || true)
if ! printf '%s\n' "$syms" | grep -q ' T lc_asset_fingerprint$'; then
    say "liblambdac has no lc_asset_fingerprint: adding runtime/assets/*.c to the bench copy"
    objs=""
    for f in "$S"/runtime/assets/*.c; do
        o=$BIN/asset-$(basename "$f" .c).o
        $CC $BENCH_CPPFLAGS -I"$S/runtime" $BENCH_CFLAGS -c "$f" -o "$o"
        objs="$objs $o"
    done
    ar rs "$LIBA" $objs 2>/dev/null
    echo "runtime/assets/*.c were not in liblambdac.a; compiled into the bench copy" >"$RAW/note-assets.txt"
fi
cc_stack() { # cc_stack SRC OUT [extra flags]: compile + link a stack the way a user does
    local src=$1 out=$2
    shift 2
    $CC $BENCH_CPPFLAGS $BENCH_CFLAGS "$@" "$src" "$LIBA" $BENCH_LIBS -o "$out"
}
say "compiling the C stacks and tools"
cc_stack "$S/examples/hello.c" "$BIN/hello"
if cc_stack "$S/examples/hello.c" "$BIN/hello-static" -static 2>/dev/null; then :; else rm -f "$BIN/hello-static"; fi
cc_stack "$S/bench/asset-stack.c" "$BIN/asset-stack"
cc_stack "$S/bench/fp.c" "$BIN/fp"
$CC -std=c11 -O2 "$S/bench/mktree.c" -o "$BIN/mktree"
RAWREF_FLAGS=""
RAWREF_LIBS=""
if printf '#include <openssl/evp.h>\nint main(void){return !EVP_sha256();}\n' |
    $CC -x c - -lcrypto -o "$BIN/.ossl-probe" 2>/dev/null; then
    RAWREF_FLAGS="-DHAVE_OPENSSL"
    RAWREF_LIBS="-lcrypto"
fi
rm -f "$BIN/.ossl-probe"
$CC $BENCH_CPPFLAGS -std=c11 -O2 $RAWREF_FLAGS "$S/bench/rawref.c" $BENCH_LIBS $RAWREF_LIBS -o "$BIN/rawref"
cp "$S/bench/edit.c" "$O/edit.c"
# lambdac's deterministic zip writer, when the library has it
ZIPDIR=""
if printf '%s\n' "$syms" | grep -q ' T lc_zip_dir$' && [ -f "$S/include/lambdac/zip.h" ]; then
    cc_stack "$S/bench/zipdir.c" "$BIN/zipdir" && ZIPDIR=$BIN/zipdir
fi
# Grants in the scale stacks once LC_GRANT_INVOKE exists (and compiles and runs here).
GRANTS=""
if grep -q 'define LC_GRANT_INVOKE(' "$S/include/lambdac/access.h" 2>/dev/null; then
    sh "$S/bench/gen-stack.sh" 1 2 grants >"$O/grants-probe.c"
    if cc_stack "$O/grants-probe.c" "$BIN/grants-probe" 2>"$RAW/grants-probe.log" &&
        "$BIN/grants-probe" --hash-profile cdk >/dev/null 2>>"$RAW/grants-probe.log"; then
        GRANTS=grants
    else
        printf 'grants\tLC_GRANT_INVOKE is declared but a stack using it does not build or run: %s\n' \
            "$(grep -m1 -i error "$RAW/grants-probe.log")" >>"$RAW/failed.tsv"
    fi
fi
# resources per function: Role, Function, Version (+ Permission); the largest N under
# CDK's default limit of 500 resources per stack (lambdac has no way to lift it yet)
PER_FN=3
[ -n "$GRANTS" ] && PER_FN=4
NMAX=$((500 / PER_FN))
SCALE_NS="1 10 100 $NMAX 200"
SCALE_GRANTS=$([ -n "$GRANTS" ] && echo 1 || echo 0)
for n in $SCALE_NS; do
    sh "$S/bench/gen-stack.sh" 1 "$n" $GRANTS >"$O/scale$n.c"
    cc_stack "$O/scale$n.c" "$BIN/scale$n"
done
sh "$S/bench/gen-stack.sh" "$MULTI_S" "$MULTI_PER" $GRANTS >"$O/multi.c"
cc_stack "$O/multi.c" "$BIN/multi"

# lambdac-check, when the tree has it
CHECK=""
for c in "$BENCH_BUILDDIR/tools/lambdac-check" "$BENCH_BUILDDIR/lambdac-check"; do
    [ -x "$c" ] && CHECK=$c && break
done

# ---- bookkeeping ------------------------------------------------------------------------
echo "$SCALE_GRANTS" >"$RAW/grants.txt"
CMDS=$RAW/commands.tsv
: >"$CMDS"
# hf GROUP ROUND RUNS WARMUP [hyperfine options...] -- NAME CMD [NAME CMD ...]
hf() {
    local group=$1 round=$2 runs=$3 warm=$4
    shift 4
    local opts=()
    while [ "$1" != "--" ]; do opts+=("$1"); shift; done
    shift
    local args=()
    while [ $# -gt 0 ]; do
        args+=(-n "$1" "$2")
        [ "$round" = 1 ] && printf '%s\t%s\t%s\n' "$group" "$1" "$2" >>"$CMDS"
        shift 2
    done
    say "  $group (round $round)"
    if ! (cd "$O" && hyperfine --style none --runs "$runs" --warmup "$warm" "${opts[@]}" \
        --export-json "$RAW/$group.r$round.json" "${args[@]}") >"$RAW/$group.r$round.log" 2>&1; then
        say "  $group: hyperfine failed (see $RAW/$group.r$round.log)"
        tail -5 "$RAW/$group.r$round.log" >&2
    fi
}
# rss NAME REPS CMD...: peak RSS (KiB, GNU time %M), median of REPS runs -> raw/rss.tsv
rss() {
    local name=$1 reps=$2
    shift 2
    local v=()
    for _ in $(seq "$reps"); do
        (cd "$O" && /usr/bin/time -f %M -o "$RAW/.rss" "$@" >/dev/null 2>&1) || true
        v+=("$(tail -1 "$RAW/.rss")")
    done
    printf '%s\t%s\n' "$name" "$(printf '%s\n' "${v[@]}" | sort -n | sed -n "$(((reps + 1) / 2))p")" >>"$RAW/rss.tsv"
}
# ok NAME CMD...: does the command succeed?  Records the first error line if not.
ok() {
    local name=$1
    shift
    if (cd "$O" && "$@" >/dev/null 2>"$RAW/.err"); then return 0; fi
    printf '%s\t%s\n' "$name" "$(grep -m1 ': error: ' "$RAW/.err" || grep -m1 -i 'error' "$RAW/.err" || head -1 "$RAW/.err")" >>"$RAW/failed.tsv"
    return 1
}
: >"$RAW/rss.tsv"
: >"$RAW/checks.tsv"
check() { printf '%s\t%s\n' "$1" "$2" >>"$RAW/checks.tsv"; }

LCV="--hash-profile cdk"
NODE_OFF="env CDK_VALIDATION=false"
SG="SCALE_GRANTS=$SCALE_GRANTS"
CLI_FLAGS="-q --no-version-reporting --no-path-metadata --no-asset-metadata --no-notices"

# ---- same templates? (not timed) ---------------------------------------------------------
if [ "$NEED_NODE" = 1 ]; then
say "checking that both sides synthesize the same templates"
same() { # same NAME OURS CDK
    if diff <("$JQ" -S -f "$S/bench/normalize.jq" "$2") <("$JQ" -S -f "$S/bench/normalize.jq" "$3") >/dev/null 2>&1; then
        check "$1" same
    else
        check "$1" DIFFERENT
    fi
}
(cd "$O" && rm -rf cdk.out.node && env CDK_VALIDATION=false CDK_OUTDIR=cdk.out.node node hello.js) 2>>"$RAW/stderr.log"
(cd "$O" && "$BIN/hello" $LCV >"$RAW/hello.template.json") 2>>"$RAW/stderr.log" || true
same "basic stack (hello.c vs hello.js)" "$RAW/hello.template.json" "$O/cdk.out.node/HelloStack.template.json"
(cd "$O" && rm -rf cdk.out.v10 && env CDK_VALIDATION=false SCALE_GRANTS=$SCALE_GRANTS SCALE_N=10 CDK_OUTDIR=cdk.out.v10 node scale.js) 2>>"$RAW/stderr.log"
(cd "$O" && "$BIN/scale10" $LCV >"$RAW/scale10.template.json") 2>>"$RAW/stderr.log" || true
same "scale N=10" "$RAW/scale10.template.json" "$O/cdk.out.v10/Scale.template.json"
fi

# ---- 1. synth of the basic stack -----------------------------------------------------------
if want synth; then
    say "1. basic synth"
    for r in $(seq "$ROUNDS"); do
        set -- "lambdac hello (native)" "$BIN/hello" \
            "lambdac hello --hash-profile cdk" "$BIN/hello $LCV" \
            "lambdac hello --hash-profile cdk --output" "$BIN/hello $LCV --output lc.out"
        [ -x "$BIN/hello-static" ] && set -- "$@" "lambdac hello --hash-profile cdk, static link" "$BIN/hello-static $LCV"
        hf synth-lc "$r" "$FAST_RUNS" 5 -N -- "$@"
        hf synth-cdk "$r" "$SLOW_RUNS" $((r == 1 ? 1 : 0)) -N -- \
            "node hello.js, validation off" "$NODE_OFF CDK_OUTDIR=cdk.out.node node hello.js" \
            "node hello.js, validation on" "env CDK_OUTDIR=cdk.out.node node hello.js" \
            "cdk synth, validation off" "$NODE_OFF npx cdk synth --app 'node hello.js' $CLI_FLAGS -o cdk.out.cli" \
            "cdk synth, validation on" "npx cdk synth --app 'node hello.js' $CLI_FLAGS -o cdk.out.cli" \
            "node: require aws-cdk-lib/aws-lambda only" "node -e \"require('aws-cdk-lib/aws-lambda')\""
    done
    rss "lambdac hello --hash-profile cdk" 3 "$BIN/hello" --hash-profile cdk
    rss "node hello.js, validation off" 3 env CDK_VALIDATION=false CDK_OUTDIR=cdk.out.node node hello.js
    rss "node hello.js, validation on" 1 env CDK_OUTDIR=cdk.out.node node hello.js
fi

# ---- 2. scale ----------------------------------------------------------------------------
if want scale; then
    say "2. scale"
    lc=() cdk=() lc_ns=""
    for n in $SCALE_NS; do
        if ok "lambdac scale N=$n" "$BIN/scale$n" $LCV; then
            lc+=("lambdac scale N=$n" "$BIN/scale$n $LCV")
            lc_ns="$lc_ns $n"
        fi
        cdk+=("node scale.js N=$n" "$NODE_OFF $SG SCALE_N=$n CDK_OUTDIR=cdk.out.scale$n node scale.js")
    done
    lc+=("lambdac scale N=100 (native)" "$BIN/scale100")
    ok "lambdac multi ${MULTI_S}x$MULTI_PER" "$BIN/multi" $LCV --output lc.multi &&
        lc+=("lambdac multi ${MULTI_S}x$MULTI_PER" "$BIN/multi $LCV --output lc.multi")
    cdk+=("node scale-multi.js ${MULTI_S}x$MULTI_PER" "$NODE_OFF $SG SCALE_S=$MULTI_S SCALE_PER_STACK=$MULTI_PER CDK_OUTDIR=cdk.out.multi node scale-multi.js")
    cdk+=("node scale.js N=100, validation on" "env $SG SCALE_N=100 CDK_OUTDIR=cdk.out.scale100v node scale.js")
    for r in $(seq "$ROUNDS"); do
        hf scale-lc "$r" "$FAST_RUNS" 3 -N -- "${lc[@]}"
        hf scale-cdk "$r" "$SLOW_RUNS" $((r == 1 ? 1 : 0)) -N -- "${cdk[@]}"
    done
    same "multi ${MULTI_S}x$MULTI_PER, stack Scale0" "$O/lc.multi/Scale0.template.json" "$O/cdk.out.multi/Scale0.template.json"
    for n in $lc_ns; do
        rss "lambdac scale N=$n" 3 "$BIN/scale$n" --hash-profile cdk
    done
    for n in $SCALE_NS; do
        rss "node scale.js N=$n" 1 env CDK_VALIDATION=false $SG SCALE_N="$n" CDK_OUTDIR=cdk.out.scale$n node scale.js
    done
    rss "lambdac multi ${MULTI_S}x$MULTI_PER" 3 "$BIN/multi" --hash-profile cdk --output lc.multi
    rss "node scale-multi.js ${MULTI_S}x$MULTI_PER" 1 env CDK_VALIDATION=false $SG SCALE_S=$MULTI_S SCALE_PER_STACK=$MULTI_PER CDK_OUTDIR=cdk.out.multi node scale-multi.js
fi

# ---- 3. edit-to-template loop ----------------------------------------------------------------
if want edit; then
    say "3. edit-to-template loop"
    # the one-line change: toggle the timeout 10 <-> 11 before every run
    tog_c="sed -i -e 's/LC_SECONDS(10)/LC_SECONDS(1X)/;s/LC_SECONDS(11)/LC_SECONDS(10)/;s/LC_SECONDS(1X)/LC_SECONDS(11)/' edit.c"
    tog_js="sed -i -e 's/seconds(10)/seconds(1X)/;s/seconds(11)/seconds(10)/;s/seconds(1X)/seconds(11)/' edit-app.js"
    # scale100.c: Fn0's inline code returns 0 <-> -1
    tog_100="sed -i -e 's/=> 0;/=> -1;/;t' -e 's/=> -1;/=> 0;/' scale100.c"
    ccl="$CC $BENCH_CPPFLAGS -std=c11"
    link="$LIBA $BENCH_LIBS"
    for r in $(seq "$ROUNDS"); do
        hf edit-lc "$r" $((FAST_RUNS / 4)) 2 -- \
            "lambdac: cc -O0 + link + run" "$tog_c && $ccl edit.c $link -o edit.bin && ./edit.bin $LCV > /dev/null" \
            "lambdac: cc -O2 + link + run" "$tog_c && $ccl -O2 edit.c $link -o edit.bin && ./edit.bin $LCV > /dev/null" \
            "lambdac N=100: cc -O0 + link + run" "$tog_100 && $ccl scale100.c $link -o edit100.bin && ./edit100.bin $LCV > /dev/null"
        hf edit-cdk "$r" "$SLOW_RUNS" $((r == 1 ? 1 : 0)) -- \
            "CDK: node edit-app.js, validation off" "$tog_js && CDK_VALIDATION=false CDK_OUTDIR=cdk.out.edit node edit-app.js" \
            "CDK: cdk synth, validation on" "$tog_js && npx cdk synth --app 'node edit-app.js' $CLI_FLAGS -o cdk.out.editcli"
    done
fi

# ---- 4. assets -------------------------------------------------------------------------------
if want assets; then
    say "4. assets: a ${TREE_MIB} MiB tree"
    if [ ! -f "$O/.tree-mib-$TREE_MIB" ]; then
        rm -rf "$O/tree" "$O"/.tree-mib-*
        "$BIN/mktree" "$O/tree" "$TREE_MIB" >/dev/null
        : >"$O/.tree-mib-$TREE_MIB"
    fi
    printf '%s files, %s bytes\n' "$(find "$O/tree" -type f | wc -l)" \
        "$(find "$O/tree" -type f -printf '%s\n' | awk '{s += $1} END {print s}')" >"$RAW/tree.txt"
    h1=$(cd "$O" && "$BIN/fp" cdk tree 2>>"$RAW/stderr.log")
    h2=$(cd "$O" && HOME=$O/home node fingerprint.js tree 2>>"$RAW/stderr.log")
    [ "$h1" = "$h2" ] && check "asset fingerprint, ${TREE_MIB} MiB tree (cdk profile vs FileSystem.fingerprint)" same ||
        check "asset fingerprint, ${TREE_MIB} MiB tree (cdk profile vs FileSystem.fingerprint)" "DIFFERENT ($h1 vs $h2)"
    refs=("raw: read every file" "$BIN/rawref read tree"
        "raw: SHA-256 (libmd) of every file" "$BIN/rawref sha256 tree"
        "raw: XXH3-128 of every file" "$BIN/rawref xxh3 tree")
    [ -n "$RAWREF_FLAGS" ] && refs+=("raw: SHA-256 (OpenSSL) of every file" "$BIN/rawref sha256-openssl tree")
    zipper=()
    [ -n "$ZIPDIR" ] && zipper+=("lambdac lc_zip_dir, all cores" "$ZIPDIR tree tree.lc.zip"
        "lambdac lc_zip_dir, 1 thread" "$ZIPDIR -t 1 tree tree.lc.zip")
    if "$BIN/asset-stack" --help 2>&1 | grep -q -- '--package'; then
        zipper+=("lambdac synth --output --package (fingerprint + zip), cdk profile"
            "sh -c 'rm -rf lc.asset && exec $BIN/asset-stack $LCV --no-progress --output lc.asset --package'"
            "lambdac synth --output --package, warm (outdir kept, tree unchanged)"
            "$BIN/asset-stack $LCV --no-progress --output lc.asset.warm --package")
    fi
    [ -z "$ZIPDIR" ] && ! "$BIN/asset-stack" --help 2>&1 | grep -q -- '--package' &&
        printf 'lambdac zip\tno lc_zip_dir / --package in this build (runtime/zip.c not landed)\n' >>"$RAW/failed.tsv"
    for r in $(seq "$ROUNDS"); do
        hf assets-lc "$r" $((QUICK == 1 ? 2 : 3)) 1 -N -- \
            "lambdac fingerprint, cdk profile" "$BIN/fp cdk tree" \
            "lambdac fingerprint, native profile" "$BIN/fp native tree" \
            "lambdac synth with the asset, cdk profile" "$BIN/asset-stack $LCV" \
            "lambdac synth with the asset, native profile" "$BIN/asset-stack" \
            "${refs[@]}"
        hf assets-cdk "$r" "$SLOW_RUNS" $((r == 1 ? 1 : 0)) -N -- \
            "CDK FileSystem.fingerprint, cold cache" "sh -c 'rm -rf home-cold/.cdk && HOME=home-cold exec node fingerprint.js tree'" \
            "CDK FileSystem.fingerprint, warm cache" "env HOME=home node fingerprint.js tree" \
            "node scale-asset.js, validation off (fingerprint + copy, cold)" "sh -c 'rm -rf cdk.out.asset home-cold/.cdk && HOME=home-cold CDK_VALIDATION=false SCALE_ASSET_DIR=tree CDK_OUTDIR=cdk.out.asset exec node scale-asset.js'" \
            "node scale-asset.js, validation off, warm (cache + staged copy kept)" "env HOME=home CDK_VALIDATION=false SCALE_ASSET_DIR=tree CDK_OUTDIR=cdk.out.asset.warm node scale-asset.js"
        hf zip "$r" "$SLOW_RUNS" $((r == 1 ? 1 : 0)) -N -- \
            "cdk-assets zipDirectory (yazl)" "node zip.js tree tree.cdk.zip" \
            "node zip.js --load-only (its fixed cost)" "node zip.js --load-only" \
            "raw: zlib deflate -6 + CRC-32, 1 thread" "$BIN/rawref deflate tree" \
            ${zipper[@]+"${zipper[@]}"}
    done
    rss "lambdac fingerprint, cdk profile" 3 "$BIN/fp" cdk tree
    rss "CDK FileSystem.fingerprint, cold cache" 1 sh -c 'rm -rf home-cold/.cdk && HOME=home-cold exec node fingerprint.js tree'
    rss "cdk-assets zipDirectory (yazl)" 1 node zip.js tree tree.cdk.zip
    [ -n "$ZIPDIR" ] && rss "lambdac lc_zip_dir, all cores" 1 "$ZIPDIR" tree tree.lc.zip
    [ -n "$ZIPDIR" ] && ls -l "$O/tree.lc.zip" | awk '{print $5}' >"$RAW/lc-zip-size.txt"
    ls -l "$O/tree.cdk.zip" | awk '{print $5}' >"$RAW/zip-size.txt"
fi

# ---- 5. static checking / validation -----------------------------------------------------------
if want check; then
    say "5. template validation"
    (cd "$O" && rm -rf lc.multi && "$BIN/multi" $LCV --output lc.multi && "$BIN/scale100" $LCV >scale100.template.json &&
        cp "$RAW/hello.template.json" hello.template.json) 2>>"$RAW/stderr.log"
    lcchk=()
    if [ -n "$CHECK" ]; then
        lcchk=("lambdac-check hello.c" "$CHECK $S/examples/hello.c"
            "lambdac-check scale N=100 source" "$CHECK scale100.c"
            "lambdac-check multi ${MULTI_S}x$MULTI_PER source" "$CHECK multi.c")
    else
        printf 'lambdac-check\tnot built in this tree (tools/lambdac-check not landed)\n' >>"$RAW/failed.tsv"
    fi
    {
        for f in "$S/examples/hello.c" "$O/scale100.c" "$O/multi.c"; do
            printf '%s\t%s bytes, %s lines\n' "$(basename "$f")" "$(wc -c <"$f")" "$(wc -l <"$f")"
        done
        [ -n "$CHECK" ] && (cd "$O" && "$CHECK" multi.c >/dev/null 2>"$RAW/check-multi.txt"; echo "exit	$?")
    } >"$RAW/check-sizes.tsv"
    for r in $(seq "$ROUNDS"); do
        [ ${#lcchk[@]} -gt 0 ] && hf check-lc "$r" "$FAST_RUNS" 2 -N -i -- "${lcchk[@]}"
        hf check-cdk "$r" 1 0 -N -- \
            "cfn-validate hello template" "node cfn-validate.js hello.template.json" \
            "cfn-validate scale N=100 template" "node cfn-validate.js scale100.template.json" \
            "cfn-validate multi ${MULTI_S}x$MULTI_PER templates" "sh -c 'exec node cfn-validate.js lc.multi/*.template.json'"
    done
    # lambdac-check's own throughput script (bench/check-throughput.sh, 8 MiB of sources)
    if [ -n "$CHECK" ] && [ -f "$S/bench/check-throughput.sh" ]; then
        sh "$S/bench/check-throughput.sh" "$CHECK" 8 >"$RAW/check-throughput.txt" 2>&1 || true
    fi
    (cd "$O" && node cfn-validate.js lc.multi/*.template.json 2>&1 >/dev/null) >"$RAW/cfn-validate-split.txt" || true
    (cd "$O" && node cfn-validate.js hello.template.json 2>&1 >/dev/null) >>"$RAW/cfn-validate-split.txt" || true
fi

# ---- 6. instruction counts ---------------------------------------------------------------------
if want callgrind; then
    say "6. callgrind"
    {
        printf 'hello --hash-profile cdk\t%s\n' "$(cd "$O" && sh "$S/bench/callgrind.sh" "$BIN/hello" --hash-profile cdk)"
        printf 'hello (native)\t%s\n' "$(cd "$O" && sh "$S/bench/callgrind.sh" "$BIN/hello")"
        [ -x "$BIN/hello-static" ] &&
            printf 'hello --hash-profile cdk, static link\t%s\n' "$(cd "$O" && sh "$S/bench/callgrind.sh" "$BIN/hello-static" --hash-profile cdk)"
        for n in 10 100 $NMAX; do
            printf 'scale N=%s --hash-profile cdk\t%s\n' "$n" "$(cd "$O" && sh "$S/bench/callgrind.sh" "$BIN/scale$n" --hash-profile cdk 2>/dev/null)"
        done
    } >"$RAW/callgrind.tsv"
    (cd "$O" && BENCH_CALLGRIND_TOP=25 sh "$S/bench/callgrind.sh" "$BIN/hello" --hash-profile cdk) 2>"$RAW/callgrind-top.txt" >/dev/null || true
fi

# ---- versions, machine, report -------------------------------------------------------------------
{
    echo "date	$(date -u +%Y-%m-%dT%H:%M:%SZ)"
    echo "cpu	$(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2- | sed 's/^ *//')"
    echo "cores	$(nproc)"
    echo "memory	$(awk '/MemTotal/ {printf "%.1f GiB", $2 / 1048576}' /proc/meminfo)"
    echo "kernel	$(uname -sr)"
    echo "load	at start $LOAD0; at the end $(cut -d' ' -f1-3 /proc/loadavg)"
    echo "srcdir	$S"
    echo "builddir	$B"
    echo "cc	$($CC --version | head -1)"
    echo "cflags	$BENCH_CFLAGS"
    echo "lambdac	$("$BIN/hello" --version 2>/dev/null | head -1)$(git -C "$S" rev-parse --short HEAD 2>/dev/null | sed 's/^/ @ /')$(git -C "$S" status --porcelain 2>/dev/null | grep -q . && echo ' (+ uncommitted changes)')"
    echo "node	$(node --version)"
    echo "npm	$(npm --version 2>/dev/null)"
    [ "$NEED_NODE" = 1 ] && echo "aws-cdk-lib	$(node -p "require('$O/node_modules/aws-cdk-lib/package.json').version")"
    [ "$NEED_NODE" = 1 ] && echo "aws-cdk CLI	$(node -p "require('$O/node_modules/aws-cdk/package.json').version")"
    [ "$NEED_NODE" = 1 ] && echo "cloudformation-validate	$(cd "$O" && node -p "require(require.resolve('@aws/cloudformation-validate/package.json', {paths:[require('path').dirname(require.resolve('aws-cdk-lib/package.json'))]})).version" 2>/dev/null)"
    echo "hyperfine	$(hyperfine --version | cut -d' ' -f2)"
    echo "valgrind	$(valgrind --version)"
    echo "rounds	$ROUNDS"
    echo "runs	fast $FAST_RUNS, slow $SLOW_RUNS per round"
    echo "tree	$(cat "$RAW/tree.txt" 2>/dev/null)"
    echo "zip size	$(cat "$RAW/zip-size.txt" 2>/dev/null)"
    echo "lambdac zip size	$(cat "$RAW/lc-zip-size.txt" 2>/dev/null)"
    echo "grants	$SCALE_GRANTS"
    echo "wall	$(($(date +%s) - T0)) s"
} >"$RAW/meta.tsv"
node "$S/bench/report.js" "$B" >"$B/results.md"
say "results: $B/results.md ($(($(date +%s) - T0)) s)"
# only a full run is worth committing: partial and quick runs stay in the build tree
dest=${BENCH_RESULTS_DIR:-$S/bench/results}
if [ "$QUICK" != 1 ] && [ -z "${BENCH_ONLY:-}" ] && mkdir -p "$dest" 2>/dev/null && [ -w "$dest" ]; then
    cp "$B/results.md" "$dest/$(date -u +%Y-%m-%d).md"
    say "copied to $dest/$(date -u +%Y-%m-%d).md"
fi
sed -n '/^## Summary/,/^## /p' "$B/results.md" | sed '$d'
