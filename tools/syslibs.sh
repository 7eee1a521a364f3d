#!/bin/sh
# Checks the system libraries Qt needs (offscreen for tests, xcb for a real window).
# On Debian/Ubuntu it installs what is missing when run as root, otherwise prints the
# exact apt-get line and fails. Usage: tools/syslibs.sh [test|run]
set -u
mode=${1:-test}
# "soname debian-package" pairs; sonames are the same on every distribution.
base="libEGL.so.1:libegl1 libGL.so.1:libgl1 libX11.so.6:libx11-6 libdbus-1.so.3:libdbus-1-3
libfontconfig.so.1:libfontconfig1 libfreetype.so.6:libfreetype6 libglib-2.0.so.0:libglib2.0-0
libxkbcommon.so.0:libxkbcommon0"
window="libxcb-cursor.so.0:libxcb-cursor0 libxcb-icccm.so.4:libxcb-icccm4
libxcb-image.so.0:libxcb-image0 libxcb-keysyms.so.1:libxcb-keysyms1
libxcb-render-util.so.0:libxcb-render-util0 libxcb-shape.so.0:libxcb-shape0
libxcb-xkb.so.1:libxcb-xkb1 libxkbcommon-x11.so.0:libxkbcommon-x11-0"
[ "$(uname -s)" = "Linux" ] || exit 0
libs=$base
[ "$mode" = "run" ] && libs="$base $window"
have=$( (ldconfig -p 2>/dev/null || /sbin/ldconfig -p 2>/dev/null) )
missing=""
for pair in $libs; do
  so=${pair%%:*}; pkg=${pair#*:}
  echo "$have" | grep -q "$so" || missing="$missing $pkg"
done
[ -z "$missing" ] && exit 0
if ! command -v apt-get >/dev/null 2>&1; then
  echo "Qt needs these system libraries (Debian names):$missing" >&2
  echo "Install the equivalents with your distribution's package manager." >&2
  exit 1
fi
if [ "$(id -u)" = "0" ]; then
  echo "Installing Qt system libraries:$missing"
  apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq $missing && exit 0
  echo "apt-get could not install:$missing" >&2
  exit 1
fi
echo "Qt needs system libraries that are missing. Run:" >&2
echo "  sudo apt-get install -y$missing" >&2
exit 1
