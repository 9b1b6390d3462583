#!/bin/sh
# gen/regen.sh - what `make regen [SPEC=file.json]` runs.
#
#   SPEC=file.json JQ=jq sh gen/regen.sh SRCDIR BUILDDIR
#
# With SPEC (a legacy CloudFormation resource specification, full or sliced):
#   1. slice it with spec/slice.jq and spec/types.list into a temporary file;
#   2. normalize it (gen/normalize.jq validates: a malformed spec stops here with an
#      error naming the JSON path) and emit the header and source, all into temporary
#      files;
#   3. only when every step succeeded, replace SRCDIR/spec/specification.json (rename in
#      the same directory: atomic) and the generated files in BUILDDIR.
# Without SPEC: steps 2-3 from the vendored spec (regenerate and print the counts).
# On any failure nothing is replaced and the exit status is 1.
# Prints: resource types, property types, properties, structs, and the version-locked /
# not-locked / unknown AWS::Lambda::Function properties.
set -u

srcdir=${1:?usage: SPEC=file.json JQ=jq sh gen/regen.sh SRCDIR BUILDDIR}
builddir=${2:?usage: SPEC=file.json JQ=jq sh gen/regen.sh SRCDIR BUILDDIR}
JQ=${JQ:-jq}
SPEC=${SPEC:-}

say() { printf 'regen: %s\n' "$*"; }
die() { printf 'regen: %s\n' "$*" >&2; exit 1; }

[ -f "$srcdir/spec/specification.json" ] || [ -n "$SPEC" ] || die "$srcdir/spec/specification.json: no such file"
[ -f "$srcdir/spec/overrides.json" ] || die "$srcdir/spec/overrides.json: no such file"
[ -z "$SPEC" ] || [ -f "$SPEC" ] || die "$SPEC: no such file"

mkdir -p "$builddir/gen" "$builddir/include/lambdac" "$builddir/runtime" || die "cannot create $builddir/gen"
tmp=$(mktemp -d "$builddir/gen/regen.XXXXXX") || die "cannot create a temporary directory"
trap 'rm -rf "$tmp"' EXIT
trap 'exit 1' HUP INT TERM

unchanged="spec/specification.json and the generated files are unchanged"

# Exactly one JSON value: jq runs a program once per value of its input, so a file holding
# two (a download appended twice) sliced and generated every type twice, and a value
# followed by garbage left jq's output for the first one behind (t/74-gen-fuzz.sh).
if [ -n "$SPEC" ]; then
    nvalues=$("$JQ" -n '[inputs] | length' "$SPEC" 2> "$tmp/values.err") \
        || die "$SPEC: parse error: $(sed 's/^jq: error ([^)]*): //' "$tmp/values.err" | head -1); $unchanged"
    [ "$nvalues" = 1 ] || die "$SPEC: holds $nvalues JSON values, not one; $unchanged"
fi

if [ -n "$SPEC" ]; then
    say "slicing $SPEC with spec/slice.jq"
    if ! "$JQ" -S --rawfile types "$srcdir/spec/types.list" -f "$srcdir/spec/slice.jq" "$SPEC" \
            > "$tmp/specification.json"; then
        # slice.jq names resources, not JSON paths: let the validator say where the
        # input is malformed, when it can.
        "$JQ" --arg input "$SPEC" -f "$srcdir/gen/normalize.jq" "$SPEC" > /dev/null
        die "$SPEC: cannot be sliced; $unchanged"
    fi
    input=$tmp/specification.json
else
    input=$srcdir/spec/specification.json
fi

say "normalizing (gen/normalize.jq)"
"$JQ" --arg input spec/specification.json --slurpfile overrides "$srcdir/spec/overrides.json" \
      -f "$srcdir/gen/normalize.jq" "$input" > "$tmp/cfn.ir.json" \
    || die "${SPEC:-spec/specification.json}: rejected by gen/normalize.jq (see above); $unchanged"
"$JQ" -r -f "$srcdir/gen/emit-header.jq" "$tmp/cfn.ir.json" > "$tmp/cfn.gen.h" \
    || die "gen/emit-header.jq failed; $unchanged"
"$JQ" -r -f "$srcdir/gen/emit-source.jq" "$tmp/cfn.ir.json" > "$tmp/cfn.gen.c" \
    || die "gen/emit-source.jq failed; $unchanged"

if [ -n "$SPEC" ]; then
    if cmp -s "$tmp/specification.json" "$srcdir/spec/specification.json"; then
        say "spec/specification.json: unchanged"
    else
        cp "$tmp/specification.json" "$srcdir/spec/.specification.json.tmp" \
            && mv -f "$srcdir/spec/.specification.json.tmp" "$srcdir/spec/specification.json" \
            || { rm -f "$srcdir/spec/.specification.json.tmp"; die "cannot replace $srcdir/spec/specification.json; $unchanged"; }
        replaced=yes
        say "spec/specification.json: replaced"
    fi
fi

# Identical outputs from an unchanged spec are left alone (no needless rebuild).
# Otherwise: renames within the build tree's file system, then timestamps in dependency
# order (spec < IR < outputs) so that make sees everything up to date.
if [ "${replaced:-no}" = no ] \
   && cmp -s "$tmp/cfn.ir.json" "$builddir/gen/cfn.ir.json" \
   && cmp -s "$tmp/cfn.gen.h" "$builddir/include/lambdac/cfn.gen.h" \
   && cmp -s "$tmp/cfn.gen.c" "$builddir/runtime/cfn.gen.c"; then
    say "include/lambdac/cfn.gen.h runtime/cfn.gen.c gen/cfn.ir.json: unchanged"
else
    mv -f "$tmp/cfn.ir.json" "$builddir/gen/cfn.ir.json" \
        && mv -f "$tmp/cfn.gen.h" "$builddir/include/lambdac/cfn.gen.h" \
        && mv -f "$tmp/cfn.gen.c" "$builddir/runtime/cfn.gen.c" \
        || die "cannot write the generated files into $builddir"
    touch "$builddir/gen/cfn.ir.json"
    touch "$builddir/include/lambdac/cfn.gen.h" "$builddir/runtime/cfn.gen.c"
    say "wrote include/lambdac/cfn.gen.h runtime/cfn.gen.c gen/cfn.ir.json"
fi

"$JQ" -r '
  "spec version: \(.spec_version)",
  "resource types: \(.counts.resource_types)",
  "property types: \(.counts.property_types)",
  "properties: \(.counts.properties)",
  "structs generated: \(.counts.structs)",
  (.counts.version_locked["AWS::Lambda::Function"] // {properties: 0, locked: 0, unlocked: 0, unknown: 0}
   | "AWS::Lambda::Function properties: \(.properties)",
     "AWS::Lambda::Function version-locked: \(.locked)",
     "AWS::Lambda::Function not version-locked: \(.unlocked)",
     "AWS::Lambda::Function version-lock unknown: \(.unknown)"),
  "overrides naming what this spec lacks: \(.unmatched_overrides | length)",
  (.unmatched_overrides[] | "  \(.)")
' "$builddir/gen/cfn.ir.json"
