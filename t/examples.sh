#!/bin/sh
# Every example builds (make check builds them) and prints a valid template, the same
# bytes under different locales, time zones, umasks and working directories.
set -u
: "${top_srcdir:?}" "${top_builddir:?}" "${JQ:=jq}"
examples="hello l1-function handler-code execution-role function-config advanced-logging dlq tracing runtime-updates vpc-efs-ipv6 assets docker-image"
n=0
for e in $examples; do n=$((n + 3)); done
echo "1..$n"
i=0
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
for e in $examples; do
  bin="$top_builddir/examples/$e"
  i=$((i + 1))
  if (cd "$top_srcdir/examples" && "$bin" > "$tmp/$e.json" 2> "$tmp/$e.err"); then
    echo "ok $i - $e runs"
  else
    echo "not ok $i - $e runs"; sed 's/^/# /' "$tmp/$e.err"
  fi
  i=$((i + 1))
  if "$JQ" -e '.Resources | length > 0' "$tmp/$e.json" > /dev/null 2>&1; then
    echo "ok $i - $e prints a template with resources"
  else
    echo "not ok $i - $e prints a template with resources"
  fi
  i=$((i + 1))
  if (cd "$top_srcdir/examples" && umask 077 && LANG=tr_TR.UTF-8 LC_ALL=tr_TR.UTF-8 TZ=Asia/Kathmandu "$bin" > "$tmp/$e.2.json" 2>/dev/null) &&
     cmp -s "$tmp/$e.json" "$tmp/$e.2.json"; then
    echo "ok $i - $e is byte-identical under another locale, time zone and umask"
  else
    echo "not ok $i - $e is byte-identical under another locale, time zone and umask"
  fi
done
