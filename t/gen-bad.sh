#!/bin/sh
# t/gen-bad.sh - malformed specs and overrides: each is rejected with an error naming the
# JSON path and a non-zero exit, and `make regen SPEC=...` (gen/regen.sh) leaves the
# previous spec and the previously generated files untouched.
. "$(dirname "$0")/gen/lib.sh"

echo '{}' > "$tmp/no-overrides.json"

# bad NAME EXPECTED-SUBSTRING [OVERRIDES] < spec-text
bad() {
    name=$1 want=$2 ov=${3:-$tmp/no-overrides.json}
    cat > "$tmp/$name.json"
    if run_normalize "$tmp/$name.json" "$ov" "$tmp/$name.ir" "$name.json"; then
        not_ok "$name: rejected"
    elif grep -F -q -- "$want" "$tmp/$name.ir.err"; then
        ok "$name: rejected with: $want"
    else
        not_ok "$name: rejected with: $want"; diag "got:"; diag_file "$tmp/$name.ir.err"
    fi
}

bad bad-json 'parse error' <<'EOF_'
{ "ResourceTypes": { "AWS::X::Y": { "Properties": {
EOF_

bad dangling-type 'spec: ResourceTypes["AWS::Lambda::Function"].Properties.Code: Type "Foo" names no PropertyType' <<'EOF_'
{ "ResourceTypes": { "AWS::Lambda::Function": { "Properties": {
    "Code": { "Type": "Foo", "Required": true, "UpdateType": "Mutable" } } } } }
EOF_

bad dangling-itemtype 'spec: PropertyTypes["AWS::X::Y.A"].Properties.Items: ItemType "Nope" names no PropertyType' <<'EOF_'
{ "ResourceTypes": { "AWS::X::Y": { "Properties": { "A": { "Type": "A" } } } },
  "PropertyTypes": { "AWS::X::Y.A": { "Properties": { "Items": { "Type": "List", "ItemType": "Nope" } } } } }
EOF_

bad no-type-key 'spec: ResourceTypes["AWS::X::Y"].Properties.Bad: has neither PrimitiveType nor Type' <<'EOF_'
{ "ResourceTypes": { "AWS::X::Y": { "Properties": {
    "Good": { "PrimitiveType": "String" },
    "Bad": { "Required": true, "UpdateType": "Mutable" } } } } }
EOF_

bad list-no-item 'spec: ResourceTypes["AWS::X::Y"].Properties.L: Type "List" has neither ItemType nor PrimitiveItemType' <<'EOF_'
{ "ResourceTypes": { "AWS::X::Y": { "Properties": { "L": { "Type": "List" } } } } }
EOF_

bad bad-primitive 'spec: ResourceTypes["AWS::X::Y"].Properties.P: PrimitiveType "Strin" is not a primitive type' <<'EOF_'
{ "ResourceTypes": { "AWS::X::Y": { "Properties": { "P": { "PrimitiveType": "Strin" } } } } }
EOF_

bad member-collision 'spec: ResourceTypes["AWS::X::Y"].Properties: properties "default" and "default_" both become the C member default_' <<'EOF_'
{ "ResourceTypes": { "AWS::X::Y": { "Properties": {
    "default": { "PrimitiveType": "String" }, "default_": { "PrimitiveType": "String" } } } } }
EOF_

bad type-collision 'spec: PropertyTypes["AWS::X::Y_Z.A"]: becomes the C identifier lc_AWS_X_Y_Z_A, like PropertyTypes["AWS::X::Y.Z_A"]' <<'EOF_'
{ "ResourceTypes": { "AWS::X::Y": { "Properties": {} }, "AWS::X::Y_Z": { "Properties": {} } },
  "PropertyTypes": { "AWS::X::Y.Z_A": { "Properties": {} }, "AWS::X::Y_Z.A": { "Properties": {} } } }
EOF_

bad reserved-name 'spec: ResourceTypes["AWS::X::Y"].Properties.__x: property name "__x" is reserved in C' <<'EOF_'
{ "ResourceTypes": { "AWS::X::Y": { "Properties": { "__x": { "PrimitiveType": "String" } } } } }
EOF_

bad lambdac-name 'property name "lc_x" is reserved for lambdac' <<'EOF_'
{ "ResourceTypes": { "AWS::X::Y": { "Properties": { "lc_x": { "PrimitiveType": "String" } } } } }
EOF_

bad not-identifier 'spec: ResourceTypes["AWS::X::Y"].Properties["a-b"]: property name "a-b" is not a C identifier' <<'EOF_'
{ "ResourceTypes": { "AWS::X::Y": { "Properties": { "a-b": { "PrimitiveType": "String" } } } } }
EOF_

bad not-object 'spec: ResourceTypes["AWS::X::Y"].Properties.P: expected an object, got string' <<'EOF_'
{ "ResourceTypes": { "AWS::X::Y": { "Properties": { "P": "String" } } } }
EOF_

bad no-resources 'spec: ResourceTypes: missing' <<'EOF_'
{ "PropertyTypes": {} }
EOF_

bad bad-update 'spec: ResourceTypes["AWS::X::Y"].Properties.P: UpdateType "Sometimes" is not Mutable, Immutable or Conditional' <<'EOF_'
{ "ResourceTypes": { "AWS::X::Y": { "Properties": { "P": { "PrimitiveType": "String", "UpdateType": "Sometimes" } } } } }
EOF_

cat > "$tmp/bad-ov.json" <<'EOF_'
{ "constraints": { "AWS::X::Y.P": { "min": "one" } } }
EOF_
bad bad-overrides 'overrides: constraints["AWS::X::Y.P"].min: expected a number, got "one"' "$tmp/bad-ov.json" <<'EOF_'
{ "ResourceTypes": { "AWS::X::Y": { "Properties": { "P": { "PrimitiveType": "Integer" } } } } }
EOF_

cat > "$tmp/bad-vl.json" <<'EOF_'
{ "versionLocked": { "AWS::X::Y": { "P": "yes" } } }
EOF_
bad bad-version-locked 'overrides: versionLocked["AWS::X::Y"].P: expected true, false or null, got "yes"' "$tmp/bad-vl.json" <<'EOF_'
{ "ResourceTypes": { "AWS::X::Y": { "Properties": { "P": { "PrimitiveType": "Integer" } } } } }
EOF_

# ---- regen on a malformed spec: nothing changes ----
src=$tmp/src
build=$tmp/build
mkdir -p "$src/spec" "$src/gen" "$build"
for f in specification.json overrides.json types.list slice.jq; do cp "$top_srcdir/spec/$f" "$src/spec/"; done
cp "$top_srcdir/gen/"*.jq "$top_srcdir/gen/regen.sh" "$src/gen/"
if SPEC= sh "$src/gen/regen.sh" "$src" "$build" > "$tmp/regen0.log" 2>&1; then
    ok "regen from the vendored spec into a scratch build tree"
else
    not_ok "regen from the vendored spec into a scratch build tree"; diag_file "$tmp/regen0.log"
fi
mkdir -p "$tmp/before"
cp "$src/spec/specification.json" "$build/include/lambdac/cfn.gen.h" "$build/runtime/cfn.gen.c" \
   "$build/gen/cfn.ir.json" "$tmp/before/"

untouched() {
    cmp -s "$tmp/before/specification.json" "$src/spec/specification.json" &&
    cmp -s "$tmp/before/cfn.gen.h" "$build/include/lambdac/cfn.gen.h" &&
    cmp -s "$tmp/before/cfn.gen.c" "$build/runtime/cfn.gen.c" &&
    cmp -s "$tmp/before/cfn.ir.json" "$build/gen/cfn.ir.json" &&
    [ -z "$(ls -A "$build/gen" | grep -v '^cfn.ir.json$')" ]
}

# regen_bad NAME EXPECTED < spec-text  (the spec names a type of spec/types.list)
regen_bad() {
    name=$1 want=$2
    cat > "$tmp/$name.spec.json"
    if SPEC="$tmp/$name.spec.json" sh "$src/gen/regen.sh" "$src" "$build" > "$tmp/$name.log" 2>&1; then
        not_ok "regen SPEC=$name: fails"; diag_file "$tmp/$name.log"
    elif grep -F -q -- "$want" "$tmp/$name.log"; then
        ok "regen SPEC=$name: fails with: $want"
    else
        not_ok "regen SPEC=$name: fails with: $want"; diag_file "$tmp/$name.log"
    fi
    check "regen SPEC=$name: previous spec and generated files untouched, no temporary files left" untouched
}

regen_bad regen-no-type-key 'spec: ResourceTypes["AWS::Lambda::Function"].Properties.Handler: has neither PrimitiveType nor Type' <<'EOF_'
{ "ResourceSpecificationVersion": "9.9.9",
  "ResourceTypes": { "AWS::Lambda::Function": { "Properties": { "Handler": { "Required": false } } } } }
EOF_

regen_bad regen-dangling 'spec: ResourceTypes["AWS::Lambda::Function"].Properties.Code: Type "Nowhere" names no PropertyType' <<'EOF_'
{ "ResourceSpecificationVersion": "9.9.9",
  "ResourceTypes": { "AWS::Lambda::Function": { "Properties": { "Code": { "Type": "Nowhere" } } } } }
EOF_

regen_bad regen-bad-json 'parse error' <<'EOF_'
{ "ResourceTypes": [
EOF_

done_testing
