#!/bin/sh
# t/gen-counts.sh - the counts `make regen` prints (gen/regen.sh) agree with counts
# computed independently with jq from the spec and spec/overrides.json: for the vendored
# spec, and after `regen SPEC=t/gen/spec-130.1.0-slice.json` replaced a scratch copy of it.
. "$(dirname "$0")/gen/lib.sh"

src=$tmp/src
build=$tmp/build
mkdir -p "$src/spec" "$src/gen" "$build"
for f in specification.json overrides.json types.list slice.jq; do cp "$top_srcdir/spec/$f" "$src/spec/"; done
cp "$top_srcdir/gen/"*.jq "$top_srcdir/gen/regen.sh" "$src/gen/"

# expected SPEC OVERRIDES: the lines regen prints, computed without the generator.
expected() {
    "$JQ" -r --slurpfile ov "$2" '
      (($ov[0].versionLocked // {})["AWS::Lambda::Function"] // {}) as $vl
      | ((.ResourceTypes["AWS::Lambda::Function"].Properties // {}) | keys) as $fp
      | "resource types: \(.ResourceTypes | length)",
        "property types: \(.PropertyTypes // {} | length)",
        "properties: \([.ResourceTypes[], (.PropertyTypes // {})[] | .Properties // {} | length] | add)",
        "AWS::Lambda::Function properties: \($fp | length)",
        "AWS::Lambda::Function version-locked: \([$fp[] | select($vl[.] == true)] | length)",
        "AWS::Lambda::Function not version-locked: \([$fp[] | select($vl[.] == false)] | length)",
        "AWS::Lambda::Function version-lock unknown: \([$fp[] | select($vl[.] == null)] | length)"' "$1"
}

counts_of() { grep -E '^(resource types|property types|properties|AWS::Lambda::Function [a-z -]+): ' "$1"; }

# round NAME: compare the printed counts with the independent ones.
round() {
    expected "$src/spec/specification.json" "$src/spec/overrides.json" > "$tmp/$1.want"
    counts_of "$tmp/$1.log" > "$tmp/$1.got"
    if diff -u "$tmp/$1.want" "$tmp/$1.got" > "$tmp/$1.diff"; then
        ok "$1: printed counts match jq's"; diag_file "$tmp/$1.got"
    else
        not_ok "$1: printed counts match jq's"; diag_file "$tmp/$1.diff"
    fi
}

if SPEC= sh "$src/gen/regen.sh" "$src" "$build" > "$tmp/vendored.log" 2>&1; then
    ok "regen (vendored spec) succeeds"
else
    not_ok "regen (vendored spec) succeeds"; diag_file "$tmp/vendored.log"
fi
round vendored
check "vendored: spec/specification.json not modified without SPEC" \
    cmp -s "$top_srcdir/spec/specification.json" "$src/spec/specification.json"

if SPEC="$top_srcdir/t/gen/spec-130.1.0-slice.json" sh "$src/gen/regen.sh" "$src" "$build" > "$tmp/130.log" 2>&1; then
    ok "regen SPEC=t/gen/spec-130.1.0-slice.json succeeds"
else
    not_ok "regen SPEC=t/gen/spec-130.1.0-slice.json succeeds"; diag_file "$tmp/130.log"
fi
check "130: the scratch spec/specification.json was replaced by the 130.1.0 slice" \
    sh -c "[ \"\$('$JQ' -r .ResourceSpecificationVersion '$src/spec/specification.json')\" = 130.1.0 ]"
check "130: the generated header is the 130.1.0 one" \
    grep -q '^#define LC_L1_SPEC_VERSION "130.1.0"$' "$build/include/lambdac/cfn.gen.h"
round 130
check "130: overrides naming properties 130.1.0 lacks are listed, not fatal" \
    grep -q 'versionLocked\["AWS::Lambda::Function"\].LoggingConfig' "$tmp/130.log"

done_testing
