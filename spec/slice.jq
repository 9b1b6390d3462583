# spec/slice.jq -- cut the lambdac slice out of a CloudFormation resource specification.
#
# Input : a legacy-format spec (CloudFormationResourceSpecification.json: ResourceTypes,
#         PropertyTypes, ResourceSpecificationVersion), any version, full or already sliced.
# $types: the text of spec/types.list (one resource type per line; blank lines and lines
#         starting with '#' are ignored).
# Output: {ResourceSpecificationVersion, ResourceTypes, PropertyTypes} holding
#           - the listed resource types that the input has (missing ones are skipped, so an
#             older spec simply lacks the newer types),
#           - every property type scoped to a kept resource ("AWS::X::Y.Z"),
#           - the global "Tag" property type, only when a kept Type/ItemType "Tag" does not
#             resolve to a scoped "<resource>.Tag".
#         Other top-level keys (Fingerprint, ...) are dropped, and so is the CDK-only
#         "ScrutinyType" annotation; every other key passes through unchanged.
# Errors: no listed type found; a Type/ItemType that resolves to no property type.
#
# Usage (jq 1.6 or later; -S makes the output sorted and reproducible):
#   jq -S --rawfile types spec/types.list -f spec/slice.jq CloudFormationResourceSpecification.json
#   (--arg types "$(cat spec/types.list)" works too)

def wanted:
  $types | split("\n")
  | map(sub("\r$"; "") | sub("^[ \t]+"; "") | sub("[ \t]+$"; ""))
  | map(select(length > 0 and (startswith("#") | not)));

# Names a property (or attribute) refers to through Type / ItemType and the CDK union keys.
def refnames:
  [ (if (.Type | type) == "string" and .Type != "List" and .Type != "Map" then .Type else empty end),
    (.ItemType // empty),
    ((.Types // [])[]), ((.ItemTypes // [])[]), ((.InclusiveItemTypes // [])[]) ]
  | map(select(type == "string"));

def strip_prop: if type == "object" then del(.ScrutinyType) else . end;

def strip_res:
  del(.ScrutinyType)
  | if (.Properties | type) == "object" then .Properties |= map_values(strip_prop) else . end;

def strip_ptype:
  if (.Properties | type) == "object" then .Properties |= map_values(strip_prop) else strip_prop end;

(wanted | map({(.): true}) | add // {}) as $set
| (.ResourceTypes // {}) as $RT
| (.PropertyTypes // {}) as $PT
| ($RT | with_entries(select($set[.key] == true) | .value |= strip_res)) as $rt
| if ($rt | length) == 0 then error("slice.jq: none of the listed resource types is in the input (was --rawfile types given?)") else . end
| ($PT | with_entries(select((.key | index(".")) != null and $set[.key | split(".")[0]] == true)
                     | .value |= strip_ptype)) as $pt
# every (resource, referenced name) pair of the kept data
| [ ($rt | to_entries[] | .key as $r
       | ((.value.Properties // {}), (.value.Attributes // {})) | .[]
       | refnames[] | {r: $r, n: .}),
    ($pt | to_entries[] | (.key | split(".")[0]) as $r
       | (if (.value.Properties | type) == "object" then .value.Properties[] else .value end)
       | refnames[] | {r: $r, n: .}) ] as $refs
| ([ $refs[] | select($pt[.r + "." + .n] == null) ] | unique) as $unscoped
| ([ $unscoped[] | select(.n == "Tag") ] | length > 0) as $needtag
| ([ $unscoped[] | select(.n != "Tag" or $PT.Tag == null) | .r + " -> " + .n ]) as $dangling
| if ($dangling | length) > 0
  then error("slice.jq: dangling Type/ItemType references: " + ($dangling | join(", ")))
  else . end
| {
    ResourceSpecificationVersion: .ResourceSpecificationVersion,
    ResourceTypes: $rt,
    PropertyTypes: ($pt + (if $needtag then {Tag: ($PT.Tag | strip_ptype)} else {} end))
  }
