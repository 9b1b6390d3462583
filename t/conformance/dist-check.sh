#!/bin/sh
# t/conformance/dist-check.sh - TAP: t/conformance.mk distributes the whole suite.
#
# EXTRA_DIST lists every file under t/conformance explicitly (no wildcards), so a new
# scenario, twin, golden or error case must be added to t/conformance.mk by hand.  This
# test fails when one is missing (printing the lines to add) or when a listed file is gone.
set -u
: "${top_srcdir:=$(cd "$(dirname "$0")/../.." && pwd)}"
mk="$top_srcdir/t/conformance.mk"

tmp=$(mktemp -d "${TMPDIR:-/tmp}/lc-conformance-dist.XXXXXX") || exit 99
trap 'rm -rf "$tmp"' EXIT

# (not node_modules from `make goldens`, nor the test driver's own *.log / *.trs files,
# which an in-tree build writes next to this script)
(cd "$top_srcdir" && find t/conformance -type f ! -path 't/conformance/node_modules/*' \
     ! -name '*.log' ! -name '*.trs' ! -name '*.tmp') \
    | LC_ALL=C sort > "$tmp/files"
# list entries: a line holding just "t/conformance/<file>", with an optional trailing '\'
sed -n 's|^[[:space:]]*\(t/conformance/[^[:space:]\\]*[^/[:space:]\\]\)[[:space:]]*\\\{0,1\}$|\1|p' "$mk" \
    | LC_ALL=C sort -u > "$tmp/listed"

echo "1..2"
LC_ALL=C comm -23 "$tmp/files" "$tmp/listed" > "$tmp/missing"
if [ -s "$tmp/missing" ]; then
    echo "not ok 1 - t/conformance.mk lists every file under t/conformance"
    echo "# add to the matching LC_CONFORMANCE_* list of t/conformance.mk:"
    sed 's|^|#	|; s|$| \\|' "$tmp/missing"
else
    echo "ok 1 - t/conformance.mk lists every file under t/conformance"
fi
LC_ALL=C comm -13 "$tmp/files" "$tmp/listed" > "$tmp/stale"
if [ -s "$tmp/stale" ]; then
    echo "not ok 2 - every file t/conformance.mk lists exists"
    sed 's|^|# no such file: |' "$tmp/stale"
else
    echo "ok 2 - every file t/conformance.mk lists exists"
fi
exit 0
