#!/bin/sh
# t/73-fuzz-replay.sh - TAP: every libFuzzer target (t/fuzz/<target>.c) built with the
# configured compiler and flags (-Werror, and the sanitizers in a --enable-sanitizers
# build) and t/fuzz/replay.c instead of libFuzzer, run on its seed corpus
# t/fuzz/corpus/<target>/.  So `make check` keeps the targets compiling and their
# invariants true on the seeds; `make fuzz` does the fuzzing.
# Two tests per target: it builds, it replays its corpus without a broken invariant.
. "$(dirname "$0")/7x-lib.sh"

fz=$top_srcdir/t/fuzz
for t in json-read writer ignore zip arn check; do
    case $t in
    ignore) need=runtime/assets/ignore.c ;;
    zip) need=runtime/zip.c ;;
    arn) need=runtime/arn.re ;;
    check) need=tools/check-parse.c ;;
    *) need=runtime/json_read.c ;;
    esac
    if [ ! -f "$top_srcdir/$need" ]; then
        skip "$t: builds ($need is not in the tree yet)"
        skip "$t: replays its corpus ($need is not in the tree yet)"
        continue
    fi
    extra=""
    case $t in
    arn)
        # the scanner is in the library once runtime/arn.re is part of the build
        if ! nm "$top_builddir/.libs/liblambdac.a" 2> /dev/null | grep -q ' T lc_arn_parse$'; then
            if have re2c; then
                re2c -W --no-generation-date --no-version -o "$tmp/arn.c" "$top_srcdir/runtime/arn.re" \
                    > "$tmp/re2c.log" 2>&1 && extra="$tmp/arn.c"
            fi
            if [ -z "$extra" ]; then
                skip "$t: builds (lc_arn_parse is not in liblambdac yet and re2c is missing)"
                skip "$t: replays its corpus (lc_arn_parse is not in liblambdac yet)"
                continue
            fi
        fi
        ;;
    check)
        # lambdac-check is a program, not part of the library: its sources (not its main)
        # hand-written sources only: in an in-tree build the generated *.gen.c sit in
        # the same directory and are added just below
        for f in "$top_srcdir"/tools/check-*.c; do
            case $f in *.gen.c) continue ;; esac
            extra="$extra $f"
        done
        for g in check-lex.gen.c check-deprecations.gen.c; do
            if [ -f "$top_builddir/tools/$g" ]; then extra="$extra $top_builddir/tools/$g"
            else extra="$extra $top_srcdir/tools/$g"; fi
        done
        extra="$extra -I$top_srcdir/tools -I$top_builddir/tools"
        ;;
    esac
    # shellcheck disable=SC2086
    if $CC $LC_TEST_CFLAGS -I"$fz" -o "$tmp/$t" "$fz/$t.c" "$fz/replay.c" $extra $LC_TEST_LIBS \
            -lm > "$tmp/$t.cc.log" 2>&1; then
        ok "$t: builds with $CC and the test flags"
    else
        not_ok "$t: builds with $CC and the test flags"; diag_file "$tmp/$t.cc.log"
        skip "$t: replays its corpus (did not build)"
        continue
    fi
    if (cd "$tmp" && run_timeout 600 "$tmp/$t" "$fz/corpus/$t") > "$tmp/$t.out" 2> "$tmp/$t.err"; then
        ok "$t: $(cat "$tmp/$t.out") from t/fuzz/corpus/$t, every invariant holds"
    else
        not_ok "$t: replays t/fuzz/corpus/$t"; diag_file "$tmp/$t.err"
    fi
done
done_testing
