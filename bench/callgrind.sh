#!/bin/sh
# callgrind.sh PROGRAM [ARGS...]: run PROGRAM under valgrind's callgrind and print the total
# instruction count (Ir) of the run, a number that does not depend on machine noise: a
# regression in the synthesizer shows here even when wall times wobble.
# Run it where PROGRAM expects to run (examples/hello fingerprints ./lambda-handler):
#     (cd examples && sh ../bench/callgrind.sh ./hello --hash-profile cdk)
# BENCH_CALLGRIND_TOP=N also prints, on stderr, the N most expensive functions (inclusive
# and self) from callgrind_annotate.  Exit status: the program's, or 2 for usage/no valgrind.
set -eu
[ $# -ge 1 ] || { echo "usage: callgrind.sh PROGRAM [ARGS...]" >&2; exit 2; }
command -v valgrind >/dev/null || { echo "callgrind.sh: needs valgrind (apt-get install valgrind)" >&2; exit 2; }
out=$(mktemp "${TMPDIR:-/tmp}/callgrind.XXXXXX")
log=$(mktemp "${TMPDIR:-/tmp}/callgrind-log.XXXXXX")
trap 'rm -f "$out" "$log"' EXIT
rc=0
valgrind --tool=callgrind --callgrind-out-file="$out" "$@" >/dev/null 2>"$log" || rc=$?
total=$(sed -n 's/^==[0-9]*== Collected : *\([0-9]*\).*/\1/p' "$log")
if [ -z "$total" ]; then
    cat "$log" >&2
    exit 2
fi
echo "$total"
if [ -n "${BENCH_CALLGRIND_TOP:-}" ] && command -v callgrind_annotate >/dev/null; then
    {
        echo "== inclusive"
        callgrind_annotate --inclusive=yes "$out" 2>/dev/null | grep -E '^ *[0-9,]+ \(' | head -n "$BENCH_CALLGRIND_TOP"
        echo "== self"
        callgrind_annotate "$out" 2>/dev/null | grep -E '^ *[0-9,]+ \(' | head -n "$BENCH_CALLGRIND_TOP"
    } >&2
fi
exit "$rc"
