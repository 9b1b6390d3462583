#!/bin/sh
# t/conformance.sh - TAP: every conformance scenario's template equals aws-cdk-lib's.
#
# For each t/conformance/<s>.c (sorted): compile it against the library, run it with
# `--hash-profile cdk` in t/conformance (relative asset paths such as
# fixtures/lambda-handler resolve there) and compare its template with the golden
# t/conformance/expected/<s>.template.json, both normalized with `jq -S -f normalize.jq`
# (DESIGN.md "Fidelity").  A scenario listed in t/conformance/recommended.list is also run
# with --new-project-flags against expected-recommended/<s>.template.json.  A difference is
# `not ok`, with the unified diff (golden first, lambdac second) as `# ` diagnostics.
#
# Run by `make check` (AM_TESTS_ENVIRONMENT exports top_srcdir, top_builddir, CC,
# LC_TEST_CFLAGS, LC_TEST_LIBS, JQ); by hand from the top build directory:
#     sh t/conformance.sh [scenario ...]
# Needs no network: the goldens are committed (`make goldens` regenerates them).
set -u

: "${top_srcdir:=$(cd "$(dirname "$0")/.." && pwd)}"
: "${top_builddir:=$top_srcdir}"
: "${CC:=cc}"
: "${JQ:=jq}"
: "${LC_TEST_CFLAGS:=-std=c11 -I$top_srcdir/include -I$top_builddir/include -I$top_builddir}"
: "${LC_TEST_LIBS:=$top_builddir/.libs/liblambdac.a -lxxhash -lz -lmd -lpthread}"

dir="$top_srcdir/t/conformance"
MAXDIFF=${LC_CONFORMANCE_MAXDIFF:-300}     # diagnostic lines shown per failure

tmp=$(mktemp -d "${TMPDIR:-/tmp}/lc-conformance.XXXXXX") || exit 99
trap 'rm -rf "$tmp"' EXIT
trap 'exit 130' INT TERM

# ---- the scenarios ---------------------------------------------------------------------
if [ $# -gt 0 ]; then
    scenarios=$(for s in "$@"; do s=${s##*/}; echo "${s%.c}"; done)
else
    scenarios=$(cd "$dir" && ls -- *.c 2>/dev/null | LC_ALL=C sort | sed 's/\.c$//')
fi
# recommended.list: one scenario per line; '#' comments and blank lines ignored.
recommended=""
if [ -f "$dir/recommended.list" ]; then
    recommended=$(sed -e 's/#.*//' -e 's/[[:space:]]//g' "$dir/recommended.list" | grep -v '^$' || true)
fi
in_recommended() {
    for r in $recommended; do [ "$r" = "$1" ] && return 0; done
    return 1
}

total=0
for s in $scenarios; do
    total=$((total + 1))
    in_recommended "$s" && total=$((total + 1))
done
nscen=$(echo "$scenarios" | wc -w)

if [ "$nscen" -eq 0 ]; then
    echo "1..0 # SKIP no scenarios in $dir"
    exit 0
fi
echo "1..$total"

n=0
equal=0

diag() {   # diag FILE: a file's lines as TAP diagnostics, at most MAXDIFF of them
    lines=$(wc -l < "$1")
    sed -e "${MAXDIFF}q" -e 's/^/# /' "$1"
    if [ "$lines" -gt "$MAXDIFF" ]; then
        echo "# ... ($((lines - MAXDIFF)) more lines)"
    fi
}

# compare S MODE GOLDEN_DIR [lambdac options...]: one TAP line; returns 0 when equal.
compare() {
    s=$1 mode=$2 golden_dir=$3
    shift 3
    n=$((n + 1))
    label="$s${mode:+ [$mode]}"
    golden="$dir/$golden_dir/$s.template.json"
    out="$tmp/$s$mode.json"
    if [ ! -f "$golden" ]; then
        echo "not ok $n - $label: no golden $golden_dir/$s.template.json (make goldens)"
        return 1
    fi
    if [ ! -x "$tmp/$s" ]; then
        echo "not ok $n - $label: does not compile"
        diag "$tmp/$s.cc.log"
        return 1
    fi
    (cd "$dir" && "$tmp/$s" --hash-profile cdk "$@") > "$out" 2> "$tmp/$s$mode.err"
    rc=$?
    if [ $rc -ne 0 ]; then
        echo "not ok $n - $label: the stack binary exits with status $rc"
        diag "$tmp/$s$mode.err"
        return 1
    fi
    if ! "$JQ" -S -f "$dir/normalize.jq" "$out" > "$tmp/ours.json" 2> "$tmp/jq.err"; then
        echo "not ok $n - $label: the output is not JSON"
        diag "$tmp/jq.err"
        head -c 2000 "$out" > "$tmp/head.txt"
        diag "$tmp/head.txt"
        return 1
    fi
    "$JQ" -S -f "$dir/normalize.jq" "$golden" > "$tmp/cdk.json" || {
        echo "not ok $n - $label: cannot read the golden $golden_dir/$s.template.json"
        return 1
    }
    # except/<s>.jq: the one part of a scenario lambdac writes differently on purpose
    # (e.g. its own custom-resource handler code), masked on both sides and named in the
    # TAP line by the file's first "# except:" comment.
    except=""
    if [ -f "$dir/except/$s.jq" ]; then
        except=$(sed -n 's/^# except: *//p' "$dir/except/$s.jq" | head -n 1)
        for f in cdk ours; do
            "$JQ" -S -f "$dir/except/$s.jq" "$tmp/$f.json" > "$tmp/$f.x.json" \
                && mv "$tmp/$f.x.json" "$tmp/$f.json"
        done
    fi
    if diff -u --label "aws-cdk-lib $golden_dir/$s.template.json" --label "lambdac $s.c" \
            "$tmp/cdk.json" "$tmp/ours.json" > "$tmp/diff.txt"; then
        echo "ok $n - $label${except:+ (except: $except)}"
        return 0
    fi
    echo "not ok $n - $label: template differs from aws-cdk-lib"
    diag "$tmp/diff.txt"
    return 1
}

for s in $scenarios; do
    if [ ! -f "$dir/$s.c" ]; then
        : > "$tmp/$s.cc.log"
        echo "no such scenario: $dir/$s.c" > "$tmp/$s.cc.log"
    else
        # word splitting of the flag variables is intended
        # shellcheck disable=SC2086
        $CC $LC_TEST_CFLAGS -o "$tmp/$s" "$dir/$s.c" $LC_TEST_LIBS > "$tmp/$s.cc.log" 2>&1 \
            || rm -f "$tmp/$s"
    fi
    if compare "$s" "" expected; then
        equal=$((equal + 1))
    fi
    if in_recommended "$s"; then
        compare "$s" "new-project-flags" expected-recommended --new-project-flags
    fi
done

echo "# conformance: $equal of $nscen scenarios equal to aws-cdk-lib"
exit 0
