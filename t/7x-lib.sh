# t/7x-lib.sh - shared by the reliability tests t/70-*.sh .. t/74-*.sh (sourced, POSIX sh).
#
# Environment (exported by `make check`; defaulted here for a run by hand from the top
# build directory, e.g. `sh ../t/70-bad-input.sh`): top_srcdir, top_builddir, CC, JQ,
# LC_TEST_CFLAGS, LC_TEST_LIBS.
# Gives: $tmp (removed on exit), TAP helpers (ok / not_ok / skip / check / diag /
# diag_file / done_testing), build_stack NAME (t/bad/NAME.c -> $tmp/bin/NAME),
# build_fault (the LD_PRELOAD injector t/fault/fault.c -> $FAULT_SO), fault_exec
# (execs a command with it preloaded), run_timeout SECONDS CMD... (exit 124 on timeout),
# have CMD, can_mount (1 when private tmpfs mounts work: unshare -m + mount).

here=$(cd "$(dirname "$0")" && pwd)
: "${top_srcdir:=$(cd "$here/.." && pwd)}"
: "${top_builddir:=$(pwd)}"
: "${JQ:=jq}"
: "${CC:=cc}"
: "${LC_TEST_CFLAGS:=-I$top_srcdir/include -I$top_builddir/include -I$top_builddir -std=c11}"
: "${LC_TEST_LIBS:=$top_builddir/.libs/liblambdac.a -lxxhash -lz -lmd -lpthread -lm}"
export top_srcdir top_builddir JQ CC

tmp=$(mktemp -d "${TMPDIR:-/tmp}/lc-rel-test.XXXXXX") || { echo "Bail out! mktemp"; exit 99; }
# files a test makes read-only (or mounts) must not stop the clean-up
cleanup() { chmod -R u+rwx "$tmp" 2>/dev/null; rm -rf "$tmp"; }
trap cleanup EXIT
trap 'exit 99' HUP INT TERM

tap_n=0
tap_failed=0
ok() { tap_n=$((tap_n + 1)); echo "ok $tap_n - $*"; }
not_ok() { tap_n=$((tap_n + 1)); tap_failed=$((tap_failed + 1)); echo "not ok $tap_n - $*"; }
skip() { tap_n=$((tap_n + 1)); echo "ok $tap_n # SKIP $*"; }
diag() { printf '%s\n' "$@" | sed 's/^/# /'; }
diag_file() { sed -e '40q' -e 's/^/# /' "$1"; }
# check DESCRIPTION COMMAND...: ok when the command succeeds.
check() { d=$1; shift; if "$@"; then ok "$d"; else not_ok "$d"; fi; }
done_testing() { echo "1..$tap_n"; [ "$tap_failed" -eq 0 ]; exit $?; }

have() { command -v "$1" > /dev/null 2>&1; }

# abs_flags FLAGS...: the flags with relative -I / -L paths and relative file operands made
# absolute (they are relative to the top build directory, where make runs the tests), for
# a compiler started in another directory.
abs_flags() {
    for _f in "$@"; do
        case $_f in
        -I/* | -L/* | /*) printf '%s\n' "$_f" ;;
        -I*) printf '%s\n' "-I$top_builddir/${_f#-I}" ;;
        -L*) printf '%s\n' "-L$top_builddir/${_f#-L}" ;;
        -*) printf '%s\n' "$_f" ;;
        *) printf '%s\n' "$top_builddir/$_f" ;;
        esac
    done
}

# build_stack NAME: compile t/bad/NAME.c into $tmp/bin/NAME (0 on success; the compiler's
# messages go to $tmp/bin/NAME.cc.log).
build_stack() {
    mkdir -p "$tmp/bin"
    # shellcheck disable=SC2086
    $CC $LC_TEST_CFLAGS -o "$tmp/bin/$1" "$top_srcdir/t/bad/$1.c" $LC_TEST_LIBS \
        > "$tmp/bin/$1.cc.log" 2>&1
}

# build_fault: compile the injector once into $FAULT_SO (no sanitizers: it is preloaded
# into sanitized and plain programs alike).
FAULT_SO=$tmp/bin/fault.so
build_fault() {
    [ -f "$FAULT_SO" ] && return 0
    mkdir -p "$tmp/bin"
    $CC -std=c11 -O1 -shared -fPIC -o "$FAULT_SO" "$top_srcdir/t/fault/fault.c" -ldl \
        > "$tmp/bin/fault.cc.log" 2>&1
}

# fault_exec VAR=VALUE... CMD...: exec CMD with the injector preloaded and the variables
# set.  It replaces the shell it runs in: use it where the shell forks anyway - as the
# command of run_timeout (run in the background) or in a `( ... ) &` subshell - so that
# the program keeps the pid the test will signal.  (A function, not env(1): under
# `make check-valgrind` the program must stay a child of the traced shell.)  A
# gcc-built sanitizer runtime insists on coming first in the library list; the injector
# only forwards calls, so that check is off.
fault_exec() {
    LD_PRELOAD=$FAULT_SO
    ASAN_OPTIONS="${ASAN_OPTIONS:+$ASAN_OPTIONS:}verify_asan_link_order=0"
    export LD_PRELOAD ASAN_OPTIONS
    while [ $# -gt 0 ]; do
        case $1 in
        [A-Za-z_]*=*) export "$1"; shift ;;
        *) break ;;
        esac
    done
    exec "$@"
}

# run_timeout SECONDS CMD...: run CMD (a program or a function), killed after SECONDS;
# 124 when the time ran out.  (Not timeout(1): it cannot run functions, and under
# valgrind a program started by it would not be checked.)
run_timeout() {
    _s=$1; shift
    "$@" &
    _p=$!
    ( _i=0; while [ "$_i" -lt "$_s" ] && kill -0 "$_p" 2> /dev/null; do sleep 1; _i=$((_i + 1)); done
      kill -9 "$_p" 2> /dev/null ) &
    _w=$!
    wait "$_p"
    _rc=$?
    kill "$_w" 2> /dev/null
    wait "$_w" 2> /dev/null
    [ "$_rc" -eq 137 ] && return 124
    return "$_rc"
}

# can_mount: private mounts work (root, unshare -m, tmpfs).  Mounts made under
# `unshare -m` vanish with the process: nothing leaks into the host.
can_mount() {
    have unshare && have mount || return 1
    mkdir -p "$tmp/mnt-probe"
    unshare -m sh -c "mount -t tmpfs -o size=64k tmpfs '$tmp/mnt-probe'" > /dev/null 2>&1
}

# no_temp_files DIR: nothing but the expected files: no "*.tmp*" left behind.
no_temp_files() {
    [ -z "$(find "$1" -name '*.tmp*' 2>/dev/null)" ]
}

# same_tree A B: the two directories hold the same files with the same bytes.
same_tree() {
    (cd "$1" && find . -type f | LC_ALL=C sort) > "$tmp/.tree-a" &&
    (cd "$2" && find . -type f | LC_ALL=C sort) > "$tmp/.tree-b" &&
    cmp -s "$tmp/.tree-a" "$tmp/.tree-b" &&
    diff -r "$1" "$2" > /dev/null 2>&1
}
