#!/bin/sh
# t/check-lexer.sh - TAP: lambdac-check reads a large real C code base without a syntax
# error or a crash: every .c and .h file under the system include directory (glibc,
# the kernel headers, GCC's, libstdc++'s .h files, every -dev package installed), or
# under LC_CHECK_LEX_TREES (space-separated directories) when set.  No DSL declaration
# is expected there, so the whole run must print no check/syntax diagnostic and exit 0
# (notes about unknown LC_* macros would be fine, but there are none in practice).
# Skips (status 77) when no tree has at least 500 files.
set -u
: "${top_builddir:=$(cd "$(dirname "$0")/.." && pwd)}"
check="$top_builddir/tools/lambdac-check"
trees=${LC_CHECK_LEX_TREES:-/usr/include /usr/local/include /usr/src}

tmp=$(mktemp -d "${TMPDIR:-/tmp}/lc-check-lexer.XXXXXX") || exit 99
trap 'rm -rf "$tmp"' EXIT

for t in $trees; do
    [ -d "$t" ] && find "$t" -type f \( -name '*.c' -o -name '*.h' \) -print
done > "$tmp/files" 2>/dev/null
nfiles=$(wc -l < "$tmp/files")
if [ ! -x "$check" ] || [ "$nfiles" -lt 500 ]; then
    echo "1..0 # SKIP no large C tree here ($nfiles files under $trees) or no checker"
    # 77 is automake's skip status; under the TAP driver (which exports AM_TAP_AWK) the
    # SKIP plan says it, and a non-zero status would be an error
    [ -n "${AM_TAP_AWK:-}" ] && exit 0
    exit 77
fi
bytes=$(tr '\n' '\0' < "$tmp/files" | xargs -0 cat | wc -c)
echo "1..2"
# batches of 400 files per process; xargs reports 123 when any run exits 1-125
tr '\n' '\0' < "$tmp/files" |
    xargs -0 -n 400 "$check" --no-caret --disable check/unknown-macro,check/not-static \
    > /dev/null 2> "$tmp/diags"
rc=$?
if [ $rc -eq 0 ] || [ $rc -eq 123 ]; then
    echo "ok 1 - $nfiles files ($bytes bytes) read without a crash"
else
    echo "not ok 1 - the checker failed on some file (xargs status $rc)"
fi
if grep -q '\[check/syntax\]' "$tmp/diags"; then
    echo "not ok 2 - syntax diagnostics in well-formed C:"
    grep '\[check/syntax\]' "$tmp/diags" | sed -e '30q' -e 's/^/# /'
else
    echo "ok 2 - no syntax diagnostic in $nfiles files"
fi
grep -v '\[check/syntax\]' "$tmp/diags" | sed -e '10q' -e 's/^/# other: /'
exit 0
