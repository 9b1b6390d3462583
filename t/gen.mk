# t/gen.mk - generator and L1 tests (included from t/local.mk).
#   t/gen-golden.sh   mini spec with every quirk -> IR / header / source vs goldens; walker run
#   t/gen-compile.sh  the generated slice compiles -Werror under gcc and clang; links; reproducible
#   t/gen-130.sh      the 130.1.0 slice generates and compiles; shows a real API difference
#   t/gen-bad.sh      malformed specs / overrides: errors name the JSON path; regen changes nothing
#   t/gen-counts.sh   counts printed by `make regen` agree with jq's
#   t/10-l1.t         unit test of the initializer macros, descriptors, walker and checker
LC_GEN_TESTS = t/gen-golden.sh t/gen-compile.sh t/gen-130.sh t/gen-bad.sh t/gen-counts.sh
TESTS += $(LC_GEN_TESTS) t/10-l1.t
check_PROGRAMS += t/10-l1.t
t_10_l1_t_SOURCES = t/10-l1.c t/tap.h
t_10_l1_t_LDADD = $(LC_LDADD)
EXTRA_DIST += $(LC_GEN_TESTS) t/gen/lib.sh t/gen/mini-spec.json t/gen/mini-overrides.json \
	t/gen/mini-walk.c t/gen/mini.ir.json.golden t/gen/mini.h.golden t/gen/mini.c.golden \
	t/gen/spec-130.1.0-slice.json
