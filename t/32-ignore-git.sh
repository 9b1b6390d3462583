#!/bin/sh
# t/32-ignore-git.sh - the git ignore mode against git itself.
#
# Builds a tree of a few thousand paths and a .gitignore with varied patterns, then asks
# `git check-ignore --no-index` (with core.ignorecase, since CDK's `ignore` package is
# case-insensitive) and t/ignore-probe (lc_ignore_match) about every file and directory.
# The patterns avoid the few spots where the `ignore` npm package (what CDK really uses,
# covered by t/31-ignore.c) and git disagree: negated classes ([!a] is not a negation for
# `ignore`), "\?", a trailing "\*", '?' next to non-ASCII characters, and "dir/**/" at
# the end (`ignore` lets it match dir itself).
#
# TAP; exit 77 (skip) without git.

: "${top_builddir:=.}"
probe="$top_builddir/t/ignore-probe"

if ! command -v git >/dev/null 2>&1; then
    echo "1..0 # SKIP git is not installed"
    exit 0
fi
if [ ! -x "$probe" ]; then
    echo "Bail out! $probe is not built"
    exit 99
fi

tmp=$(mktemp -d "${TMPDIR:-/tmp}/lc-gitignore-XXXXXX") || { echo "Bail out! mktemp"; exit 99; }
[ -n "$LC_KEEP_TMP" ] || trap 'rm -rf "$tmp"' EXIT INT TERM
tree="$tmp/tree"
mkdir "$tree" || exit 99

# ---- the tree: a deterministic LCG picks directories and file names -------------------
awk -v n=3000 'BEGIN {
    nd = split("src lib build dist node_modules test tests testing docs doc logs tmp .cache a b c x y deep Src LIB", D, " ")
    nf = split("keep.log x.log y.LOG important.LOG z.o w.a v.pyc v.pyo v.py Readme.md readme.md README.md abc.js a-c.js ac.js #hash !bang core.c core.h core.1 x~ index.js util.ts app.py notes.txt guide.md Makefile .env .envrc yy data.bin b.js", F, " ")
    F[nf + 1] = "foo bar"; nf++
    s = 12345
    for (i = 0; i < n; i++) {
        s = (s * 1103515245 + 12345) % 2147483648; depth = int(s / 65536) % 5
        p = ""
        for (j = 0; j < depth; j++) {
            s = (s * 1103515245 + 12345) % 2147483648
            p = p D[int(s / 65536) % nd + 1] "/"
        }
        s = (s * 1103515245 + 12345) % 2147483648
        print p F[int(s / 65536) % nf + 1]
    }
}' | sort -u > "$tmp/files"

(
    cd "$tree" || exit 1
    while IFS= read -r f; do
        case "$f" in */*) mkdir -p "${f%/*}" ;; esac
        : > "$f"
    done < "$tmp/files"
) || { echo "Bail out! cannot build the tree"; exit 99; }

# directories (with a trailing '/') and files
( cd "$tree" && find . -mindepth 1 -type d | sed 's|^\./||; s|$|/|' ) > "$tmp/dirs"
sort -u "$tmp/dirs" "$tmp/files" > "$tmp/paths"

cat > "$tree/.gitignore" <<'EOF'
# comment lines and blank lines are ignored

*.log
!keep.log
*.o
/build
dist/
**/tmp
**/node_modules/
docs/**/*.md
doc/*.txt
lib/**/x/
*.py[co]
[Rr]eadme.md
a?c.js
\#hash
\!bang
tes?s/
/logs/*
!logs/important.LOG
.cache
**/.env
foo\ bar
src/**/b/**
*~
core.*
!core.c
x/y
/a/b/
**/c/*.js
deep/**/deep
[w-z]~
b.js   
EOF

# ---- git's answers -----------------------------------------------------------------------
sed 's|/$||' "$tmp/paths" | tr '\n' '\0' > "$tmp/paths0"
( cd "$tree" && git init -q . ) || { echo "Bail out! git init"; exit 99; }
(
    cd "$tree" && HOME="$tmp" GIT_CONFIG_NOSYSTEM=1 \
        git -c core.ignorecase=true -c core.excludesFile=/dev/null \
            check-ignore --no-index --stdin -z -v -n < "$tmp/paths0"
) > "$tmp/git0"
# records: source NUL line NUL pattern NUL path NUL; ignored when a pattern matched and
# it is not a negation
tr '\0' '\n' < "$tmp/git0" | awk '
    { rec[NR % 4] = $0 }
    NR % 4 == 0 {
        pat = rec[3]; path = $0
        ign = (rec[1] != "" && substr(pat, 1, 1) != "!") ? 1 : 0
        print ign " " path
    }' | sort > "$tmp/git.out"

# ---- lambdac's answers -------------------------------------------------------------------
"$probe" -m git -f "$tree/.gitignore" < "$tmp/paths" | sed 's|/$||' | sort > "$tmp/lc.out"

# ---- compare -------------------------------------------------------------------------------
npaths=$(wc -l < "$tmp/paths" | tr -d ' ')
nign=$(grep -c '^1 ' "$tmp/git.out")
nkeep=$(grep -c '^0 ' "$tmp/git.out")
echo "1..4"
if [ "$npaths" -ge 2000 ]; then echo "ok 1 - $npaths paths in the tree"; else echo "not ok 1 - only $npaths paths"; fi
if [ "$(wc -l < "$tmp/git.out" | tr -d ' ')" -eq "$npaths" ]; then
    echo "ok 2 - git answered for every path"
else
    echo "not ok 2 - git answered for $(wc -l < "$tmp/git.out") of $npaths paths"
fi
if [ "$nign" -gt 100 ] && [ "$nkeep" -gt 100 ]; then
    echo "ok 3 - both outcomes are well represented ($nign excluded, $nkeep kept)"
else
    echo "not ok 3 - lopsided test: $nign excluded, $nkeep kept"
fi
if diff "$tmp/git.out" "$tmp/lc.out" > "$tmp/diff"; then
    echo "ok 4 - lc_ignore_match agrees with git check-ignore on all $npaths paths"
else
    echo "not ok 4 - lc_ignore_match disagrees with git check-ignore"
    head -40 "$tmp/diff" | sed 's/^/# /'
fi
