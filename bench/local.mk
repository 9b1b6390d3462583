# bench rules (included from Makefile.am): `make bench` measures lambdac against aws-cdk-lib
# on this machine (bench/run.sh; results in $(builddir)/bench/results.md and
# bench/results/<date>.md).  Never part of `make check`.  Needs node + npm (it installs the
# pinned aws-cdk-lib with `npm ci` into $(builddir)/bench/oracle), hyperfine, valgrind and
# GNU time (installed with apt-get when missing and run as root).
# Knobs: BENCH_QUICK=1, BENCH_ROUNDS=N, BENCH_ONLY="synth scale edit assets check callgrind",
# BENCH_NODE_MODULES=DIR (reuse an install), BENCH_TREE_MIB=N.  See bench/README.md.
EXTRA_DIST += \
	bench/README.md \
	bench/run.sh \
	bench/report.js \
	bench/callgrind.sh \
	bench/gen-stack.sh \
	bench/normalize.jq \
	bench/mktree.c \
	bench/rawref.c \
	bench/fp.c \
	bench/zipdir.c \
	bench/edit.c \
	bench/asset-stack.c \
	bench/apps/hello.js \
	bench/apps/edit-app.js \
	bench/apps/scale.js \
	bench/apps/scale-multi.js \
	bench/apps/scale-asset.js \
	bench/apps/fingerprint.js \
	bench/apps/zip.js \
	bench/apps/cfn-validate.js \
	bench/oracle/package.json \
	bench/oracle/package-lock.json

bench: all
	@BENCH_SRCDIR='$(abs_top_srcdir)' BENCH_BUILDDIR='$(abs_top_builddir)' \
	CC='$(CC)' JQ='$(JQ)' \
	BENCH_CPPFLAGS='-I$(abs_top_srcdir)/include -I$(abs_top_builddir)/include -I$(abs_top_builddir)' \
	BENCH_CFLAGS='-std=c11 $(CFLAGS)' \
	BENCH_LIBA='$(abs_top_builddir)/.libs/liblambdac.a' \
	BENCH_LIBS='$(LIBS)' \
	bash '$(abs_top_srcdir)/bench/run.sh'

# the callgrind total of the basic synth alone (fast; needs valgrind)
bench-callgrind: all
	@$(MAKE) $(AM_MAKEFLAGS) bench BENCH_ONLY=callgrind

clean-local: clean-bench
clean-bench:
	-rm -rf bench/bin bench/raw bench/results.md
.PHONY: bench bench-callgrind clean-bench
