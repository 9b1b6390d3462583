#!/bin/sh
# t/check-macros.sh - TAP: every public LC_* macro of the DSL headers has a row in the
# checker's macro table (tools/check-macros.c), so lambdac-check knows how to read it.
# A missing row is a TODO, not a failure: the checker treats an unknown macro
# gracefully (a note), and the row is one line to add.
set -u
: "${top_srcdir:=$(cd "$(dirname "$0")/.." && pwd)}"
: "${top_builddir:=$top_srcdir}"
check="$top_builddir/tools/lambdac-check"
if [ ! -x "$check" ]; then
    echo "1..0 # SKIP $check is not built"
    exit 0
fi
tmp=$(mktemp -d "${TMPDIR:-/tmp}/lc-check-macros.XXXXXX") || exit 99
trap 'rm -rf "$tmp"' EXIT
"$check" --list-macros | LC_ALL=C sort > "$tmp/known"
# public macros: #define LC_NAME at the start of a line, not LC__internal ones
# (generated headers, *.gen.h, hold data tables, not DSL macros; an in-tree build puts
# them beside the hand-written ones)
ls "$top_srcdir"/include/lambdac/*.h "$top_srcdir"/include/lambdac.h 2>/dev/null |
    grep -v '\.gen\.h$' | while IFS= read -r h; do cat "$h"; done |
    sed -n 's/^#[ \t]*define[ \t][ \t]*\(LC_[A-Z0-9_]*\).*/\1/p' | grep -v '^LC__' |
    grep -v '^LAMBDAC_' | LC_ALL=C sort -u > "$tmp/defined"
n=$(wc -l < "$tmp/defined")
echo "1..$n"
i=0
while IFS= read -r m; do
    i=$((i + 1))
    if grep -qx "$m" "$tmp/known"; then
        echo "ok $i - $m"
    else
        echo "not ok $i - $m has no row in tools/check-macros.c # TODO add a row"
    fi
done < "$tmp/defined"
