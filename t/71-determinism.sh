#!/bin/sh
# t/71-determinism.sh - TAP: the same input gives the same bytes.  The stack t/bad/det.c
# (directory, file and layer assets, non-ASCII text, a currentVersion and an alias) is
# built and run under different locales (C, tr_TR.UTF-8 - dotless i -, de_DE.UTF-8 -
# decimal comma), time zones, umasks and working directories, on copies of its asset tree
# created in different orders (so readdir returns them differently) with different file
# times and permissions.  Templates (both hash profiles), cloud assemblies (--output) and
# zipped assets (--output --package) must be byte-identical.  The machine-local asset
# cache (.lambdac-asset-cache: inode numbers and file times) is the one file of an
# assembly left out of the comparison.
# Locale rows are skipped when the locale is not installed (Debian: locales, localedef).
. "$(dirname "$0")/7x-lib.sh"

build_stack det || { echo "Bail out! cannot compile t/bad/det.c"; diag_file "$tmp/bin/det.cc.log"; exit 99; }
ok "t/bad/det.c builds"

have_locale() {   # have_locale tr_TR.UTF-8
    want=$(echo "$1" | tr 'A-Z' 'a-z' | sed 's/utf-8/utf8/')
    locale -a 2> /dev/null | tr 'A-Z' 'a-z' | sed 's/utf-8/utf8/' | grep -qx "$want"
}
TR=tr_TR.UTF-8 DE=de_DE.UTF-8
have_locale "$TR" || TR=
have_locale "$DE" || DE=

# mktree DIR ORDER: the asset tree DIR/tree, created in ORDER (fwd / rev)
FILES='index.js crlf.txt bin.dat a.txt Z.txt B.txt ä.txt é/x.txt ～.txt 𝄞.txt lib/util.js
lib/deep/a/b/c.txt x.skip keep.skip junk/a.tmp handler.zip'
content() {
    case $1 in
    crlf.txt) printf 'line one\r\nline two\r\n\r\nlast\r' ;;
    bin.dat) printf 'BIN\000\001\002\377 data' ;;
    handler.zip) printf 'PK\005\006\000\000\000\000\000\000\000\000\000\000\000\000\000\000\000\000\000\000' ;;  # an empty zip
    *) printf 'content of %s\n' "$1" ;;
    esac
}
mktree() {
    d=$1/tree
    mkdir -p "$d"
    if [ "$2" = fwd ]; then list=$FILES; else list=$(printf '%s\n' $FILES | sed -n '1!G;h;$p'); fi
    for f in $list; do
        mkdir -p "$d/$(dirname "$f")"
        content "$f" > "$d/$f"
        if [ "$2" = rev ]; then
            # other permissions and times, and churn in the directory
            chmod 600 "$d/$f"
            touch -d '2001-02-03 04:05:06' "$d/$f" 2> /dev/null
            : > "$d/$(dirname "$f")/.churn-$$" && rm -f "$d/$(dirname "$f")/.churn-$$"
        fi
    done
    mkdir -p "$d/empty"
    ln -s index.js "$d/link.js"
    [ "$2" = rev ] && chmod 700 "$d/lib"
    return 0
}

mkdir -p "$tmp/A" "$tmp/C"
# the second tree on a memory file system when there is one: another readdir order
if [ -d /dev/shm ] && [ -w /dev/shm ] && shm=$(mktemp -d /dev/shm/lc-det.XXXXXX 2> /dev/null); then
    trap 'rm -rf "$shm"; cleanup' EXIT
    mkdir -p "$shm/deep/er"
    ln -s "$shm/deep" "$tmp/B"
fi
mkdir -p "$tmp/B/deep/er/cwd"
(umask 022; mktree "$tmp/A" fwd)
(umask 077; mktree "$tmp/B/deep/er/cwd" rev)
(umask 027; mktree "$tmp/C" fwd)
if [ "$(ls -f "$tmp/A/tree" | tr '\n' ' ')" != "$(ls -f "$tmp/B/deep/er/cwd/tree" | tr '\n' ' ')" ]; then
    ok "the two asset trees list their entries in different orders (readdir)"
else
    ok "the two asset trees list their entries in the same order on this file system (the test still compares)"
fi

# runs DIR BIN LOCALE TZ UMASK OUT ARGS...: run the stack, stdout to OUT
runs() {
    _d=$1 _b=$2 _l=$3 _z=$4 _u=$5 _o=$6; shift 6
    (cd "$_d" && umask "$_u" && LANG="$_l" LC_ALL="$_l" TZ="$_z" "$_b" "$@") > "$_o" 2> "$_o.err"
}
# same WHAT A B: byte-identical files
same() {
    if cmp -s "$2" "$3"; then ok "$1"; else
        not_ok "$1"; diag "$(diff "$2" "$3" | head -20)"; diag_file "$3.err"; fi
}
same_assembly() {   # same_assembly WHAT DIR-A DIR-B
    if (cd "$2" && find . -type f ! -name .lambdac-asset-cache | LC_ALL=C sort) > "$tmp/la" &&
       (cd "$3" && find . -type f ! -name .lambdac-asset-cache | LC_ALL=C sort) > "$tmp/lb" &&
       cmp -s "$tmp/la" "$tmp/lb" && diff -r -x .lambdac-asset-cache "$2" "$3" > "$tmp/diff" 2>&1; then
        ok "$1 ($(wc -l < "$tmp/la") files)"
    else
        not_ok "$1"; diff "$tmp/la" "$tmp/lb" | head -10 | sed 's/^/# /'; diag_file "$tmp/diff"
    fi
}

B=$tmp/bin/det
for p in native cdk; do
    runs "$tmp/A" "$B" C UTC 022 "$tmp/base.$p.json" --hash-profile "$p"
    if [ -s "$tmp/base.$p.json" ]; then ok "$p: the template is written"; else
        not_ok "$p: the template is written"; diag_file "$tmp/base.$p.json.err"; fi
    runs "$tmp/B/deep/er/cwd" "$B" C Asia/Kathmandu 077 "$tmp/v1.$p.json" --hash-profile "$p"
    same "$p: another directory, creation order, umask, file times and time zone: same template" \
        "$tmp/base.$p.json" "$tmp/v1.$p.json"
    if [ -n "$TR" ]; then
        runs "$tmp/B/deep/er/cwd" "$B" "$TR" Pacific/Kiritimati 077 "$tmp/v2.$p.json" --hash-profile "$p"
        same "$p: under $TR: same template" "$tmp/base.$p.json" "$tmp/v2.$p.json"
    else
        skip "$p: under tr_TR.UTF-8: the locale is not installed"
    fi
    if [ -n "$DE" ]; then
        runs "$tmp/C" "$B" "$DE" America/St_Johns 027 "$tmp/v3.$p.json" --hash-profile "$p"
        same "$p: under $DE (decimal comma): same template" "$tmp/base.$p.json" "$tmp/v3.$p.json"
    else
        skip "$p: under de_DE.UTF-8: the locale is not installed"
    fi
done

# built under another locale, from another directory, with another output name
if [ -n "$TR" ]; then
    mkdir -p "$tmp/build-tr"
    # shellcheck disable=SC2086
    cp "$top_srcdir/t/bad/det.c" "$tmp/build-tr/det.c"
    if (cd "$tmp/build-tr" && LANG=$TR LC_ALL=$TR $CC $(abs_flags $LC_TEST_CFLAGS) -o det-tr det.c \
            $(abs_flags $LC_TEST_LIBS)) > "$tmp/build-tr.log" 2>&1; then
        runs "$tmp/C" "$tmp/build-tr/det-tr" C UTC 022 "$tmp/tr-built.json" --hash-profile cdk
        same "a binary built under $TR from another directory: same template" "$tmp/base.cdk.json" "$tmp/tr-built.json"
    else
        not_ok "a binary built under $TR from another directory: same template (does not build)"
        diag_file "$tmp/build-tr.log"
    fi
else
    skip "a binary built under tr_TR.UTF-8: the locale is not installed"
fi

# cloud assemblies, with and without zipped assets
for pkg in "" --package; do
    what="--output${pkg:+ $pkg}"
    runs "$tmp/A" "$B" C UTC 022 "$tmp/out.log" --output "$tmp/asm-a$pkg"
    rc_a=$?
    runs "$tmp/B/deep/er/cwd" "$B" "${TR:-C}" Asia/Kathmandu 077 "$tmp/out.log" --output "$tmp/asm-b$pkg"
    rc_b=$?
    if [ "$rc_a" -eq 0 ] && [ "$rc_b" -eq 0 ]; then
        same_assembly "$what: the same cloud assembly from the other tree, directory, umask and locale" \
            "$tmp/asm-a$pkg" "$tmp/asm-b$pkg"
    else
        not_ok "$what: both runs write an assembly (exit $rc_a, $rc_b)"; diag_file "$tmp/out.log.err"
    fi
    # again into the existing assembly (warm cache, assets already staged)
    runs "$tmp/B/deep/er/cwd" "$B" C UTC 022 "$tmp/out.log" --output "$tmp/asm-b$pkg"
    same_assembly "$what: a second run into the existing assembly (cache warm) changes nothing" \
        "$tmp/asm-a$pkg" "$tmp/asm-b$pkg"
done
zips=$(cd "$tmp/asm-a--package" 2> /dev/null && ls ./*.zip 2> /dev/null | wc -l)
if [ "${zips:-0}" -gt 0 ]; then
    okz=yes
    for z in "$tmp/asm-a--package"/*.zip; do
        cmp -s "$z" "$tmp/asm-b--package/$(basename "$z")" || okz=no
    done
    check "--package: the $zips zipped asset(s) are byte-identical" [ "$okz" = yes ]
    if have unzip; then
        okz=yes
        for z in "$tmp/asm-a--package"/*.zip; do
            cmp -s "$z" "$tmp/A/tree/handler.zip" && continue     # the file asset, as is
            unzip -tq "$z" > "$tmp/unzip.log" 2>&1 || { okz=no; diag_file "$tmp/unzip.log"; }
        done
        check "--package: every zipped directory asset is valid (unzip -t)" [ "$okz" = yes ]
    else
        skip "--package: unzip -t (unzip is not installed)"
    fi
else
    not_ok "--package: no zipped asset in the assembly"; ls "$tmp/asm-a--package" | sed 's/^/# /'
fi

# the equality above means something: a change of content changes the output ...
printf 'changed\n' >> "$tmp/A/tree/lib/util.js"
runs "$tmp/A" "$B" C UTC 022 "$tmp/changed.json" --hash-profile cdk
if ! cmp -s "$tmp/base.cdk.json" "$tmp/changed.json"; then
    ok "a changed asset file changes the template (the comparisons are not vacuous)"
else
    not_ok "a changed asset file changes the template (the comparisons are not vacuous)"
fi
# ... even when the asset cache sees the same size and the old modification time
runs "$tmp/A" "$B" C UTC 022 "$tmp/out.log" --output "$tmp/asm-cache"
cp "$tmp/asm-cache/DetStack.template.json" "$tmp/cache-1.json"
f=$tmp/A/tree/index.js
old=$(date -r "$f" '+%Y-%m-%d %H:%M:%S.%N' 2> /dev/null)
sleep 3            # older than the cache's "racy" window
printf 'CONTENT OF INDEX.JS\n' | head -c "$(wc -c < "$f")" > "$f.new" && cat "$f.new" > "$f" && rm -f "$f.new"
[ -n "$old" ] && touch -d "$old" "$f"
runs "$tmp/A" "$B" C UTC 022 "$tmp/out.log" --output "$tmp/asm-cache"
if ! cmp -s "$tmp/cache-1.json" "$tmp/asm-cache/DetStack.template.json"; then
    ok "an edit that keeps the size and the modification time still changes the asset hash (the cache is not fooled)"
else
    not_ok "an edit that keeps the size and the modification time still changes the asset hash (the cache is not fooled)"
fi

done_testing
