#!/bin/sh
# Regenerate the build system from configure.ac and Makefile.am (needs autoconf,
# automake, libtool).  automake does not install its TAP driver by itself, so copy it.
set -e
cd "$(dirname "$0")"
mkdir -p build-aux m4
autoreconf -fi
cp "$(automake --print-libdir)/tap-driver.sh" build-aux/tap-driver.sh
chmod +x build-aux/tap-driver.sh
