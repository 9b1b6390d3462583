#!/bin/sh
# t/check-agree.sh - TAP: lambdac-check and the synthesizer agree on every corpus source.
#
# For each t/check/<name>.c the source is built with the library and run (in t/check),
# and the set of [Code]s the synthesizer prints is compared with the set of codes of the
# error diagnostics lambdac-check gives for the same file (rules that carry a code:
# `lambdac-check --list-rules --format json`, member runtime_code).  Only codes the
# checker knows are compared: a runtime error that depends on something the source does
# not say (an asset on disk, the 500-resource limit) is out of the checker's reach.
# Both directions count: the checker must flag every decidable condition the runtime
# rejects, and must not flag one the runtime accepts.
#
# A source that is not meant to build (an L1 kind error is a compile error; an event
# source macro the DSL does not have yet) says so on a line of its own:
#     /* check-agree: skip <reason> */
# A source that needs a header newer than the oldest tree the tests run in says so, and
# is skipped where the header is missing:
#     /* check-agree: needs lambdac/access.h */
# A source that shows what the checker cannot know (a value from a user macro) names
# the codes the synthesizer prints for it that the checker must not claim:
#     /* check-agree: undecidable <Code> ... */
# Those codes are dropped from the synthesizer's set, and the checker must have said
# "not statically known" (check/not-static) somewhere in the file instead.
#
# Suppressed diagnostics count: a suppression hides a condition, it does not remove it.
#
# Where the synthesizer prints another code than aws-cdk-lib for the same condition (the
# checker uses CDK's, from t/conformance/errors*.json), ALIASES below maps it, and the
# test says so in a diagnostic line.
#
# Run by `make check`; by hand from the top build directory: sh t/check-agree.sh [name...]
set -u

: "${top_srcdir:=$(cd "$(dirname "$0")/.." && pwd)}"
: "${top_builddir:=$top_srcdir}"
: "${CC:=cc}"
: "${JQ:=jq}"
: "${LC_TEST_CFLAGS:=-std=c11 -I$top_srcdir/include -I$top_builddir/include -I$top_builddir}"
: "${LC_TEST_LIBS:=$top_builddir/.libs/liblambdac.a -lxxhash -lz -lmd -lpthread -lm}"

check="$top_builddir/tools/lambdac-check"
dir="$top_srcdir/t/check"

# synthesizer code -> aws-cdk-lib code, for the same condition
ALIASES=""

if [ ! -x "$check" ]; then
    echo "1..0 # SKIP $check is not built"
    exit 0
fi
tmp=$(mktemp -d "${TMPDIR:-/tmp}/lc-check-agree.XXXXXX") || exit 99
trap 'rm -rf "$tmp"' EXIT
trap 'exit 130' INT TERM

# "code rule-id" for every rule that has a code
"$check" --list-rules --format json |
    "$JQ" -r '.[] | select(.runtime_code != null) | "\(.runtime_code) \(.id)"' > "$tmp/codes" || exit 99

if [ $# -gt 0 ]; then
    names=$(for s in "$@"; do s=${s##*/}; echo "${s%.c}"; done)
else
    names=$(cd "$dir" && ls -- *.c | LC_ALL=C sort | sed 's/\.c$//')
fi
count=$(echo "$names" | wc -w)
echo "1..$count"

n=0
for name in $names; do
    n=$((n + 1))
    src="$dir/$name.c"
    skip=$(sed -n 's|^/\* check-agree: skip \(.*[^ ]\) *\*/ *$|\1|p' "$src" | head -n 1)
    if [ -n "$skip" ]; then
        echo "ok $n - $name # SKIP $skip"
        continue
    fi
    needs=$(sed -n 's|^/\* check-agree: needs \(.*[^ ]\) *\*/ *$|\1|p' "$src" | head -n 1)
    if [ -n "$needs" ] && [ ! -f "$top_srcdir/include/$needs" ]; then
        echo "ok $n - $name # SKIP needs include/$needs"
        continue
    fi
    undecidable=$(sed -n 's|^/\* check-agree: undecidable \(.*[^ ]\) *\*/ *$|\1|p' "$src" | head -n 1)
    # shellcheck disable=SC2086
    if ! $CC $LC_TEST_CFLAGS -o "$tmp/$name" "$src" $LC_TEST_LIBS > "$tmp/cc.log" 2>&1; then
        echo "not ok $n - $name: does not compile (mark it /* check-agree: skip ... */ if that is intended)"
        sed -e '40q' -e 's/^/# /' "$tmp/cc.log"
        continue
    fi
    (cd "$dir" && "$tmp/$name" --output "$tmp/$name.out" > /dev/null 2> "$tmp/err")
    rc=$?
    if [ $rc -gt 1 ]; then
        echo "not ok $n - $name: the synthesizer exits with status $rc"
        sed -e '20q' -e 's/^/# /' "$tmp/err"
        continue
    fi
    # the runtime's codes, aliased to CDK's, restricted to codes the checker knows
    sed -n 's/.* \[\([A-Za-z0-9]*\)\]$/\1/p' "$tmp/err" | sort -u > "$tmp/rt.raw"
    : > "$tmp/rt"
    : > "$tmp/aliased"
    while IFS= read -r code; do
        for a in $ALIASES; do
            if [ "$code" = "${a%%=*}" ]; then
                echo "$code -> ${a#*=}" >> "$tmp/aliased"
                code=${a#*=}
            fi
        done
        if grep -q "^$code " "$tmp/codes" && ! echo " $undecidable " | grep -q " $code "; then
            echo "$code" >> "$tmp/rt"
        fi
    done < "$tmp/rt.raw"
    sort -u -o "$tmp/rt" "$tmp/rt"
    # the checker's codes
    "$check" --format json --as-of 2026-01-01 "$src" 2> "$tmp/check.err" |
        tee "$tmp/check.json" |
        "$JQ" -r '.diagnostics[] | select(.severity == "error") | .rule' |
        sort -u > "$tmp/rules"
    : > "$tmp/ck"
    while IFS= read -r rule; do
        grep " $rule\$" "$tmp/codes" | cut -d' ' -f1 >> "$tmp/ck"
    done < "$tmp/rules"
    sort -u -o "$tmp/ck" "$tmp/ck"
    if [ -n "$undecidable" ] &&
       ! "$JQ" -e 'any(.diagnostics[]; .rule == "check/not-static")' "$tmp/check.json" > /dev/null; then
        echo "not ok $n - $name: undecidable codes ($undecidable) but no check/not-static note"
        continue
    fi
    if cmp -s "$tmp/rt" "$tmp/ck"; then
        codes=$(tr '\n' ' ' < "$tmp/rt" | sed 's/ $//')
        echo "ok $n - $name: ${codes:-no errors}${undecidable:+ (not statically known: $undecidable)}"
        [ -s "$tmp/aliased" ] && sed 's/^/# the synthesizer prints /; s/$/ (aws-cdk-lib'"'"'s code)/' "$tmp/aliased"
    else
        echo "not ok $n - $name"
        echo "# synthesizer: $(tr '\n' ' ' < "$tmp/rt")"
        echo "# checker:     $(tr '\n' ' ' < "$tmp/ck")"
        sed -e '20q' -e 's/^/# | /' "$tmp/err"
    fi
done
