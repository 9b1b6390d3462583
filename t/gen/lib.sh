# t/gen/lib.sh - shared by the t/gen-*.sh generator tests (sourced, POSIX sh).
#
# Environment (exported by `make check`, defaulted here for a run by hand from the build
# directory): top_srcdir, top_builddir, JQ, CC, LC_TEST_CFLAGS, LC_TEST_LIBS.
# Gives: $tmp (removed on exit), TAP helpers ok / not_ok / check / diag / skip / done,
# run_normalize SPEC OVERRIDES OUT, emit_all IR DIR, STRICT (the warning flags).

here=$(cd "$(dirname "$0")" && pwd)
: "${top_srcdir:=$(cd "$here/.." && pwd)}"
: "${top_builddir:=$(pwd)}"
: "${JQ:=jq}"
: "${CC:=cc}"
: "${LC_TEST_CFLAGS:=-I$top_srcdir/include -I$top_builddir/include -std=c11}"
: "${LC_TEST_LIBS:=$top_builddir/.libs/liblambdac.a -lpthread -lm}"
export top_srcdir top_builddir JQ CC

STRICT="-std=c11 -Wall -Wextra -Wshadow -Wstrict-prototypes -Wmissing-prototypes -Werror -pedantic"

tmp=$(mktemp -d "${TMPDIR:-/tmp}/lc-gen-test.XXXXXX") || { echo "Bail out! mktemp"; exit 99; }
trap 'rm -rf "$tmp"' EXIT
trap 'exit 99' HUP INT TERM

tap_n=0
tap_failed=0
ok() { tap_n=$((tap_n + 1)); echo "ok $tap_n - $*"; }
not_ok() { tap_n=$((tap_n + 1)); tap_failed=$((tap_failed + 1)); echo "not ok $tap_n - $*"; }
skip() { tap_n=$((tap_n + 1)); echo "ok $tap_n # SKIP $*"; }
diag() { printf '%s\n' "$@" | sed 's/^/# /'; }
diag_file() { sed 's/^/# /' "$1"; }
# check DESCRIPTION COMMAND...: ok when the command succeeds.
check() { d=$1; shift; if "$@"; then ok "$d"; else not_ok "$d"; fi; }
done_testing() { echo "1..$tap_n"; [ "$tap_failed" -eq 0 ]; exit $?; }

# run_normalize SPEC OVERRIDES OUT [INPUT-NAME]: stderr goes to OUT.err.
run_normalize() {
    "$JQ" --arg input "${4:-$1}" --slurpfile overrides "$2" -f "$top_srcdir/gen/normalize.jq" "$1" \
        > "$3" 2> "$3.err"
}

# emit_all IR DIR: DIR/include/lambdac/cfn.gen.h and DIR/runtime/cfn.gen.c.
emit_all() {
    mkdir -p "$2/include/lambdac" "$2/runtime" &&
    "$JQ" -r -f "$top_srcdir/gen/emit-header.jq" "$1" > "$2/include/lambdac/cfn.gen.h" &&
    "$JQ" -r -f "$top_srcdir/gen/emit-source.jq" "$1" > "$2/runtime/cfn.gen.c"
}

have() { command -v "$1" > /dev/null 2>&1; }
