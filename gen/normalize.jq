# gen/normalize.jq -- stage 1 of the L1 generator (jq 1.6).
#
# A CloudFormation resource specification (legacy format: ResourceTypes / PropertyTypes /
# PrimitiveType / Type / ItemType / PrimitiveItemType / Required / UpdateType / Attributes /
# DuplicatesAllowed) plus spec/overrides.json  ->  the intermediate representation (IR)
# that every gen/emit-*.jq prints from.  Classification and ALL name mangling happen here;
# the emitters only print what the IR says.
#
# Usage:
#   jq --arg input spec/specification.json --slurpfile overrides spec/overrides.json \
#      -f gen/normalize.jq spec/specification.json > cfn.ir.json
#   --arg input      the spec's name as written into generated files (default "specification.json")
#   --slurpfile overrides  optional; absent keys / file mean "no overrides"
#
# IR (all arrays sorted; object keys in a fixed order):
#   { ir, abi, generator, input, spec_version,
#     counts: { resource_types, property_types, properties, structs, aliases,
#               version_locked: { "<resource>": {properties, locked, unlocked, unknown} } },
#     unmatched_overrides: [ "versionLocked[...]..." | "constraints[...]" ],
#     types: [ { cfn, resource, empty, base, typedef, desc, list_type, map_type, cons_prefix,
#                attrs_array, attributes: [...], fields: [ field... ] } ] }   (sorted by cfn)
#   field: { json, member, shape, prim, ref, ref_typedef, ref_desc, ctype, required, update,
#            version_locked, duplicates, constraint, note }                      (sorted by json)
#     shape: prim | json | struct | list_prim | list_struct | map_prim | map_struct
#     prim:  string | integer | long | double | boolean | timestamp | json | null
#     update: mutable | immutable | conditional | null;  version_locked: true | false | null
#     constraint: null | { id, enum_id, min, max, min_length, max_length, min_items, max_items,
#                          enum (as strings: [1, 3] -> ["1", "3"]), pattern, key_pattern, source }
#
# Rules (see also include/lambdac/l1.h):
#   * "X" in a Type/ItemType inside AWS::Svc::Res means the PropertyType AWS::Svc::Res.X when
#     that exists, else the global PropertyType X (the spec's global "Tag").
#   * A PropertyType without Properties but with a type key is an alias: references to it
#     take its shape (List<alias-of-List> and the CDK union keys become opaque Json).
#     A PropertyType with neither is an empty struct.
#   * C names: lc_ + the CloudFormation name with "::" and "." replaced by "_"; members keep
#     the property name, "_" appended to C/C++ keywords and standard-header macro names.
#     Anything that is not an identifier, is reserved, or collides after mangling is an error.
#   * Unknown keys are ignored.
# Errors: error("spec: <JSON path>: <problem>") or error("overrides: <JSON path>: <problem>");
# jq prints "jq: error (at <file>:N): ..." and exits 5.

def lc_ir_version: 1;
def lc_abi: 1;

def prim_names:
  { "String": "string", "Integer": "integer", "Long": "long", "Double": "double",
    "Boolean": "boolean", "Timestamp": "timestamp", "Json": "json" };

# Words a struct member may not be spelled as: C11 and C++ keywords, and macros of the
# standard headers a user is likely to include (<stdbool.h>, <stddef.h>, <assert.h>, ...).
def c_words:
  [ "auto", "break", "case", "char", "const", "continue", "default", "do", "double", "else",
    "enum", "extern", "float", "for", "goto", "if", "inline", "int", "long", "register",
    "restrict", "return", "short", "signed", "sizeof", "static", "struct", "switch",
    "typedef", "union", "unsigned", "void", "volatile", "while",
    "_Alignas", "_Alignof", "_Atomic", "_Bool", "_Complex", "_Generic", "_Imaginary",
    "_Noreturn", "_Static_assert", "_Thread_local",
    "alignas", "alignof", "and", "and_eq", "asm", "bitand", "bitor", "bool", "catch", "char16_t",
    "char32_t", "class", "compl", "constexpr", "const_cast", "decltype", "delete",
    "dynamic_cast", "explicit", "export", "false", "friend", "mutable", "namespace", "new",
    "noexcept", "not", "not_eq", "nullptr", "operator", "or", "or_eq", "private", "protected",
    "public", "reinterpret_cast", "static_assert", "static_cast", "template", "this",
    "thread_local", "throw", "true", "try", "typeid", "typename", "using", "virtual",
    "wchar_t", "xor", "xor_eq",
    "NULL", "offsetof", "assert", "errno", "noreturn", "complex", "imaginary", "I", "EOF",
    "stdin", "stdout", "stderr", "unix", "linux" ];

def is_ident: type == "string" and test("^[A-Za-z_][A-Za-z0-9_]*$");
# One step of a JSON path: .Key when Key is an identifier, ["A::B"] otherwise.
def pstep: if is_ident then "." + . else "[" + tojson + "]" end;
def tstep: "[" + tojson + "]";

def bad($where; $msg): error("spec: " + $where + ": " + $msg);
def obad($where; $msg): error("overrides: " + $where + ": " + $msg);

# The resource a type name belongs to ("AWS::S::R" for "AWS::S::R" and "AWS::S::R.X");
# null for a global property type ("Tag").
def scope_of:
  if index(".") != null then .[0:index(".")]
  elif contains("::") then .
  else null end;

# ---- validation of the spec's outer structure --------------------------------------------
def check_props($where):
  if (.Properties // null) == null then .
  elif (.Properties | type) != "object" then bad($where + ".Properties"; "expected an object, got " + (.Properties | type))
  else reduce (.Properties | to_entries[]) as $e (.;
         if ($e.value | type) != "object" then bad($where + ".Properties" + ($e.key | pstep); "expected an object, got " + ($e.value | type))
         else . end)
  end
  | if (.Attributes // null) != null and (.Attributes | type) != "object"
    then bad($where + ".Attributes"; "expected an object, got " + (.Attributes | type)) else . end;

def check_spec:
  if type != "object" then bad("(top level)"; "expected an object, got " + type)
  elif (.ResourceTypes | type) != "object" then
    bad("ResourceTypes"; if has("ResourceTypes") then "expected an object, got " + (.ResourceTypes | type) else "missing" end)
  elif (.PropertyTypes // null) != null and (.PropertyTypes | type) != "object" then
    bad("PropertyTypes"; "expected an object, got " + (.PropertyTypes | type))
  else
    reduce ((.ResourceTypes | to_entries[] | {k: ("ResourceTypes" + (.key | tstep)), v: .value}),
            ((.PropertyTypes // {}) | to_entries[] | {k: ("PropertyTypes" + (.key | tstep)), v: .value})) as $e (.;
      if ($e.v | type) != "object" then bad($e.k; "expected an object, got " + ($e.v | type))
      else ($e.v | check_props($e.k)) as $ok | . end)
  end;

# ---- classification -----------------------------------------------------------------------
def prim_of($where; $key):
  if type != "string" then bad($where; $key + " must be a string, got " + type)
  elif prim_names[.] == null then
    bad($where; $key + " " + tojson + " is not a primitive type (String, Integer, Long, Double, Boolean, Timestamp, Json)")
  else prim_names[.] end;

def ref_of($PT; $scope; $where; $key):
  if type != "string" then bad($where; $key + " must be a string, got " + type)
  elif $scope != null and ($PT[$scope + "." + .] | type) == "object" then $scope + "." + .
  elif ($PT[.] | type) == "object" then .
  else bad($where; $key + " " + tojson + " names no PropertyType"
           + (if $scope != null then " (neither " + (($scope + "." + .) | tojson) + " nor " + tojson + " exists)" else "" end))
  end;

# The shape of a property object (or of an alias PropertyType), aliases not yet expanded.
def raw_shape($PT; $scope; $where):
  if has("PrimitiveType") and has("Type") then bad($where; "has both PrimitiveType and Type")
  elif has("PrimitiveType") then
    (.PrimitiveType | prim_of($where; "PrimitiveType")) as $p
    | if $p == "json" then {shape: "json", prim: "json"} else {shape: "prim", prim: $p} end
  elif has("Type") then
    if (.Type | type) != "string" then bad($where; "Type must be a string, got " + (.Type | type))
    elif .Type == "List" or .Type == "Map" then
      (if .Type == "List" then "list" else "map" end) as $c
      | if has("PrimitiveItemType") and has("ItemType") then bad($where; "has both ItemType and PrimitiveItemType")
        elif has("PrimitiveItemType") then
          {shape: ($c + "_prim"), prim: (.PrimitiveItemType | prim_of($where; "PrimitiveItemType"))}
        elif has("ItemType") then
          if .ItemType == "List" or .ItemType == "Map" then
            {shape: ($c + "_prim"), prim: "json", note: ("a " + .Type + " of " + .ItemType + "s: opaque JSON")}
          else {shape: ($c + "_struct"), ref: (.ItemType | ref_of($PT; $scope; $where; "ItemType"))} end
        elif has("PrimitiveItemTypes") or has("ItemTypes") or has("InclusiveItemTypes") or has("InclusivePrimitiveItemTypes") then
          {shape: ($c + "_prim"), prim: "json", note: "union item type: opaque JSON"}
        else bad($where; "Type " + (.Type | tojson) + " has neither ItemType nor PrimitiveItemType") end
    else {shape: "struct", ref: (.Type | ref_of($PT; $scope; $where; "Type"))} end
  elif has("PrimitiveTypes") or has("Types") then {shape: "json", prim: "json", note: "union type: opaque JSON"}
  else bad($where; "has neither PrimitiveType nor Type") end;

def is_alias:
  type == "object" and .Properties == null
  and (has("PrimitiveType") or has("Type") or has("PrimitiveTypes") or has("Types"));

# Replace a reference to an alias PropertyType by the alias's own shape.
def expand($PT; $depth):
  if .ref != null and ($PT[.ref] | is_alias) then
    .ref as $a
    | if $depth > 16 then bad("PropertyTypes" + ($a | tstep); "alias chain too long (a cycle of aliases?)") else . end
    | ($PT[$a] | raw_shape($PT; $a | scope_of; "PropertyTypes" + ($a | tstep)) | expand($PT; $depth + 1)) as $t
    | ("alias " + $a) as $why
    | if .shape == "struct" then $t + {note: ([$why, $t.note // empty] | join("; "))}
      else (.shape | sub("_struct$"; "")) as $c
        | if $t.shape == "prim" or $t.shape == "json" then {shape: ($c + "_prim"), prim: $t.prim, note: $why}
          elif $t.shape == "struct" then {shape: ($c + "_struct"), ref: $t.ref, note: $why}
          else {shape: ($c + "_prim"), prim: "json", note: ($why + " is itself a collection: opaque JSON")} end
      end
  else . end;

def update_of($where):
  if has("UpdateType") | not then null
  elif .UpdateType == "Mutable" then "mutable"
  elif .UpdateType == "Immutable" then "immutable"
  elif .UpdateType == "Conditional" then "conditional"
  else bad($where; "UpdateType " + (.UpdateType | tojson) + " is not Mutable, Immutable or Conditional") end;

def bool_of($where; $key):
  if has($key) | not then null
  elif (.[$key] | type) == "boolean" then .[$key]
  else bad($where; $key + " must be true or false, got " + (.[$key] | tojson)) end;

# ---- names --------------------------------------------------------------------------------
def c_stem($where):
  (gsub("::"; "_") | gsub("\\."; "_")) as $s
  | if ($s | test("^[A-Z][A-Za-z0-9_]*$")) | not then
      bad($where; "type name " + tojson + " does not mangle into a C identifier starting with an upper-case letter")
    else $s end;

def member_of($where):
  if is_ident | not then bad($where; "property name " + tojson + " is not a C identifier")
  elif test("^_[A-Z_]") then bad($where; "property name " + tojson + " is reserved in C (leading underscore)")
  elif test("^(lc|LC)_") then bad($where; "property name " + tojson + " is reserved for lambdac (lc_ / LC_ prefix)")
  elif (. as $n | c_words | index([$n])) != null then . + "_"
  else . end;

def ctype_of($types):
  if .shape == "prim" or .shape == "json" then "lc_" + .prim + "_t"
  elif .shape == "list_prim" then "lc_list_" + .prim + "_t"
  elif .shape == "map_prim" then "lc_map_" + .prim + "_t"
  elif .shape == "struct" then "const " + $types[.ref].typedef + " *"
  elif .shape == "list_struct" then $types[.ref].base + "_list_t"
  else $types[.ref].base + "_map_t" end;

# ---- overrides ----------------------------------------------------------------------------
def num_of($where; $key):
  if has($key) | not then null
  elif (.[$key] | type) == "number" then .[$key]
  else obad($where + "." + $key; "expected a number, got " + (.[$key] | tojson)) end;

def count_of($where; $key):
  if has($key) | not then null
  elif (.[$key] | type) == "number" and .[$key] >= 0 and (.[$key] | floor) == .[$key] then .[$key]
  else obad($where + "." + $key; "expected a non-negative integer, got " + (.[$key] | tojson)) end;

def str_of($where; $key):
  if has($key) | not then null
  elif (.[$key] | type) == "string" then .[$key]
  else obad($where + "." + $key; "expected a string, got " + (.[$key] | tojson)) end;

def first_of(f; g): (f) as $a | if $a != null then $a else g end;

def constraint_of($where):
  if type != "object" then obad($where; "expected an object, got " + type) else . end
  | { min: first_of(num_of($where; "min"); num_of($where; "minimum")),
      max: first_of(num_of($where; "max"); num_of($where; "maximum")),
      min_length: count_of($where; "minLength"),
      max_length: count_of($where; "maxLength"),
      min_items: count_of($where; "minItems"),
      max_items: count_of($where; "maxItems"),
      enum: (if has("enum") | not then null
             elif (.enum | type) == "array" and (.enum | length) > 0 and all(.enum[]; type == "string" or type == "number")
             then .enum | map(tostring)
             else obad($where + ".enum"; "expected a non-empty array of strings or numbers") end),
      pattern: str_of($where; "pattern"),
      key_pattern: str_of($where; "keyPattern"),
      source: str_of($where; "source") };

def has_check: [.min, .max, .min_length, .max_length, .min_items, .max_items, .enum, .pattern, .key_pattern] | any(. != null);

# ================================================================================================
# A spec file holds one JSON value: anything after it (a second value, or text that does not
# parse) is an error raised here, before anything is emitted (jq would otherwise print the
# first value's result and only then fail, a partial output; t/fuzz gen-spec found it).
(if ([inputs] | length) > 0 then error("spec: the file holds more than one JSON value") else . end)
| check_spec
| . as $spec
| (($ARGS.named.overrides // [{}]) | .[0] // {}) as $ov
| if ($ov | type) != "object" then obad("(top level)"; "expected an object, got " + ($ov | type)) else . end
| ($spec.PropertyTypes // {}) as $PT
| ($spec.ResourceTypes) as $RT
| ($ARGS.named.input // "specification.json") as $input

# version-locked classification: {"<resource>": {"<prop>": true|false|null}}
| ($ov.versionLocked // {}) as $vl
| if ($vl | type) != "object" then obad("versionLocked"; "expected an object, got " + ($vl | type)) else . end
| ($vl | to_entries | map(
    ("versionLocked" + (.key | tstep)) as $w
    | if (.value | type) != "object" then obad($w; "expected an object, got " + (.value | type)) else . end
    | .value | to_entries[]
    | select((.value | type) != "boolean" and .value != null)
    | obad($w + (.key | pstep); "expected true, false or null, got " + (.value | tojson)))) as $vl_checked

# ---- every emitted type with its raw fields ----
| [ ($RT | to_entries[] | {cfn: .key, resource: true, where: ("ResourceTypes" + (.key | tstep)), v: .value}),
    ($PT | to_entries[] | select(.value | is_alias | not)
         | {cfn: .key, resource: false, where: ("PropertyTypes" + (.key | tstep)), v: .value}) ]
| map(
    .where as $tw | (.cfn | c_stem($tw)) as $stem
    | ("lc_" + $stem) as $base
    | .cfn as $cfn | .where as $where | .resource as $isres
    | ($cfn | scope_of) as $scope
    | {
        cfn: $cfn,
        resource: $isres,
        empty: ((.v.Properties // {}) | length == 0),
        base: $base,
        typedef: ($base + "_t"),
        desc: ($base + "_desc"),
        cons_prefix: ("lc__cons_" + $stem + "__"),
        attrs_array: (if ((.v.Attributes // {}) | length) > 0 then "lc__attrs_" + $stem else null end),
        attributes: ((.v.Attributes // {}) | keys),
        fields: ([ (.v.Properties // {}) | to_entries[]
                  | ($where + ".Properties" + (.key | pstep)) as $pw
                  | .key as $json
                  | .value as $p
                  | ($p | raw_shape($PT; $scope; $pw) | expand($PT; 0)) as $s
                  | { json: $json,
                      member: ($json | member_of($pw)),
                      shape: $s.shape,
                      prim: ($s.prim // null),
                      ref: ($s.ref // null),
                      required: ($p | bool_of($pw; "Required") // false),
                      update: ($p | update_of($pw)),
                      version_locked: (if $isres then ($vl[$cfn] // {})[$json] else null end),
                      duplicates: ($p | bool_of($pw; "DuplicatesAllowed")),
                      note: ($s.note // null) } ]
                | sort_by(.json)),
        where: $where
      })
| sort_by(.cfn)
| . as $list
| (map({key: .cfn, value: .}) | from_entries) as $byname
| ([ .[] | .fields[] | select(.shape == "list_struct") | .ref ] | unique) as $listed
| ([ .[] | .fields[] | select(.shape == "map_struct") | .ref ] | unique) as $mapped

# members unique within a type after mangling
| map(.where as $w
      | (.fields | group_by(.member) | map(select(length > 1))
         | if length > 0 then bad($w + ".Properties";
             "properties " + (.[0] | map(.json | tojson) | join(" and ")) + " both become the C member " + .[0][0].member)
           else . end) as $chk
      | .)

# ---- constraints from overrides: resolve "<type>.<prop>" or "<resource>.<prop>.<prop>..." ----
| ($ov.constraints // {}) as $cons
| if ($cons | type) != "object" then obad("constraints"; "expected an object, got " + ($cons | type)) else . end
| [ $cons | to_entries[]
    | ("constraints" + (.key | tstep)) as $cw
    | (.value | constraint_of($cw)) as $c
    | if ($c | has_check) | not then obad($cw; "names no check (min, max, minLength, maxLength, minItems, maxItems, enum, pattern, keyPattern)") else . end
    | .key as $k
    | ( if ($k | test("\\.[^.]+$")) then
          ($k | sub("\\.[^.]+$"; "")) as $t | ($k | sub("^.*\\."; "")) as $p
          | if $byname[$t] != null and ($byname[$t].fields | any(.json == $p)) then {type: $t, json: $p} else null end
        else null end ) as $direct
    | ( if $direct != null then $direct
        elif ($k | index(".")) == null then null
        else ($k | .[0:index(".")]) as $r | ($k | .[index(".") + 1:] | split(".")) as $segs
          | reduce $segs[] as $seg ({t: $r, json: null, ok: ($byname[$r] != null)};
              if .ok | not then .
              elif .json == null then .json = $seg
              else . as $st
                | ($byname[$st.t].fields | map(select(.json == $st.json)) | .[0]) as $f
                | if $f != null and $f.ref != null and $byname[$f.ref] != null
                  then {t: $f.ref, json: $seg, ok: true} else {ok: false} end
              end)
          | . as $st
          | if .ok and .json != null and ($byname[.t].fields | any(.json == $st.json)) then {type: .t, json: .json} else null end
        end ) as $target
    | {key: $k, where: $cw, target: $target, c: $c} ] as $cons_list
| ($cons_list | map(select(.target != null))
   | group_by(.target.type + " " + .target.json)
   | map(if length > 1 then obad(.[1].where; "names the same property as " + .[0].where) else .[0] end)) as $cons_matched
| ($cons_matched | map({key: (.target.type + " " + .target.json), value: .c}) | from_entries) as $cons_by
| map(.cfn as $t | .cons_prefix as $cp
      | .fields |= map(
          $cons_by[$t + " " + .json] as $c
          | . + {constraint: (if $c == null then null
                              else {id: ($cp + .member),
                                    enum_id: (if $c.enum != null then ($cp + .member | sub("^lc__cons_"; "lc__enum_")) else null end)} + $c end)}))

# ---- C types, list / map wrappers ----
| (map({key: .cfn, value: {base, typedef}}) | from_entries) as $tn
| map(.base as $b | .cfn as $c
      | . + {list_type: (if ($listed | index([$c])) != null then $b + "_list_t" else null end),
             map_type: (if ($mapped | index([$c])) != null then $b + "_map_t" else null end)}
      | .fields |= map(. + {ctype: ctype_of($tn),
                            ref_typedef: (if .ref != null then $tn[.ref].typedef else null end),
                            ref_desc: (if .ref != null then $tn[.ref].base + "_desc" else null end)}))

# ---- every file-scope identifier the generated code declares must be unique ----
| ([ .[] | .where as $w
     | (.base, .typedef, .desc, (.base + "_FIELDS"), (.base + "_fields"), .attrs_array, .list_type, .map_type,
        (.fields[] | .constraint | select(. != null) | .id, .enum_id))
     | select(. != null) | {id: ., where: $w} ]
   | group_by(.id) | map(select(length > 1))
   | if length > 0 then bad(.[0][1].where; "becomes the C identifier " + .[0][0].id + ", like " + .[0][0].where) else . end) as $ids_ok

| map(del(.where) | .fields |= map({json, member, shape, prim, ref, ref_typedef, ref_desc, ctype, required,
                                     update, version_locked, duplicates, constraint, note}))
| . as $types
| ($RT["AWS::Lambda::Function"] != null) as $has_fn
| {
    ir: lc_ir_version,
    abi: lc_abi,
    generator: "gen/normalize.jq",
    input: $input,
    spec_version: ($spec.ResourceSpecificationVersion // "unknown" | tostring),
    counts: {
      resource_types: ($RT | length),
      property_types: ($PT | length),
      properties: ([ $RT[], $PT[] | (.Properties // {}) | length ] | add // 0),
      structs: ($types | length),
      aliases: ([ $PT[] | select(is_alias) ] | length),
      version_locked: ([ ($vl | keys[]), (if $has_fn then "AWS::Lambda::Function" else empty end) ] | unique
                       | map(. as $r | select($RT[$r] != null)
                             | ($types | map(select(.cfn == $r)) | .[0].fields) as $f
                             | {key: $r, value: {properties: ($f | length),
                                                 locked: ($f | map(select(.version_locked == true)) | length),
                                                 unlocked: ($f | map(select(.version_locked == false)) | length),
                                                 unknown: ($f | map(select(.version_locked == null)) | length)}})
                       | from_entries)
    },
    unmatched_overrides: (
      [ ($vl | to_entries[] | .key as $r
         | if $RT[$r] == null then "versionLocked" + ($r | tstep)
           else .value | keys[] | . as $p | select(($RT[$r].Properties // {}) | has($p) | not)
                | "versionLocked" + ($r | tstep) + ($p | pstep) end),
        ($cons_list[] | select(.target == null) | .where) ] | sort),
    types: $types
  }
