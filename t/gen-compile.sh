#!/bin/sh
# t/gen-compile.sh - everything generated from the vendored slice (the build tree's
# include/lambdac/cfn.gen.h and runtime/cfn.gen.c) plus runtime/l1.c compiles with
#   -std=c11 -Wall -Wextra -Wshadow -Wstrict-prototypes -Wmissing-prototypes -Werror -pedantic
# under gcc and clang (the clang half is skipped when clang is absent); a program touching
# every generated type links and agrees with the descriptors; regenerating from the same
# spec gives the same bytes.
. "$(dirname "$0")/gen/lib.sh"

gh=$top_builddir/include/lambdac/cfn.gen.h
gc=$top_builddir/runtime/cfn.gen.c
ir=$top_builddir/gen/cfn.ir.json
if [ ! -f "$gh" ] || [ ! -f "$gc" ] || [ ! -f "$ir" ]; then
    echo "1..0 # SKIP generated files not built (run make first)"
    exit 0
fi
incs="-I$top_builddir/include -I$top_srcdir/include"

# A translation unit that uses every type: sizeof, a zero value, the descriptor.
"$JQ" -r '
  "#include <assert.h>", "#include <string.h>", "#include <lambdac/l1.h>",
  "static int bad;",
  "static void expect(const lc_type_desc_t *d, size_t size, const char *cfn, const char *c) {",
  "    if (d->size != size || strcmp(d->cfn_name, cfn) != 0 || strcmp(d->c_name, c) != 0 || lc_l1_find(cfn) != d) bad++;",
  "}",
  "int main(void) {",
  (.types[] | "    { static const \(.typedef) zero; (void)zero; expect(&\(.desc), sizeof(\(.typedef)), \(.cfn | tojson), \(.typedef | tojson)); }"),
  "    return bad != 0 || lc_l1_type_count() != \(.types | length);",
  "}"' "$ir" > "$tmp/every.c"

for cc in gcc clang; do
    if ! have $cc; then
        for i in 1 2 3 4 5; do skip "$cc: not installed"; done
        continue
    fi
    check "$cc: runtime/cfn.gen.c" $cc $incs $STRICT -c "$gc" -o "$tmp/cfn.gen.$cc.o"
    check "$cc: runtime/l1.c" $cc $incs $STRICT -c "$top_srcdir/runtime/l1.c" -o "$tmp/l1.$cc.o"
    check "$cc: a program using every generated type" $cc $incs $STRICT -c "$tmp/every.c" -o "$tmp/every.$cc.o"
    check "$cc: the initializer macros at file scope (t/10-l1.c)" \
        $cc $incs -I"$top_srcdir/t" $STRICT -c "$top_srcdir/t/10-l1.c" -o "$tmp/t10.$cc.o"
    lib=${LC_TEST_LIBS%% *}
    if [ -f "$lib" ]; then
        if $cc -o "$tmp/every.$cc" "$tmp/every.$cc.o" "$tmp/l1.$cc.o" "$tmp/cfn.gen.$cc.o" $LC_TEST_LIBS > "$tmp/ld.log" 2>&1 \
           && "$tmp/every.$cc"; then
            ok "$cc: it links, and sizes, names and lookups agree for $(grep -c 'expect(&' "$tmp/every.c") types"
        else
            not_ok "$cc: every-type program links and runs"; diag_file "$tmp/ld.log"
        fi
    else
        skip "$cc: $lib not built"
    fi
done

# The header alone, with the strict flags, and with gcc's C++ front end if present.
printf '#include <lambdac/l1.h>\n' > "$tmp/only.c"
check "l1.h + cfn.gen.h are self-contained" $CC $incs $STRICT -c "$tmp/only.c" -o "$tmp/only.o"

# Type safety: initializers of the wrong kind or shape are compile-time errors.
for bad in '.Handler = LC_INTEGER(3)' '.MemorySize = LC_STRING("128")' '.Tags = LC_LIST_STRING("a")' \
           '.Layers = LC_STRING("a")' '.Role = LC_STRING(42)' '.Code = LC_STRUCT(lc_Tag_t, .Key = LC_STRING("k"))'; do
    printf '#include <lambdac/l1.h>\nconst lc_AWS_Lambda_Function_t f = { %s };\n' "$bad" > "$tmp/neg.c"
    if $CC $incs $STRICT -c "$tmp/neg.c" -o "$tmp/neg.o" > /dev/null 2>&1; then
        not_ok "does not compile: $bad"
    else
        ok "does not compile: $bad"
    fi
done

# Same spec, same bytes.
if run_normalize "$top_srcdir/spec/specification.json" "$top_srcdir/spec/overrides.json" "$tmp/ir.json" \
        spec/specification.json && emit_all "$tmp/ir.json" "$tmp/again" \
   && cmp -s "$tmp/ir.json" "$ir" && cmp -s "$tmp/again/include/lambdac/cfn.gen.h" "$gh" \
   && cmp -s "$tmp/again/runtime/cfn.gen.c" "$gc"; then
    ok "regenerating from spec/specification.json reproduces the build tree's files byte for byte"
else
    not_ok "regenerating from spec/specification.json reproduces the build tree's files byte for byte"
fi

check "no timestamps or absolute paths in the generated files" \
    sh -c "! grep -E -q '20[0-9][0-9]-[0-9][0-9]-[0-9][0-9]T|$top_srcdir|$top_builddir' '$gh' '$gc'"

done_testing
