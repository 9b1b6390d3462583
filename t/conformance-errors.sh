#!/bin/sh
# t/conformance-errors.sh - TAP: invalid stacks fail the way aws-cdk-lib fails.
#
# Each t/conformance/errors/<name>.c declares a stack "Probe" with invalid configurations
# and starts with one or more lines
#
#     /* expect: <ErrorCode> <case name> [@<Decl>] */
#
# naming the case of t/conformance/errors.json (the oracle's probe, apps/_errors.js) or
# t/conformance/errors-extra.json (our probe, t/conformance/_errors-extra.js) whose CDK
# message lambdac must print, and the declaration it must point at (default @Fn; @Probe
# for the stack).  The program is compiled, run in t/conformance (so asset paths resolve)
# and must:
#   - exit with status 1 and print nothing on stdout;
#   - print, for every expectation, a line
#         <file>:<line>: error: Probe/<Decl>: <CDK message> [<ErrorCode>]
#     where <file> is this .c file and <line> lies within the declaration of <Decl>
#     (compilers differ on the __LINE__ of a macro call spanning lines: gcc gives its
#     first line, clang its last);
#   - print no other `error:` line.
# A CDK message with newlines is expected with each newline written as the two characters
# `\n` (lambdac keeps every diagnostic on one line).
# <ErrorCode> must equal the `name` of the case in the JSON (CDK's error code), except
# where CDK throws a plain Error (name "Error"): then lambdac's own code is written.
# The expectation `none <case name>` marks a configuration aws-cdk-lib accepts (its case
# has "error": null): the program must exit 0, print a JSON template and no `error:`.
#
# Run by `make check`; by hand from the top build directory:
#     sh t/conformance-errors.sh [name ...]
set -u

: "${top_srcdir:=$(cd "$(dirname "$0")/.." && pwd)}"
: "${top_builddir:=$top_srcdir}"
: "${CC:=cc}"
: "${JQ:=jq}"
: "${LC_TEST_CFLAGS:=-std=c11 -I$top_srcdir/include -I$top_builddir/include -I$top_builddir}"
: "${LC_TEST_LIBS:=$top_builddir/.libs/liblambdac.a -lxxhash -lz -lmd -lpthread}"

dir="$top_srcdir/t/conformance"
edir="$dir/errors"

tmp=$(mktemp -d "${TMPDIR:-/tmp}/lc-conformance-errors.XXXXXX") || exit 99
trap 'rm -rf "$tmp"' EXIT
trap 'exit 130' INT TERM

if [ $# -gt 0 ]; then
    names=$(for s in "$@"; do s=${s##*/}; echo "${s%.c}"; done)
else
    names=$(cd "$edir" && ls -- *.c 2>/dev/null | LC_ALL=C sort | sed 's/\.c$//')
fi
count=$(echo "$names" | wc -w)
if [ "$count" -eq 0 ]; then
    echo "1..0 # SKIP no error scenarios in $edir"
    exit 0
fi
echo "1..$count"

diag() { sed -e '200q' -e 's/^/# /' "$1"; }

# The case's error as "<name>\t<message>" (message newlines as \n), "null" when the case
# synthesizes, empty when no such case.
case_error() {
    "$JQ" -r --arg c "$1" '
        [.[] | select(.case == $c)] | first
        | if . == null then empty
          elif .error == null then "null"
          else "\(.error.name)\t\(.error.message | gsub("\n"; "\\n"))" end' \
        "$dir/errors.json" "$dir/errors-extra.json" 2>/dev/null | head -n 1
}

# decl_span FILE DECL: "first last" line numbers of the macro call that declares DECL
# (the line where `LC_...(DECL` starts up to the first line ending in `);`).
decl_span() {
    awk -v d="$2" '
        !start && match($0, "^[ \t]*LC_[A-Z0-9_]*\\([ \t]*" d "[ \t]*[,)]") { start = NR }
        start && /\)[ \t]*;[ \t]*(\/\*.*\*\/)?[ \t]*$/ { print start, NR; exit }
    ' "$1"
}

note() {   # note TEXT: record one reason why the current scenario fails
    fail="${fail}${fail:+
}$1"
}

n=0
passed=0
for name in $names; do
    n=$((n + 1))
    src="$edir/$name.c"
    fail=""

    if [ ! -f "$src" ]; then
        echo "not ok $n - $name: no such file $src"
        continue
    fi
    # the expectations: leading lines "/* expect: CODE CASE [@DECL] */"
    sed -n -e '/^\/\* expect: .* \*\/[[:space:]]*$/!q' \
           -e 's/^\/\* expect: \(.*[^[:space:]]\)[[:space:]]*\*\/[[:space:]]*$/\1/p' "$src" \
        > "$tmp/expect"
    if [ ! -s "$tmp/expect" ]; then
        echo "not ok $n - $name: the first line is not /* expect: <ErrorCode> <case> */"
        continue
    fi

    # shellcheck disable=SC2086
    if ! $CC $LC_TEST_CFLAGS -o "$tmp/$name" "$src" $LC_TEST_LIBS > "$tmp/cc.log" 2>&1; then
        echo "not ok $n - $name: does not compile"
        diag "$tmp/cc.log"
        continue
    fi
    (cd "$dir" && "$tmp/$name" --hash-profile cdk) > "$tmp/out" 2> "$tmp/err"
    rc=$?

    nexpect=0
    accept=0
    while IFS= read -r line; do
        code=${line%% *}
        rest=${line#* }
        decl=Fn
        case "$rest" in
            *" @"*) decl=${rest##* @}; rest=${rest% @*} ;;
        esac
        casename=$rest
        [ "$code" = none ] || nexpect=$((nexpect + 1))
        cdk=$(case_error "$casename")
        if [ -z "$cdk" ]; then
            note "no case '$casename' in errors.json or errors-extra.json"
            continue
        fi
        if [ "$code" = none ]; then
            accept=1
            [ "$cdk" = null ] || note "case '$casename' is an error in aws-cdk-lib ($cdk), not 'none'"
            continue
        fi
        if [ "$cdk" = null ]; then
            note "case '$casename' synthesizes in aws-cdk-lib: expect 'none'"
            continue
        fi
        cdkname=$(printf '%s' "$cdk" | cut -f1)
        msg=$(printf '%s' "$cdk" | cut -f2-)
        if [ "$cdkname" != Error ] && [ "$cdkname" != "$code" ]; then
            note "expect line says $code but aws-cdk-lib's code for '$casename' is $cdkname"
        fi
        span=$(decl_span "$src" "$decl")
        if [ -z "$span" ]; then
            note "no declaration of $decl in $name.c"
            continue
        fi
        if [ "$decl" = Probe ]; then path=Probe; else path="Probe/$decl"; fi
        # A line "<file>:<line>: error: <path>: <msg> [<code>]" with <file> ending in
        # errors/<name>.c and first <= line <= last.  Exact string comparisons (the
        # messages hold regex characters).
        found=$(EXP_FILE="errors/$name.c" EXP_PATH="$path" EXP_MSG="$msg" EXP_CODE="$code" \
                EXP_SPAN="$span" awk '
            BEGIN {
                f = ENVIRON["EXP_FILE"]; tail = ": " ENVIRON["EXP_MSG"] " [" ENVIRON["EXP_CODE"] "]"
                split(ENVIRON["EXP_SPAN"], sp, " "); p = ENVIRON["EXP_PATH"]; best = ""
            }
            {
                i = index($0, ": error: ")
                if (i == 0) next
                loc = substr($0, 1, i - 1); body = substr($0, i + 9)
                if (length(body) < length(tail) || substr(body, length(body) - length(tail) + 1) != tail) next
                if (substr(body, 1, length(body) - length(tail)) != p) { if (best == "") best = "path:" $0; next }
                j = match(loc, /:[0-9]+$/)
                if (!j) { if (best == "") best = "loc:" $0; next }
                file = substr(loc, 1, j - 1); ln = substr(loc, j + 1) + 0
                if (length(file) < length(f) || substr(file, length(file) - length(f) + 1) != f) { if (best == "") best = "loc:" $0; next }
                if (ln < sp[1] + 0 || ln > sp[2] + 0) { if (best == "") best = "loc:" $0; next }
                print "ok"; found = 1; exit
            }
            END { if (!found && best != "") print best }
        ' "$tmp/err")
        case "$found" in
            ok) ;;
            path:*) note "[$code] reported on the wrong construct (want $path): ${found#path:}" ;;
            loc:*) note "[$code] reported at the wrong place (want errors/$name.c:$(echo "$span" | sed 's/ /-/')): ${found#loc:}" ;;
            *) if grep -q "\[$code\]" "$tmp/err"; then
                   note "[$code] printed, but not as '<file>:<line>: error: $path: $msg [$code]'"
               else
                   note "no [$code] error (want: $path: $msg)"
               fi ;;
        esac
    done < "$tmp/expect"

    nerr=$(grep -c ': error: ' "$tmp/err")
    if [ "$accept" -eq 1 ] && [ "$nexpect" -eq 0 ]; then
        [ $rc -eq 0 ] || note "exit status $rc, want 0 (aws-cdk-lib synthesizes this stack)"
        [ "$nerr" -eq 0 ] || note "$nerr error line(s) printed, want none"
        "$JQ" -e '.Resources' "$tmp/out" > /dev/null 2>&1 || note "stdout is not a template"
    else
        [ $rc -eq 1 ] || note "exit status $rc, want 1"
        [ -s "$tmp/out" ] && note "stdout is not empty ($(wc -c < "$tmp/out") bytes)"
        [ "$nerr" -eq "$nexpect" ] || note "$nerr error line(s) printed, want $nexpect"
    fi

    if [ -z "$fail" ]; then
        passed=$((passed + 1))
        echo "ok $n - $name"
    else
        echo "not ok $n - $name"
        printf '%s\n' "$fail" | sed 's/^/# /'
        echo "# stderr:"
        diag "$tmp/err"
    fi
done
echo "# conformance-errors: $passed of $count error scenarios behave as aws-cdk-lib"
exit 0
