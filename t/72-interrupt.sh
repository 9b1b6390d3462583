#!/bin/sh
# t/72-interrupt.sh - TAP: a run interrupted by SIGINT, SIGTERM or SIGKILL leaves the
# previous cloud assembly intact, and the next run recovers.
#
# The stack t/bad/asset.c writes an assembly (--output out, with and without --package)
# from a small asset tree: that is the previous assembly.  The tree then grows (1,500
# generated files) and the stack runs again, interrupted in one of three phases:
#   fingerprinting  reading the new tree (before anything is written)
#   staging         copying / zipping the asset into the output directory
#   writing         writing the JSON files under temporary names (before the renames)
# The LD_PRELOAD injector (t/fault/fault.c) slows the reads or writes of that phase down
# and logs them, so the signal lands in the phase deterministically, on any machine.
# After the signal:
#   - every file of the previous assembly is still there with the same bytes, and what
#     else is there is a temporary (*.tmp.<pid>) or a complete staged asset (asset.*);
#   - the next, uninterrupted run succeeds, leaves no temporary behind (a killed run's
#     are swept) and writes the same assembly as a run into an empty directory.
. "$(dirname "$0")/7x-lib.sh"

build_stack asset || { echo "Bail out! cannot compile t/bad/asset.c"; diag_file "$tmp/bin/asset.cc.log"; exit 99; }
build_fault || { echo "Bail out! cannot compile t/fault/fault.c"; diag_file "$tmp/bin/fault.cc.log"; exit 99; }
A=$tmp/bin/asset

# the small tree and the big one (files of 4 KiB, in 16 directories)
small() {
    rm -rf "$1/asset"
    mkdir -p "$1/asset/lib"
    printf 'exports.handler = async () => 1;\n' > "$1/asset/index.js"
    printf 'module.exports = 1;\n' > "$1/asset/lib/util.js"
}
big() {
    small "$1"
    printf 'module.exports = 2;\n' > "$1/asset/lib/util.js"
    i=0
    while [ $i -lt 16 ]; do
        mkdir -p "$1/asset/big/d$i"
        (cd "$1/asset/big/d$i" && head -c 393216 /dev/urandom | split -b 4096 -a 3 - f)
        i=$((i + 1))
    done
}

mkdir -p "$tmp/gen"
big "$tmp/gen"                      # generated once, copied for every case
nfiles=$(find "$tmp/gen/asset" -type f | wc -l)

# interrupt NAME SIGNAL PHASE PACKAGE: one case (PACKAGE is "" or --package)
interrupt() {
    name=$1 sig=$2 phase=$3 pkg=$4
    d=$tmp/case-$name
    rm -rf "$d"
    mkdir -p "$d"
    small "$d"
    if ! (cd "$d" && "$A" --output out $pkg > /dev/null 2> "$d/prev.err"); then
        not_ok "$name: the previous assembly is written"; diag_file "$d/prev.err"; return
    fi
    cp -R "$d/out" "$d/prev"
    rm -rf "$d/asset" && cp -R "$tmp/gen/asset" "$d/asset"
    case $phase in
    fingerprinting) fp="/asset/big/" ms=3 want="delay-read .*/asset/big/" n=40 ;;
    staging) fp="/out/asset." ms=40 want="delay-write .*/out/asset\." n=3 ;;
    writing) fp=".json.tmp." ms=400 want="delay-write .*\.json\.tmp\." n=1 ;;
    esac
    log=$d/fault.log
    : > "$log"
    # LC_FAULT_SIGDFL: a background job of a non-interactive shell starts with SIGINT
    # ignored (POSIX); the injector gives it the default action back, as a user's
    # Ctrl-C would find it
    ( cd "$d" && fault_exec LC_FAULT_SIGDFL=1 LC_FAULT_DELAY_MS=$ms LC_FAULT_PATH="$fp" \
        LC_FAULT_LOG="$log" "$A" --output out $pkg > "$d/run.out" 2> "$d/run.err" ) &
    pid=$!
    # wait for the phase (at most 60 s)
    t=0
    while [ "$(grep -c -E "$want" "$log" 2> /dev/null)" -lt "$n" ] && [ $t -lt 600 ] &&
          kill -0 "$pid" 2> /dev/null; do
        sleep 0.1
        t=$((t + 1))
    done
    if kill -s "$sig" "$pid" 2> /dev/null; then
        wait "$pid"
        st=$?
        landed=yes
    else
        wait "$pid"
        st=$?
        landed=no
    fi
    if [ "$landed" = no ]; then
        not_ok "$name: SIG$sig lands while $phase (the run ended first, exit $st)"
        diag_file "$d/run.err"
        return
    fi
    ok "$name: SIG$sig lands while $phase ($(grep -c -E "$want" "$log") slowed operations logged; exit $st)"

    # the previous assembly: every file unchanged; anything new is a temporary or a
    # complete staged asset
    why=""
    for f in $(cd "$d/prev" && find . -type f | LC_ALL=C sort); do
        cmp -s "$d/prev/$f" "$d/out/$f" || why="$why ${f#./}"
    done
    extra=$(cd "$d/out" && find . -mindepth 1 -maxdepth 1 | sed 's|^\./||' | LC_ALL=C sort |
            while read -r e; do [ -e "$d/prev/$e" ] || echo "$e"; done)
    odd=$(printf '%s\n' $extra | grep -v -E '\.tmp\.[0-9]+$|^asset\.[0-9a-f]+(\.[A-Za-z0-9]+)?$' | grep -v '^$')
    if [ -z "$why" ] && [ -z "$odd" ]; then
        ok "$name: the previous assembly is intact${extra:+ (also there: $(echo $extra | tr '\n' ' '))}"
    else
        not_ok "$name: the previous assembly is intact"
        [ -n "$why" ] && diag "changed or missing:$why"
        [ -n "$odd" ] && diag "unexpected: $odd"
    fi

    # the next run recovers: success, no temporaries, the same as a fresh assembly
    if (cd "$d" && "$A" --output out $pkg > /dev/null 2> "$d/next.err") &&
       (cd "$d" && "$A" --output fresh $pkg > /dev/null 2>> "$d/next.err"); then
        left=$(cd "$d/out" && find . -name '*.tmp.*' | head -5)
        if [ -n "$left" ]; then
            not_ok "$name: the next run sweeps the interrupted run's temporaries"; diag "left: $left"
        else
            ok "$name: the next run sweeps the interrupted run's temporaries"
        fi
        # staged assets of the previous tree may stay (content-named, as in CDK's cdk.out)
        if diff -r -x .lambdac-asset-cache -x 'asset.*' "$d/out" "$d/fresh" > "$d/diff" 2>&1 &&
           for a in $(cd "$d/fresh" && ls -d asset.* 2> /dev/null); do
               diff -r "$d/fresh/$a" "$d/out/$a" > /dev/null 2>&1 || exit 1
           done; then
            ok "$name: the next run writes the same assembly as a run into an empty directory"
        else
            not_ok "$name: the next run writes the same assembly as a run into an empty directory"
            diag_file "$d/diff"
        fi
    else
        not_ok "$name: the next run succeeds"; diag_file "$d/next.err"
        skip "$name: the next run writes the same assembly (it failed)"
    fi
}

diag "big tree: $nfiles files"
interrupt fp-int INT fingerprinting ""
interrupt fp-kill KILL fingerprinting ""
interrupt stage-int INT staging ""
interrupt stage-kill KILL staging ""
interrupt zip-term TERM staging --package
interrupt zip-kill KILL staging --package
interrupt write-int INT writing ""
interrupt write-kill KILL writing --package

done_testing
