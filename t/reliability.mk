# t/reliability.mk - reliability: bad input, determinism, interruption, fuzzing, sanitizers
# and valgrind (included at the end of t/local.mk).
#
#   t/70-bad-input.sh     the bad-input matrix: one row per case (t/bad/*.c stacks, the
#                         LD_PRELOAD fault injector t/fault/fault.c); clear message, exit
#                         status, no partial output
#   t/71-determinism.sh   the same stack built and run under other locales, time zones,
#                         umasks, working directories and directory creation orders:
#                         byte-identical templates, assemblies and zips
#   t/72-interrupt.sh     SIGINT / SIGTERM / SIGKILL in the middle of a run leave the
#                         previous cloud assembly intact
#   t/73-fuzz-replay.sh   every libFuzzer target on its seed corpus (t/fuzz/corpus/<target>)
#                         with any compiler, through t/fuzz/replay.c
#   t/74-gen-fuzz.sh      gen/normalize.jq on mutated specs: a clear error naming the JSON
#                         path or a good IR, never a crash or partial output
#
# Targets:
#   make fuzz [FUZZ_SECONDS=60] [FUZZ_TARGETS=...] [FUZZ_CC=clang]
#                         builds the libFuzzer targets t/fuzz/*.c (clang
#                         -fsanitize=fuzzer,address,undefined) and runs each for
#                         FUZZ_SECONDS, then the generator fuzzer (t/fuzz/fuzz.sh)
#   make check-valgrind   `make check` with every test program, example and stack binary
#                         the shell tests run under valgrind (memcheck, leaks included);
#                         any report fails; reports land in t/valgrind-reports/
#   make check-sanitizer-reports
#                         after `make check` in a --enable-sanitizers build: fails and shows
#                         them when ASan / UBSan / LSan wrote any report (reports go to
#                         t/sanitizer-reports/ so that a test that expects a failure cannot
#                         swallow one)
LC_REL_TESTS = t/70-bad-input.sh t/71-determinism.sh t/72-interrupt.sh t/73-fuzz-replay.sh \
	t/74-gen-fuzz.sh
TESTS += $(LC_REL_TESTS)
dist_check_SCRIPTS += $(LC_REL_TESTS)
EXTRA_DIST += t/7x-lib.sh t/fault/fault.c t/bad t/valgrind.supp \
	t/fuzz/fuzz.h t/fuzz/replay.c t/fuzz/fuzz.sh t/fuzz/corpus \
	t/fuzz/json-read.c t/fuzz/writer.c t/fuzz/ignore.c t/fuzz/zip.c t/fuzz/arn.c \
	t/fuzz/check.c t/fuzz/json.dict t/fuzz/ignore.dict t/fuzz/check.dict

# ---- sanitizers ----------------------------------------------------------------------------
# In a --enable-sanitizers build every program the tests run (unit tests, examples, the
# stacks the shell tests compile) reports to t/sanitizer-reports/ and exits with a status
# no test expects (ASan 86, UBSan 87); leaks are errors.
LC_SAN_REPORTS = $(abs_top_builddir)/t/sanitizer-reports
if LC_SANITIZERS
AM_TESTS_ENVIRONMENT += \
	mkdir -p '$(LC_SAN_REPORTS)'; \
	ASAN_OPTIONS='detect_leaks=1:exitcode=86:abort_on_error=0:strict_string_checks=1:detect_stack_use_after_return=1:check_initialization_order=1:log_path=$(LC_SAN_REPORTS)/asan'; \
	export ASAN_OPTIONS; \
	UBSAN_OPTIONS='print_stacktrace=1:halt_on_error=1:exitcode=87:log_path=$(LC_SAN_REPORTS)/ubsan'; \
	export UBSAN_OPTIONS; \
	LSAN_OPTIONS='exitcode=86'; export LSAN_OPTIONS;
endif

check-sanitizer-reports:
	@if ls '$(LC_SAN_REPORTS)'/* > /dev/null 2>&1; then \
	  for f in '$(LC_SAN_REPORTS)'/*; do echo "== $$f"; head -60 "$$f"; done; \
	  echo "sanitizer reports: $$(ls '$(LC_SAN_REPORTS)' | wc -l) (in $(LC_SAN_REPORTS))"; exit 1; \
	else echo "sanitizer reports: none"; fi

# ---- valgrind ------------------------------------------------------------------------------
# The .t programs run under valgrind directly; a shell test runs under valgrind with
# --trace-children, so every program it starts from the build or a scratch directory is
# checked too, while system tools (/usr, /bin: the compiler, jq, sed, ...) run natively
# (a program started through one of them - env, timeout, setpriv - is not checked: the
# reliability tests avoid them).  LC_UNDER_VALGRIND=1 tells a test it runs under
# valgrind.  valgrind is --quiet: a log file that is not empty is a report.
# t/valgrind.supp only hides the shell's own leaks.
LC_VALGRIND = valgrind --quiet --error-exitcode=88 --leak-check=full \
	--errors-for-leak-kinds=definite,indirect --show-leak-kinds=definite,indirect \
	--num-callers=30 --suppressions=$(abs_top_srcdir)/t/valgrind.supp \
	--log-file=$(abs_top_builddir)/t/valgrind-reports/vg.%p
LC_VALGRIND_SH = $(LC_VALGRIND) --trace-children=yes \
	--trace-children-skip='/usr/*,/bin/*,/sbin/*,/lib/*,/etc/*'
check-valgrind:
	@command -v valgrind > /dev/null || { echo "check-valgrind: valgrind not found (Debian: valgrind)"; exit 1; }
	rm -rf t/valgrind-reports && $(MKDIR_P) t/valgrind-reports
	@rc=0; $(MAKE) $(AM_MAKEFLAGS) check T_LOG_COMPILER='$(LC_VALGRIND)' \
	  SH_LOG_COMPILER='$(LC_VALGRIND_SH) $(SHELL)' LC_UNDER_VALGRIND=1 || rc=$$?; \
	bad=$$(find t/valgrind-reports -type f -size +0 | LC_ALL=C sort); \
	if [ -n "$$bad" ]; then \
	  for f in $$bad; do echo "== $$f"; head -80 "$$f"; done; \
	  echo "valgrind reports: $$(echo $$bad | wc -w)"; rc=1; \
	else echo "valgrind reports: none ($$(ls t/valgrind-reports | wc -l) processes checked)"; fi; \
	exit $$rc

# ---- libFuzzer -----------------------------------------------------------------------------
FUZZ_SECONDS = 60
FUZZ_CC = clang
FUZZ_TARGETS = json-read writer ignore zip arn check
LC_FUZZ_SRCS = $(liblambdac_la_SOURCES) $(nodist_liblambdac_la_SOURCES) \
	$(tools_lambdac_check_SOURCES) $(nodist_tools_lambdac_check_SOURCES)
fuzz: all
	@srcdir='$(srcdir)' builddir='$(builddir)' LC_FUZZ_SOURCES='$(LC_FUZZ_SRCS)' \
	  LC_FUZZ_CPPFLAGS='$(DEFS) -I$(abs_top_srcdir)/include -I$(abs_top_builddir)/include -I$(abs_top_builddir) $(CPPFLAGS)' LC_FUZZ_LIBS='$(LIBS)' \
	  RE2C='$(RE2C)' JQ='$(JQ)' CC='$(CC)' MAKE='$(MAKE)' FUZZ_CC='$(FUZZ_CC)' \
	  FUZZ_SECONDS='$(FUZZ_SECONDS)' FUZZ_TARGETS='$(FUZZ_TARGETS)' \
	  $(SHELL) $(srcdir)/t/fuzz/fuzz.sh

clean-local: clean-reliability
clean-reliability:
	-rm -rf t/fuzz/obj t/fuzz/bin t/fuzz/logs t/fuzz/crashes t/fuzz/corpus-out \
	  t/fuzz/gen-failures t/valgrind-reports t/sanitizer-reports

.PHONY: fuzz check-valgrind check-sanitizer-reports clean-reliability
