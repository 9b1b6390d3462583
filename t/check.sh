#!/bin/sh
# t/check.sh - TAP: lambdac-check on its corpus, its output formats, its command line.
#
# The corpus: every t/check/<name>.c has a t/check/<name>.expected holding exactly what
#     lambdac-check --no-caret --as-of 2026-11-21 --disable ops/no-dlq [ARGS] <name>.c
# prints (run in t/check, so paths are bare file names), then a last line "exit: N".
# ARGS come from a line "/* check-args: ARGS */" in the source, if any.  To accept a
# new output after reviewing it: sh t/check.sh --update <name>.
#
# Then: every example in examples/ has no error; JSON and SARIF outputs are well formed
# (the SARIF 2.1.0 fields code-scanning services read, and the OASIS schema when
# LC_SARIF_SCHEMA names it); suppressed results stay in SARIF with their justification;
# exit statuses; standard input; --list-rules.
set -u

: "${top_srcdir:=$(cd "$(dirname "$0")/.." && pwd)}"
: "${top_builddir:=$top_srcdir}"
: "${JQ:=jq}"

check="$top_builddir/tools/lambdac-check"
dir="$top_srcdir/t/check"
AS_OF=2026-11-21

update=0
if [ "${1:-}" = --update ]; then
    update=1
    shift
fi
if [ ! -x "$check" ]; then
    echo "1..0 # SKIP $check is not built"
    exit 0
fi
tmp=$(mktemp -d "${TMPDIR:-/tmp}/lc-check.XXXXXX") || exit 99
trap 'rm -rf "$tmp"' EXIT
trap 'exit 130' INT TERM

if [ $# -gt 0 ]; then
    names=$(for s in "$@"; do s=${s##*/}; echo "${s%.c}"; done)
else
    names=$(cd "$dir" && ls -- *.c | LC_ALL=C sort | sed 's/\.c$//')
fi
examples=$(cd "$top_srcdir/examples" && ls -- *.c | LC_ALL=C sort)
ncorpus=$(echo "$names" | wc -w)
nexamples=$(echo "$examples" | wc -w)
nother=16
[ $# -gt 0 ] && { nexamples=0; nother=0; }
echo "1..$((ncorpus + nexamples + nother))"

n=0
ok() { n=$((n + 1)); echo "ok $n - $1"; }
notok() { n=$((n + 1)); echo "not ok $n - $1"; }
diag() { sed -e '40q' -e 's/^/# /' "$1"; }

# run NAME: the corpus run of one file, into $tmp/NAME.out
run() {
    args=$(sed -n 's|^/\* check-args: \(.*[^ ]\) *\*/ *$|\1|p' "$dir/$1.c" | head -n 1)
    # shellcheck disable=SC2086
    (cd "$dir" && "$check" --no-caret --as-of $AS_OF --disable ops/no-dlq $args "$1.c") \
        > "$tmp/$1.out" 2>&1
    echo "exit: $?" >> "$tmp/$1.out"
}

for name in $names; do
    run "$name"
    if [ $update = 1 ]; then
        cp "$tmp/$name.out" "$dir/$name.expected"
    fi
    if [ ! -f "$dir/$name.expected" ]; then
        notok "$name: no $name.expected (review the output below, then sh t/check.sh --update $name)"
        diag "$tmp/$name.out"
    elif cmp -s "$dir/$name.expected" "$tmp/$name.out"; then
        ok "$name: $(grep -c ': error: ' "$tmp/$name.out") errors, $(grep -c ': warning: ' "$tmp/$name.out") warnings, $(grep -c ': note: ' "$tmp/$name.out") notes as expected"
    else
        notok "$name: output differs from $name.expected"
        diff -u "$dir/$name.expected" "$tmp/$name.out" > "$tmp/diff"
        diag "$tmp/diff"
    fi
done
[ $# -gt 0 ] && exit 0

# every example passes without an error
for e in $examples; do
    (cd "$top_srcdir/examples" && "$check" --no-caret "$e") > "$tmp/ex.out" 2>&1
    rc=$?
    if [ $rc -eq 0 ] && ! grep -q ': error: ' "$tmp/ex.out"; then
        ok "examples/$e has no errors"
    else
        notok "examples/$e has no errors (exit $rc)"
        diag "$tmp/ex.out"
    fi
done

# --list-rules: unique ids of the form area/name, a severity and a description each
"$check" --list-rules --format json > "$tmp/rules.json"
if "$JQ" -e 'length > 40 and (map(.id) | length == (unique | length)) and
        all(.[]; (.id | test("^(check|schema|cdk|model|sec|ops)/[A-Za-z0-9-]+$")) and
                 (.severity | IN("error", "warning", "note")) and (.doc | length > 10) and
                 (if (.id | startswith("cdk/")) then .runtime_code == (.id | ltrimstr("cdk/")) else true end))' \
        "$tmp/rules.json" > /dev/null; then
    ok "--list-rules: $("$JQ" length "$tmp/rules.json") rules with unique ids, severities and descriptions"
else
    notok "--list-rules"
fi
if "$check" --list-rules | awk 'NF < 3 { exit 1 }'; then
    ok "--list-rules prints id, severity and description per line"
else
    notok "--list-rules prints id, severity and description per line"
fi

# --list-macros is sorted (the table is searched by bisection)
if "$check" --list-macros | LC_ALL=C sort -c 2> "$tmp/sort.err"; then
    ok "the macro table is sorted"
else
    notok "the macro table is sorted"
    diag "$tmp/sort.err"
fi

# JSON: parses, counts agree with the diagnostics, suppressed results are marked
(cd "$dir" && "$check" --format json --as-of $AS_OF suppressions.c bad-code.c) > "$tmp/out.json" 2> "$tmp/err"
if "$JQ" -e '(.counts.error == ([.diagnostics[] | select(.severity == "error" and (.suppressed | not))] | length)) and
             ([.diagnostics[] | select(.suppressed)] | length) == 4 and
             all(.diagnostics[]; (.file | type) == "string" and .line >= 1 and .column >= 1 and
                                 (.rule | type) == "string" and (.message | type) == "string")' \
        "$tmp/out.json" > /dev/null; then
    ok "--format json: well formed, counts agree, suppressed results marked"
else
    notok "--format json: well formed, counts agree, suppressed results marked"
    diag "$tmp/out.json"
fi

# SARIF 2.1.0: the members code-scanning services read
(cd "$dir" && "$check" --format sarif --as-of $AS_OF suppressions.c bad-l1-values.c bad-code.c) \
    > "$tmp/out.sarif" 2> "$tmp/err"
rc=$?
if [ $rc -eq 1 ] && "$JQ" -e '
        .version == "2.1.0" and (."$schema" | test("sarif-schema-2\\.1\\.0\\.json$")) and
        (.runs | length == 1) and
        (.runs[0].tool.driver as $d |
            $d.name == "lambdac-check" and ($d.version | type) == "string" and
            ($d.rules | length > 40) and
            all($d.rules[]; (.id | type) == "string" and (.shortDescription.text | length > 0) and
                            (.defaultConfiguration.level | IN("error", "warning", "note", "none")))) and
        (.runs[0].tool.driver.rules as $rules |
            (.runs[0].results | length > 10) and
            all(.runs[0].results[];
                $rules[.ruleIndex].id == .ruleId and (.level | IN("error", "warning", "note", "none")) and
                (.message.text | length > 0) and
                (.locations | length == 1) and
                (.locations[0].physicalLocation |
                    (.artifactLocation.uri | test("^[A-Za-z0-9._~/%-]+$")) and
                    .region.startLine >= 1 and .region.startColumn >= 1)))' \
        "$tmp/out.sarif" > /dev/null; then
    ok "--format sarif: version, \$schema, driver rules, results with rule ids, levels, messages, locations"
else
    notok "--format sarif (exit $rc)"
    diag "$tmp/out.sarif"
fi
if "$JQ" -e '[.runs[0].results[] | select(.suppressions)] |
             length == 4 and all(.[]; .suppressions[0].kind == "inSource" and
                                      (.suppressions[0].justification | type) == "string")' \
        "$tmp/out.sarif" > /dev/null; then
    ok "--format sarif: suppressed results carry an inSource suppression and its justification"
else
    notok "--format sarif: suppressed results carry an inSource suppression and its justification"
fi
# the SARIF 2.1.0 schema itself, when one is at hand: LC_SARIF_SCHEMA=path/to/
# sarif-schema-2.1.0.json (github.com/oasis-tcs/sarif-spec, sarif-2.1/schema/) and
# python3 with jsonschema
if [ -n "${LC_SARIF_SCHEMA:-}" ] && [ -f "$LC_SARIF_SCHEMA" ] &&
   python3 -c 'import jsonschema' 2> /dev/null; then
    if python3 - "$LC_SARIF_SCHEMA" "$tmp/out.sarif" > "$tmp/schema.out" 2>&1 <<'PY'
import json, sys, jsonschema
schema, doc = json.load(open(sys.argv[1])), json.load(open(sys.argv[2]))
errors = list(jsonschema.validators.validator_for(schema)(schema).iter_errors(doc))
for e in errors[:10]:
    print(list(e.path), e.message[:300])
sys.exit(1 if errors else 0)
PY
    then
        ok "--format sarif validates against $LC_SARIF_SCHEMA"
    else
        notok "--format sarif validates against $LC_SARIF_SCHEMA"
        diag "$tmp/schema.out"
    fi
else
    ok "--format sarif against the SARIF schema # SKIP set LC_SARIF_SCHEMA (and install python3-jsonschema)"
fi
# a column counts code points in SARIF (columnKind), bytes in text
printf '#include <lambdac.h>\nLC_FUNCTION(F, .runtime = LC_RUNTIME_NODEJS_24_X, .handler = "h",\n  /* \303\251\303\251 */ .code = LC_CODE_FROM_INLINE(""), .dead_letter_queue_enabled = LC_TRUE);\nLC_STACK(S, &F);\n' > "$tmp/utf8.c"
col_text=$("$check" --no-caret "$tmp/utf8.c" 2>&1 | sed -n 's/.*:3:\([0-9]*\): error: .*InlineCodeCannotBeEmpty.*/\1/p')
col_sarif=$("$check" --format sarif "$tmp/utf8.c" 2>/dev/null |
    "$JQ" -r '.runs[0].columnKind + " " + ([.runs[0].results[] | select(.ruleId == "cdk/LambdaInlineCodeCannotBeEmpty") | .locations[0].physicalLocation.region.startColumn | tostring] | first)')
if [ "$col_text" = 42 ] && [ "$col_sarif" = "unicodeCodePoints 40" ]; then
    ok "columns: bytes in text (42), code points in SARIF (40)"
else
    notok "columns: bytes in text ($col_text, want 42), code points in SARIF ($col_sarif, want 40)"
fi

# exit statuses
(cd "$dir" && "$check" --as-of $AS_OF good-hello.c) > /dev/null 2>&1
s1=$?
(cd "$dir" && "$check" --as-of $AS_OF bad-code.c) > /dev/null 2>&1
s2=$?
"$check" --no-such-option > /dev/null 2>&1
s3=$?
"$check" "$tmp/does-not-exist.c" > /dev/null 2>&1
s4=$?
"$check" > /dev/null 2>&1
s5=$?
"$check" --as-of 2026-13-01 "$dir/good-hello.c" > /dev/null 2>&1
s6=$?
if [ "$s1 $s2 $s3 $s4 $s5 $s6" = "0 1 2 2 2 2" ]; then
    ok "exit status: 0 clean, 1 errors, 2 usage / unreadable file / no file / bad date"
else
    notok "exit status: got $s1 $s2 $s3 $s4 $s5 $s6, want 0 1 2 2 2 2"
fi

# standard input
"$check" --no-caret --as-of $AS_OF --disable ops/no-dlq - < "$dir/bad-code.c" > "$tmp/stdin.out" 2>&1
sed 's/^bad-code\.c:/<stdin>:/' "$dir/bad-code.expected" | sed '$d' > "$tmp/stdin.want"
if cmp -s "$tmp/stdin.want" "$tmp/stdin.out"; then
    ok "- reads standard input"
else
    notok "- reads standard input"
    diff -u "$tmp/stdin.want" "$tmp/stdin.out" > "$tmp/diff"
    diag "$tmp/diff"
fi

# the caret line
(cd "$dir" && "$check" --caret --as-of $AS_OF bad-description.c) > "$tmp/caret.out" 2>&1
if sed -n '2,3p' "$tmp/caret.out" | tr '\n' '|' | grep -q '^    .description = D64 D64 D64 D64 "d");|    ^|$'; then
    ok "--caret shows the line and a caret under the column"
else
    notok "--caret shows the line and a caret under the column"
    diag "$tmp/caret.out"
fi

# several files: each caret line quotes its own file (the checker reuses the memory of
# a file without diagnostics for the next one)
(cd "$dir" && "$check" --caret --as-of $AS_OF bad-description.c good-full.c bad-code.c) > "$tmp/caret2.out" 2>&1
if grep -A1 '^bad-description.c:11:5:' "$tmp/caret2.out" | grep -q '^    .description = D64 D64 D64 D64 "d");$' &&
   grep -A1 '^bad-code.c:22:33:' "$tmp/caret2.out" | grep -q '^    .code = LC_CODE_FROM_INLINE(""),$' &&
   ! grep -q '^good-full.c:' "$tmp/caret2.out"; then
    ok "--caret over several files quotes each file's own lines"
else
    notok "--caret over several files quotes each file's own lines"
    diag "$tmp/caret2.out"
fi

# options: --disable, --severity, --werror
(cd "$dir" && "$check" --no-caret --as-of $AS_OF --disable 'cdk/*' bad-code.c) > "$tmp/o1" 2>&1
r1=$?
(cd "$dir" && "$check" --no-caret --as-of $AS_OF --severity cdk/CodeRequired=warning bad-code.c) > "$tmp/o2" 2>&1
(cd "$dir" && "$check" --no-caret --as-of $AS_OF --werror bad-ops.c) > "$tmp/o3" 2>&1
r3=$?
if [ $r1 -eq 0 ] && ! grep -q 'cdk/' "$tmp/o1" &&
   grep -q 'warning: NoCode: .*\[cdk/CodeRequired\]' "$tmp/o2" &&
   [ $r3 -eq 1 ] && grep -q 'error: .*\[ops/deprecated-runtime\]' "$tmp/o3"; then
    ok "--disable with a prefix, --severity, --werror"
else
    notok "--disable with a prefix, --severity, --werror"
    cat "$tmp/o1" "$tmp/o2" "$tmp/o3" > "$tmp/o"
    diag "$tmp/o"
fi

# --as-of decides deprecation
(cd "$dir" && "$check" --no-caret --as-of 2024-01-01 bad-ops.c) > "$tmp/asof" 2>&1
if ! grep -q 'OldNode: .*ops/deprecated-runtime' "$tmp/asof" &&
   grep -q 'OldNode: runtime nodejs16.x will be deprecated on 2024-06-12' "$tmp/asof"; then
    ok "--as-of before the date: not deprecated yet, deprecated soon"
else
    notok "--as-of before the date: not deprecated yet, deprecated soon"
    diag "$tmp/asof"
fi

# several files: diagnostics in file order, one exit status for all
(cd "$dir" && "$check" --no-caret --as-of $AS_OF --disable ops/no-dlq bad-dlq.c good-hello.c bad-code.c) > "$tmp/multi" 2>&1
rc=$?
first=$(sed -n '1s/:.*//p' "$tmp/multi")
last=$(sed -n '$s/:.*//p' "$tmp/multi")
if [ $rc -eq 1 ] && [ "$first" = bad-dlq.c ] && [ "$last" = bad-code.c ]; then
    ok "several files: in command-line order, exit 1"
else
    notok "several files: in command-line order ($first .. $last), exit $rc"
fi

# the checker never crashes on arbitrary bytes
head -c 200000 "$check" > "$tmp/binary.c"
"$check" --no-caret "$tmp/binary.c" > /dev/null 2>&1
rc=$?
if [ $rc -le 1 ]; then
    ok "binary input: no crash (exit $rc)"
else
    notok "binary input: exit $rc"
fi
