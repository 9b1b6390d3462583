# Synthesizer and DSL tests (included from t/local.mk)
TESTS += t/examples.sh
EXTRA_DIST += t/examples.sh
check_PROGRAMS += t/20-runtimes.t t/21-version-hash.t
TESTS += t/20-runtimes.t t/21-version-hash.t
t_20_runtimes_t_SOURCES = t/20-runtimes.c
t_20_runtimes_t_LDADD = $(LC_LDADD)
t_21_version_hash_t_SOURCES = t/21-version-hash.c
t_21_version_hash_t_LDADD = $(LC_LDADD)
EXTRA_DIST += t/fixtures/runtime-all.json spec/runtimes.json
