# t/assets.mk - asset fingerprint and exclude-pattern tests (included from Makefile.am).
#   t/30-fingerprint.t   oracle fixture hashes; the trees of t/assets/fp-trees.txt built in a
#                        temporary directory vs aws-cdk-lib's hashes (cdk) and pinned native
#                        hashes; determinism; error messages
#   t/31-ignore.t        t/assets/ignore-vectors.txt (CDK's IgnoreStrategy answers for the
#                        glob, git and docker modes), t/assets/jsregex-vectors.txt (V8's
#                        answers for the regex engine of the docker mode), API edge cases
#   t/32-ignore-git.sh   git mode vs `git check-ignore` on a generated tree of ~4400 paths
#   t/ignore-probe       driver for 32 (and for checking vectors by hand: -v FILE)
# Vectors are regenerated with node and aws-cdk-lib (never by `make check`):
#   NODE_PATH=.../node_modules node t/assets/gen-fp-vectors.js t/assets/fp-trees.txt
#   NODE_PATH=.../node_modules node t/assets/gen-ignore-vectors.js
#   node t/assets/gen-jsregex-vectors.js
LC_ASSETS_TESTS = t/30-fingerprint.t t/31-ignore.t
check_PROGRAMS += $(LC_ASSETS_TESTS) t/ignore-probe
TESTS += $(LC_ASSETS_TESTS) t/32-ignore-git.sh
dist_check_SCRIPTS += t/32-ignore-git.sh
noinst_HEADERS += t/ignore-vectors.h
EXTRA_DIST += t/assets/fp-trees.txt t/assets/ignore-vectors.txt t/assets/jsregex-vectors.txt \
	t/assets/gen-fp-vectors.js t/assets/gen-ignore-vectors.js t/assets/gen-jsregex-vectors.js

t_30_fingerprint_t_SOURCES = t/30-fingerprint.c t/tap.h t/ignore-vectors.h
t_30_fingerprint_t_LDADD = $(LC_LDADD)
t_31_ignore_t_SOURCES = t/31-ignore.c t/tap.h t/ignore-vectors.h
t_31_ignore_t_LDADD = $(LC_LDADD)
t_ignore_probe_SOURCES = t/ignore-probe.c t/ignore-vectors.h
t_ignore_probe_LDADD = $(LC_LDADD)
