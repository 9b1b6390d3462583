#!/bin/sh
# t/gen-130.sh - generate from t/gen/spec-130.1.0-slice.json (the last legacy spec AWS
# published on npm, ResourceSpecificationVersion 130.1.0) into a temporary directory,
# compile it with -Werror, and show what regeneration means for users: the API differs
# from the current slice's, and code using a newer property no longer compiles.
. "$(dirname "$0")/gen/lib.sh"

old=$tmp/130
spec130=$top_srcdir/t/gen/spec-130.1.0-slice.json
cur=$top_builddir/include/lambdac/cfn.gen.h

if run_normalize "$spec130" "$top_srcdir/spec/overrides.json" "$tmp/130.ir.json" t/gen/spec-130.1.0-slice.json \
   && emit_all "$tmp/130.ir.json" "$old"; then
    ok "130.1.0 slice: normalize and emit"
else
    not_ok "130.1.0 slice: normalize and emit"; diag_file "$tmp/130.ir.json.err"
fi
check "130.1.0 header names its spec version" \
    grep -q '^#define LC_L1_SPEC_VERSION "130.1.0"$' "$old/include/lambdac/cfn.gen.h"
check "130.1.0 cfn.gen.c compiles with -Werror" \
    $CC -I"$old/include" $LC_TEST_CFLAGS $STRICT -c "$old/runtime/cfn.gen.c" -o "$tmp/130.o"

# struct_of HEADER TYPE: the member lines of `struct TYPE { ... };`
struct_of() { sed -n "/^struct $2 {\$/,/^};\$/p" "$1" | sed '1d;$d' | sed 's/ *\/\*.*//'; }

if [ ! -f "$cur" ]; then
    skip "current header not built"; skip "current header not built"; skip "current header not built"
    done_testing
fi

struct_of "$cur" lc_AWS_Lambda_Function > "$tmp/fn.cur"
struct_of "$old/include/lambdac/cfn.gen.h" lc_AWS_Lambda_Function > "$tmp/fn.130"
diff -u --label 130.1.0 --label current "$tmp/fn.130" "$tmp/fn.cur" > "$tmp/fn.diff"
diag "lc_AWS_Lambda_Function_t, 130.1.0 -> current:"; diag_file "$tmp/fn.diff"
check "lc_AWS_Lambda_Function_t has LoggingConfig now, not in 130.1.0" \
    sh -c "grep -q 'lc_AWS_Lambda_Function_LoggingConfig_t \*LoggingConfig;' '$tmp/fn.cur' &&
           ! grep -q 'LoggingConfig' '$tmp/fn.130'"

# A user program written against the current API.
cat > "$tmp/user.c" <<'EOC'
#include <lambdac/l1.h>
const lc_AWS_Lambda_Function_t fn = {
    .Handler = LC_STRING("index.handler"),
    .LoggingConfig = LC_STRUCT(lc_AWS_Lambda_Function_LoggingConfig_t, .LogFormat = LC_STRING("JSON")),
};
EOC
check "a program setting .LoggingConfig compiles against the current header" \
    $CC $LC_TEST_CFLAGS $STRICT -c "$tmp/user.c" -o "$tmp/user.o"
if $CC -I"$old/include" $LC_TEST_CFLAGS $STRICT -c "$tmp/user.c" -o "$tmp/user130.o" > "$tmp/cc.log" 2>&1; then
    not_ok "... and fails against the 130.1.0 header (a real API change)"
else
    ok "... and fails against the 130.1.0 header (a real API change)"
    diag "$(grep -m 1 -i 'error' "$tmp/cc.log")"
fi

# Member types change too: 130.1.0 has Long; the current data has only integers.
struct_of "$old/include/lambdac/cfn.gen.h" lc_AWS_S3_Bucket_Rule > "$tmp/rule.130"
check "130.1.0 S3 Bucket Rule.ObjectSizeGreaterThan is lc_long_t" \
    grep -q 'lc_long_t ObjectSizeGreaterThan;' "$tmp/rule.130"

done_testing
