#!/bin/sh
# t/74-gen-fuzz.sh - TAP: the generator's spec reader on mutated specs (a bounded fuzzer;
# jq is not libFuzzer-able).
#
# Each mutant is t/gen/mini-spec.json with 1-3 structural mutations (a member deleted,
# renamed to a name C cannot take, replaced by null / a number / a string / [] / {} /
# another part of the spec, a Type pointing nowhere, ...) or, one time in five, a
# byte-level one (truncated, a byte flipped, garbage inserted, the text twice, as a
# download appended to an existing file).  gen/normalize.jq runs on it as `make regen`
# runs it (it refuses a file holding more than one JSON value itself; gen/regen.sh's own
# up-front check of that is a row of t/70-bad-input.sh), and:
#   - accepted: stdout is one JSON document, and both emitters turn it into a header and
#     a source (one mutant in ten is also compiled with -fsyntax-only);
#   - rejected: stdout is empty (no partial output) and stderr names the JSON path of the
#     problem ("spec: <path>: ..." / "overrides: ...") or, for text that is not JSON,
#     jq's "parse error ... at line L, column C" - never a bare jq error such as
#     "Cannot index number with ...", which leaves the user guessing;
#   - never a crash (signal) or a hang (60 s).
# A mutant that breaks a rule is kept in $LC_GEN_FUZZ_KEEP (default
# $top_builddir/t/fuzz/gen-failures) with its seed, to be replayed with LC_GEN_FUZZ_SEED.
#
# Knobs: LC_GEN_FUZZ_N (mutants, default 30), LC_GEN_FUZZ_SECONDS (stop after this long;
# `make fuzz` sets it from FUZZ_SECONDS and N to a large number), LC_GEN_FUZZ_SEED (the
# first seed; default 1, so `make check` runs the same mutants every time).
. "$(dirname "$0")/7x-lib.sh"

N=${LC_GEN_FUZZ_N:-30}
SECONDS_MAX=${LC_GEN_FUZZ_SECONDS:-0}
SEED=${LC_GEN_FUZZ_SEED:-1}
KEEP=${LC_GEN_FUZZ_KEEP:-$top_builddir/t/fuzz/gen-failures}
spec=$top_srcdir/t/gen/mini-spec.json
ov=$top_srcdir/t/gen/mini-overrides.json
norm=$top_srcdir/gen/normalize.jq

[ -f "$spec" ] && [ -f "$norm" ] || { echo "1..0 # SKIP no mini spec or generator"; exit 0; }

# The structural mutator: $seed picks paths and operations (an LCG; jq has no random).
cat > "$tmp/mutate.jq" <<'EOF_'
def lcg: (. * 1103515245 + 12345) % 2147483648;
def pick($n): if $n <= 0 then 0 else ((. / 65536 | floor) % $n) end;
# the replacement values, including names gen/normalize.jq must refuse or mangle
def vals: [null, 42, -1.5, "Strin", "", [], {}, true,
             "List", "Map", "Json", "Tag", "Nowhere", {"Type": "List"},
             {"PrimitiveType": "String"}, {"Type": "Config"}, {"ItemType": "Nope", "Type": "List"},
             "Mutable", "Sometimes", {"Properties": 1}];
def nms: ["a-b", "default", "default_", "__x", "lc_x", "", "é", "Type", "Properties",
            "0abc", "AWS::X::Y", "AWS::Mini::Thing.Config", "x.y", "struct", "NULL"];
def mutate_once($s):
  . as $doc
  | [paths] as $ps
  | ($s | lcg) as $s1 | ($s1 | lcg) as $s2 | ($s2 | lcg) as $s3
  | ($ps | length) as $np
  | if $np == 0 then . else
    $ps[$s1 | pick($np)] as $p
    | ($s2 | pick(6)) as $op
    | if $op == 0 then delpaths([$p])
      elif $op == 1 then setpath($p; vals[$s3 | pick(vals | length)])
      elif $op == 2 then setpath($p; $doc | getpath($ps[$s3 | pick($np)]))
      elif $op == 3 and ($p | length) > 0 and ($doc | getpath($p[:-1]) | type) == "object" then
        # rename the member
        (nms[$s3 | pick(nms | length)]) as $new
        | delpaths([$p]) | setpath($p[:-1] + [$new]; $doc | getpath($p))
      elif $op == 4 then setpath($p; nms[$s3 | pick(nms | length)])
      else setpath($p; vals[$s3 | pick(vals | length)] ) end
    end;
def mutate($seed; $k):
  reduce range(0; $k) as $i (.; mutate_once(($seed * 7919 + $i * 104729) % 2147483647));
mutate($seed; $count)
EOF_

# bytes SEED FILE: a byte-level mutation of FILE (truncate / flip / insert / the whole text
# twice, as a download appended to an existing file), to stdout.
bytes() {
    awk -v seed="$1" 'BEGIN { srand(seed); op = int(rand() * 4) }
        { text = text $0 "\n" }
        END {
            n = length(text); pos = int(rand() * n) + 1
            if (op == 0) printf "%s", substr(text, 1, pos)
            else if (op == 1) printf "%s%s%s", substr(text, 1, pos - 1), substr("{}[],:\"\\x0 ", int(rand() * 11) + 1, 1), substr(text, pos + 1)
            else if (op == 2) printf "%s%s%s", substr(text, 1, pos), "\"\\u12", substr(text, pos + 1)
            else printf "%s%s", text, substr(text, 1, pos)
        }' "$2"
}

mkdir -p "$tmp/m"
start=$(date +%s)
accepted=0 rejected=0 n=0 seed=$SEED
while [ "$n" -lt "$N" ]; do
    if [ "$SECONDS_MAX" -gt 0 ] && [ $(( $(date +%s) - start )) -ge "$SECONDS_MAX" ]; then
        break
    fi
    n=$((n + 1))
    m=$tmp/m/mutant.json
    if [ $((seed % 5)) -eq 0 ]; then
        kind=bytes
        bytes "$seed" "$spec" > "$m"
    else
        kind=tree
        "$JQ" --argjson seed "$seed" --argjson count $((1 + seed % 3)) -f "$tmp/mutate.jq" "$spec" > "$m" 2> "$tmp/m/mutate.err" || {
            not_ok "mutant $seed: the mutator failed"; diag_file "$tmp/m/mutate.err"; seed=$((seed + 1)); continue; }
    fi
    run_timeout 60 "$JQ" --arg input mutant.json --slurpfile overrides "$ov" -f "$norm" "$m" \
        > "$tmp/m/ir.json" 2> "$tmp/m/err"
    rc=$?
    why=""
    if [ "$rc" -eq 124 ]; then
        why="gen/normalize.jq hangs (60 s)"
    elif [ "$rc" -ge 128 ]; then
        why="jq died with signal $((rc - 128))"
    elif [ "$rc" -eq 0 ]; then
        if [ "$("$JQ" -s length "$tmp/m/ir.json" 2> /dev/null)" != 1 ]; then
            why="accepted, but the output is not one JSON document"
        elif ! "$JQ" -r -f "$top_srcdir/gen/emit-header.jq" "$tmp/m/ir.json" > "$tmp/m/cfn.gen.h" 2> "$tmp/m/emit.err" ||
             ! "$JQ" -r -f "$top_srcdir/gen/emit-source.jq" "$tmp/m/ir.json" > "$tmp/m/cfn.gen.c" 2>> "$tmp/m/emit.err"; then
            why="accepted by gen/normalize.jq, but an emitter fails: $(head -c 300 "$tmp/m/emit.err")"
        elif [ $((seed % 10)) -eq 3 ]; then
            mkdir -p "$tmp/m/inc/lambdac"
            cp "$tmp/m/cfn.gen.h" "$tmp/m/inc/lambdac/cfn.gen.h"
            # shellcheck disable=SC2086
            if ! $CC -std=c11 -fsyntax-only -I"$tmp/m/inc" -I"$top_srcdir/include" -I"$top_builddir" \
                    -x c "$tmp/m/cfn.gen.c" > "$tmp/m/cc.err" 2>&1; then
                why="accepted, but the generated source does not compile: $(grep -m1 error "$tmp/m/cc.err")"
            fi
        fi
        [ -z "$why" ] && accepted=$((accepted + 1))
    else
        if [ -s "$tmp/m/ir.json" ]; then
            why="rejected, but something was written to stdout (partial output)"
        elif ! grep -E -q '(spec|overrides): [^ ]|parse error|Unfinished JSON term|Unfinished string at EOF at line|Invalid numeric literal|Invalid escape|Invalid string|Unmatched|Expected separator|Objects must consist of key:value pairs|Invalid literal' "$tmp/m/err"; then
            why="rejected without naming the JSON path: $(head -c 300 "$tmp/m/err")"
        fi
        [ -z "$why" ] && rejected=$((rejected + 1))
    fi
    if [ -n "$why" ]; then
        not_ok "mutant $seed ($kind): $why"
        mkdir -p "$KEEP" 2> /dev/null && cp "$m" "$KEEP/mutant-$seed.json" 2> /dev/null &&
            diag "kept as $KEEP/mutant-$seed.json (LC_GEN_FUZZ_SEED=$seed LC_GEN_FUZZ_N=1 replays it)"
        diag_file "$tmp/m/err"
    fi
    seed=$((seed + 1))
done
ok "$n mutants of t/gen/mini-spec.json: $accepted accepted and emitted, $rejected rejected with a clear error, $tap_failed broke a rule"
done_testing
