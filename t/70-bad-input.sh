#!/bin/sh
# t/70-bad-input.sh - TAP: the bad-input matrix.  lambdac runs in CI on every commit: on
# bad input it must fail with a clear message naming what and where, the right exit
# status, and no partial output (nothing on stdout, no half-written or temporary file,
# a previous cloud assembly left exactly as it was).
#
# One row per case (a run, then `expect` or `check`); the stacks are t/bad/*.c, compiled with
# $CC $LC_TEST_CFLAGS ... $LC_TEST_LIBS.  Faults that cannot be made with the file system
# alone come from the LD_PRELOAD injector t/fault/fault.c.  A row whose set-up is not
# possible on this machine (permissions when running as root, mounts without privileges,
# ...) is reported as a TAP "# SKIP" with the reason.
#
# By hand, from the top build directory: sh ../t/70-bad-input.sh
. "$(dirname "$0")/7x-lib.sh"

for s in asset utf8-description utf8-env env-5mb many-constructs duplicate-id output; do
    if ! build_stack "$s"; then
        echo "Bail out! cannot compile t/bad/$s.c"; diag_file "$tmp/bin/$s.cc.log"; exit 99
    fi
done
build_fault || { echo "Bail out! cannot compile t/fault/fault.c"; diag_file "$tmp/bin/fault.cc.log"; exit 99; }
# Permission rows: root ignores permissions, so as root they run as `nobody` (setpriv);
# everything they touch is made reachable for that user.
AS_USER= AS_LABEL=
if [ "$(id -u)" -ne 0 ]; then
    AS_USER=env
elif have setpriv && setpriv --reuid=65534 --regid=65534 --clear-groups true 2> /dev/null; then
    AS_USER="setpriv --reuid=65534 --regid=65534 --clear-groups" AS_LABEL=", run as nobody"
    chmod 755 "$tmp" "$tmp/bin"
fi

# ---- the row runner ----------------------------------------------------------------------
# run DIR CMD...: run CMD in DIR (created), stdout -> $out, stderr -> $err, status -> $rc.
out=$tmp/out
err=$tmp/err
run() {
    _d=$1; shift
    mkdir -p "$_d"
    (cd "$_d" && run_timeout 120 "$@") > "$out" 2> "$err"
    rc=$?
}

# expect NAME STATUS STDOUT ERE...: the last run exited with STATUS, stdout is "empty" or
# "json" (one valid JSON document) or "any", and every ERE matches a line of stderr.
expect() {
    _name=$1 _status=$2 _stdout=$3; shift 3
    _why=""
    [ "$rc" -eq "$_status" ] || _why="exit status $rc, want $_status"
    case $_stdout in
    empty) [ -s "$out" ] && _why="${_why:+$_why; }stdout is not empty ($(wc -c < "$out") bytes)" ;;
    json) "$JQ" -e 'type == "object"' "$out" > /dev/null 2>&1 || _why="${_why:+$_why; }stdout is not a JSON template" ;;
    esac
    for _re in "$@"; do
        grep -E -q -- "$_re" "$err" || _why="${_why:+$_why; }no stderr line matches /$_re/"
    done
    if [ -z "$_why" ]; then
        ok "$_name"
    else
        not_ok "$_name"; diag "$_why" "stderr:"; diag_file "$err"
    fi
}

# ---- asset directory ---------------------------------------------------------------------
# mkasset DIR: a small asset tree DIR/asset.
mkasset() {
    mkdir -p "$1/asset/lib"
    printf 'exports.handler = async () => 1;\n' > "$1/asset/index.js"
    printf 'module.exports = 2;\n' > "$1/asset/lib/util.js"
    printf 'skipped\n' > "$1/asset/x.skip"
}
A=$tmp/bin/asset
LOC='asset\.c:[0-9]+: error: AssetStack/Fn: '

d=$tmp/missing
run "$d" "$A"
expect "missing asset directory: exit 1, error names the declaration and the path" 1 empty \
    "${LOC}.*'asset'.*No such file or directory"

d=$tmp/unreadable
mkasset "$d"
if [ -n "$AS_USER" ]; then
    chmod 000 "$d/asset/lib"
    run "$d" $AS_USER "$A"
    chmod 755 "$d/asset/lib"
    expect "unreadable asset directory (chmod 000$AS_LABEL): exit 1, names the directory" 1 empty \
        "${LOC}.*asset/lib.*Permission denied"
else
    skip "unreadable asset directory (chmod 000): running as root without setpriv, permissions are not enforced (the injected EACCES row below covers it)"
fi

d=$tmp/eacces
mkasset "$d"
run "$d" fault_exec LC_FAULT_OPEN=EACCES LC_FAULT_PATH=/asset/lib "$A"
expect "unreadable asset directory (injected EACCES on opendir): exit 1, names the directory" 1 empty \
    "${LOC}.*asset/lib.*Permission denied"

d=$tmp/eio
mkasset "$d"
run "$d" fault_exec LC_FAULT_READ=EIO LC_FAULT_PATH=/asset/index.js "$A"
expect "I/O error reading an asset file (injected EIO): exit 1, names the file" 1 empty \
    "${LOC}.*asset/index\.js.*Input/output error"

d=$tmp/loops
mkasset "$d"
mkdir -p "$d/outside"
printf 'outside\n' > "$d/outside/file.txt"
ln -s loop "$d/asset/loop"                      # a link to itself (ELOOP)
ln -s ../outside "$d/asset/ext"                 # external: followed (CDK's default) ...
ln -s ../outside "$d/outside/again"             # ... and the followed directory loops back
ln -s ../asset "$d/asset/lib/up"                # internal: not followed
run "$d" "$A"
cp "$out" "$tmp/loops.1.json"
rc1=$rc
run "$d" "$A"
[ "$rc1" -eq 0 ] && ! cmp -s "$out" "$tmp/loops.1.json" && rc=98   # not the same twice
expect "symbolic link loops in an asset: synthesizes as CDK does (loops cut, links hashed), the same twice" 0 json

d=$tmp/vanish
mkasset "$d"
: > "$tmp/fault.log"
run "$d" fault_exec LC_FAULT_OPEN=VANISH LC_FAULT_PATH=/asset/lib/util.js LC_FAULT_LOG="$tmp/fault.log" "$A"
if grep -q '^vanish' "$tmp/fault.log"; then
    expect "a file vanishes between listing and reading: exit 1, names the file" 1 empty \
        "${LOC}.*asset/lib/util\.js.*No such file or directory"
else
    not_ok "a file vanishes between listing and reading: the injector did not fire"
fi

d=$tmp/fifo-swap
mkasset "$d"
: > "$tmp/fault.log"
run "$d" fault_exec LC_FAULT_OPEN=FIFO LC_FAULT_PATH=/asset/lib/util.js LC_FAULT_LOG="$tmp/fault.log" "$A"
if [ "$rc" -eq 124 ]; then
    rc=124
    expect "a file is replaced by a FIFO while fingerprinting: no hang" 1 empty
elif grep -q '^fifo' "$tmp/fault.log"; then
    expect "a file is replaced by a FIFO while fingerprinting: no hang, exit 1, names the file" 1 empty \
        "${LOC}.*asset/lib/util\.js.*(changed|not a regular file)"
else
    not_ok "a file is replaced by a FIFO while fingerprinting: the injector did not fire"
fi

d=$tmp/grow
mkasset "$d"
: > "$tmp/fault.log"
run "$d" fault_exec LC_FAULT_READ=GROW LC_FAULT_PATH=/asset/index.js LC_FAULT_LOG="$tmp/fault.log" "$A"
if grep -q '^grow' "$tmp/fault.log"; then
    expect "a file changes while it is fingerprinted: exit 1, names the file" 1 empty \
        "${LOC}.*asset/index\.js.*changed"
else
    not_ok "a file changes while it is fingerprinted: the injector did not fire"
fi

d=$tmp/fifo-in-tree
mkasset "$d"
if have mkfifo && mkfifo "$d/asset/pipe" 2> /dev/null; then
    run "$d" "$A"
    expect "a FIFO inside the asset tree is skipped as CDK skips it (no hang)" 0 json
else
    skip "a FIFO inside the asset tree: mkfifo is not available"
fi

d=$tmp/fifo-root
mkdir -p "$d"
if have mkfifo && mkfifo "$d/asset" 2> /dev/null; then
    run "$d" "$A"
    expect "the asset path is a FIFO: no hang, exit 1, says what it is" 1 empty \
        "${LOC}.*asset.*neither a file nor a directory"
else
    skip "the asset path is a FIFO: mkfifo is not available"
fi

# ---- invalid UTF-8 -----------------------------------------------------------------------
run "$tmp" "$tmp/bin/utf8-description"
expect "invalid UTF-8 (0xff) in a description: exit 1, names the declaration and the property" 1 empty \
    'utf8-description\.c:[0-9]+: error: Utf8Stack/Fn(/Resource)?: Resources\.Fn[0-9A-F]{8}\.Properties\.Description: the value is not valid UTF-8 \(byte 0xff at offset 3\)'

run "$tmp" "$tmp/bin/utf8-env"
expect "invalid UTF-8 in an environment variable key and value: both reported, exit 1" 1 empty \
    'utf8-env\.c:[0-9]+: error: Utf8EnvStack/Fn(/Resource)?: .*\.Variables\.BAD_VALUE: the value is not valid UTF-8' \
    'utf8-env\.c:[0-9]+: error: Utf8EnvStack/Fn(/Resource)?: .*\.Variables: a key is not valid UTF-8 \(byte 0x80 at offset 1\)'

# ---- sizes ---------------------------------------------------------------------------------
run "$tmp" "$tmp/bin/env-5mb"
n=$("$JQ" '[.Resources[] | .Properties.Environment.Variables.BIG // empty | length] | max' "$out" 2> /dev/null)
if [ "$rc" -eq 0 ] && [ "$n" = 5242879 ]; then
    ok "a 5 MiB environment variable value: written whole, as aws-cdk-lib does"
else
    not_ok "a 5 MiB environment variable value: written whole, as aws-cdk-lib does"
    diag "exit $rc, value length ${n:-none} (want 5242879 characters)"; diag_file "$err"
fi

start=$(date +%s)
run "$tmp" "$tmp/bin/many-constructs"
secs=$(( $(date +%s) - start ))
expect "10,000 constructs in one stack: TooManyResourcesInStack as aws-cdk-lib reports it" 1 empty \
    "many-constructs\.c:[0-9]+: error: BigStack: Number of resources in stack 'BigStack': 20000 is greater than allowed maximum of 500: AWS::IAM::Role \(10000\), AWS::Lambda::Function \(10000\) \[TooManyResourcesInStack\]"
n=$(grep -c 'error:' "$err")
check "10,000 constructs: one error, not 10,000 (got $n), in ${secs}s" [ "$n" -eq 1 ]

# ---- duplicate ids ---------------------------------------------------------------------------
D=$tmp/bin/duplicate-id
run "$tmp/dup" "$D" --output out
expect "duplicate construct ids (--output): both reported, exit 1" 1 empty \
    "duplicate-id\.c:[0-9]+: error: DupStack/Fn: There is already a Construct with name 'Fn' in " \
    "duplicate-id\.c:[0-9]+: error: DupStack: There is already a Construct with name 'DupStack' in App"
check "duplicate construct ids (--output): no output directory created" [ ! -e "$tmp/dup/out" ]
run "$tmp/dup" "$D" --stack DupStack
expect "duplicate stack names (--stack picks one): still an error, exit 1" 1 empty \
    "duplicate-id\.c:[0-9]+: error: DupStack: There is already a Construct with name 'DupStack' in App"
run "$tmp/dup" "$D"
expect "duplicate stack names (no option): an error, exit 1" 1 empty \
    "There is already a Construct with name 'DupStack' in App"
# the error points at the second declaration of Fn, not only at the stack
line_b=$(grep -n 'LC_FUNCTION_ID(B, "Fn"' "$top_srcdir/t/bad/duplicate-id.c" | cut -d: -f1)
run "$tmp/dup" "$D" --output out
if grep -E -q "duplicate-id\.c:($line_b|$((line_b + 1))|$((line_b + 2))|$((line_b + 3))): error: DupStack/Fn: There is already" "$err"; then
    ok "duplicate construct id: the error points at the second declaration (line $line_b)"
else
    not_ok "duplicate construct id: the error points at the second declaration (line $line_b)"; diag_file "$err"
fi

# ---- output that cannot be written ---------------------------------------------------------
O=$tmp/bin/output
# prev DIR: a previous assembly in DIR/out (variant p), and a snapshot in DIR/prev.
prev() {
    rm -rf "$1/out" "$1/prev"
    mkdir -p "$1"
    (cd "$1" && LC_OUTPUT_VARIANT=p "$O" --output out > /dev/null 2>&1) && cp -R "$1/out" "$1/prev"
}
# intact DIR: the previous assembly is unchanged and no temporary file is left.
intact() {
    same_tree "$1/prev" "$1/out" && no_temp_files "$1/out"
}
intact_pair() { same_tree "$1" "$2" && no_temp_files "$2"; }

d=$tmp/under-file
mkdir -p "$d"
: > "$d/file"
run "$d" "$O" --output file/out
expect "output directory below a regular file: exit 1, names the directory and the reason" 1 empty \
    "file/out.*Not a directory"

d=$tmp/ro-perm
if [ -n "$AS_USER" ]; then
    prev "$d"
    chmod 555 "$d/out"
    run "$d" $AS_USER env LC_OUTPUT_VARIANT=n "$O" --output out
    chmod 755 "$d/out"
    expect "output directory without write permission (chmod 555$AS_LABEL): exit 1, names the file" 1 empty \
        "out.*Permission denied"
    check "output directory without write permission: previous assembly intact" intact "$d"
else
    skip "output directory without write permission (chmod 555): running as root without setpriv, permissions are not enforced (the read-only mount row covers it)"
fi

if can_mount; then
    d=$tmp/ro-mount
    mkdir -p "$d/mnt"
    cat > "$tmp/ro.sh" <<EOF_
set -e
mount -t tmpfs -o size=4m tmpfs '$d/mnt'
cd '$d/mnt'
LC_OUTPUT_VARIANT=p '$O' --output out > /dev/null
cp -R out '$d/prev'
mount -o remount,ro '$d/mnt'
set +e
LC_OUTPUT_VARIANT=n '$O' --output out > '$out' 2> '$err'
echo \$? > '$d/rc'
cp -R out '$d/after'
EOF_
    unshare -m sh "$tmp/ro.sh" > "$tmp/ro.log" 2>&1
    rc=$(cat "$d/rc" 2> /dev/null || echo 99)
    expect "output directory on a read-only file system: exit 1, names the file and the reason" 1 empty \
        "out/.*Read-only file system"
    check "output directory on a read-only file system: previous assembly intact" same_tree "$d/prev" "$d/after"

    d=$tmp/tmpfs-full
    mkdir -p "$d/mnt"
    # each template is ~66 KiB: the previous assembly fits, a third file does not
    cat > "$tmp/full.sh" <<EOF_
set -e
mount -t tmpfs -o size=200k tmpfs '$d/mnt'
cd '$d/mnt'
LC_OUTPUT_VARIANT=p '$O' --output out > /dev/null
cp -R out '$d/prev'
set +e
LC_OUTPUT_VARIANT=n '$O' --output out > '$out' 2> '$err'
echo \$? > '$d/rc'
cp -R out '$d/after'
EOF_
    unshare -m sh "$tmp/full.sh" > "$tmp/full.log" 2>&1
    rc=$(cat "$d/rc" 2> /dev/null || echo 99)
    expect "disk full (a 200 KiB tmpfs): exit 1, names the file and the reason" 1 empty \
        "out/.*No space left on device"
    check "disk full (a 200 KiB tmpfs): previous assembly intact, no temporary file" \
        intact_pair "$d/prev" "$d/after"
else
    skip "output directory on a read-only file system: private mounts are not possible here (needs root and unshare -m)"
    skip "output directory on a read-only file system: previous assembly intact (no private mounts)"
    skip "disk full (a small tmpfs): private mounts are not possible here (the injected ENOSPC rows cover it)"
    skip "disk full (a small tmpfs): previous assembly intact (no private mounts)"
fi

d=$tmp/enospc
prev "$d"
run "$d" fault_exec LC_OUTPUT_VARIANT=n LC_FAULT_WRITE=ENOSPC LC_FAULT_AFTER=4096 LC_FAULT_PATH=.template.json "$O" --output out
expect "disk full (injected ENOSPC after 4 KiB): exit 1, names the file and the reason" 1 empty \
    "out/.*No space left on device"
check "disk full (injected ENOSPC): previous assembly intact, no temporary file" intact "$d"

d=$tmp/eio-write
prev "$d"
run "$d" fault_exec LC_OUTPUT_VARIANT=n LC_FAULT_WRITE=EIO LC_FAULT_PATH=.template.json "$O" --output out
expect "I/O error writing a template (injected EIO): exit 1, names the file" 1 empty \
    "out/.*Input/output error"
check "I/O error writing a template: previous assembly intact, no temporary file" intact "$d"

d=$tmp/fsync
prev "$d"
run "$d" fault_exec LC_OUTPUT_VARIANT=n LC_FAULT_FSYNC=EIO LC_FAULT_PATH=/out/ "$O" --output out
expect "fsync fails (injected EIO): exit 1, names the file" 1 empty "out/.*Input/output error"
check "fsync fails: previous assembly intact, no temporary file" intact "$d"

d=$tmp/rename
prev "$d"
run "$d" fault_exec LC_OUTPUT_VARIANT=n LC_FAULT_RENAME=EIO LC_FAULT_PATH=.template.json "$O" --output out
expect "rename fails (injected EIO): exit 1, names the file" 1 empty "out/.*Input/output error"
check "rename fails: previous assembly intact, no temporary file" intact "$d"

d=$tmp/second-fails
prev "$d"
run "$d" fault_exec LC_OUTPUT_VARIANT=n LC_FAULT_WRITE=ENOSPC LC_FAULT_PATH=SecondStack "$O" --output out
expect "the second stack's template cannot be written: exit 1" 1 empty "SecondStack.*No space left on device"
check "the second stack's template cannot be written: the first stack's template is not replaced either (no mixed assembly)" intact "$d"

if [ -w /dev/full ] || [ -c /dev/full ]; then
    to_full() { exec "$@" > /dev/full; }
    run "$tmp" to_full "$O" --stack FirstStack
    expect "standard output is full (/dev/full): exit 1, says so" 1 any "standard output"
else
    skip "standard output is full: no /dev/full"
fi

# ---- a malformed spec given to `make regen` --------------------------------------------------
src=$tmp/regen/src
build=$tmp/regen/build
mkdir -p "$src/spec" "$src/gen" "$build"
for f in specification.json overrides.json types.list slice.jq; do cp "$top_srcdir/spec/$f" "$src/spec/"; done
cp "$top_srcdir/gen/"*.jq "$top_srcdir/gen/regen.sh" "$src/gen/"
if SPEC= JQ="$JQ" sh "$src/gen/regen.sh" "$src" "$build" > "$tmp/regen0.log" 2>&1; then
    mkdir -p "$tmp/regen/before"
    cp "$src/spec/specification.json" "$build/include/lambdac/cfn.gen.h" "$build/runtime/cfn.gen.c" \
       "$build/gen/cfn.ir.json" "$tmp/regen/before/"
    regen_untouched() {
        cmp -s "$tmp/regen/before/specification.json" "$src/spec/specification.json" &&
        cmp -s "$tmp/regen/before/cfn.gen.h" "$build/include/lambdac/cfn.gen.h" &&
        cmp -s "$tmp/regen/before/cfn.gen.c" "$build/runtime/cfn.gen.c" &&
        cmp -s "$tmp/regen/before/cfn.ir.json" "$build/gen/cfn.ir.json" &&
        [ -z "$(ls -A "$build/gen" | grep -v '^cfn.ir.json$')" ]
    }
    # a truncated copy of the real spec, and one whose Lambda function type is a number
    head -c 20000 "$top_srcdir/spec/specification.json" > "$tmp/regen/truncated.json"
    "$JQ" '.ResourceTypes["AWS::Lambda::Function"].Properties.Runtime = 7' \
        "$top_srcdir/spec/specification.json" > "$tmp/regen/number.json"
    cat "$top_srcdir/spec/specification.json" "$top_srcdir/spec/specification.json" \
        > "$tmp/regen/twice.json"      # a download appended to the previous one
    for case in truncated number twice; do
        SPEC="$tmp/regen/$case.json" JQ="$JQ" sh "$src/gen/regen.sh" "$src" "$build" > "$out" 2> "$err"
        rc=$?
        case $case in
        truncated) want='(parse error|Unfinished JSON term|cannot be sliced)' ;;
        number) want='spec: ResourceTypes\["AWS::Lambda::Function"\]\.Properties\.Runtime: expected an object, got number' ;;
        twice) want='holds 2 JSON values, not one' ;;
        esac
        if [ "$rc" -ne 0 ] && grep -E -q -- "$want" "$err" && grep -q "unchanged" "$err"; then
            ok "make regen with a malformed spec ($case): fails, names the JSON path, says nothing changed"
        else
            not_ok "make regen with a malformed spec ($case): fails, names the JSON path, says nothing changed"
            diag "exit $rc"; diag_file "$err"
        fi
        check "make regen with a malformed spec ($case): previous spec and generated files untouched" regen_untouched
    done
else
    not_ok "make regen: the scratch regeneration from the vendored spec fails"; diag_file "$tmp/regen0.log"
fi

done_testing
