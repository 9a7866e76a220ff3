#!/bin/sh
# SPDX-License-Identifier: GPL-3.0-or-later
# Usage: relocation.sh BUILD_DIR SOURCE_DIR. See tests.cmake.
set -eu
build=$1
src=$2
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
unset NOTEFORGE_DEMO_DIR NOTEFORGE_SOUNDFONT_DIR
fail() { echo "FAIL: $*" >&2; exit 1; }

cmake --install "$build" --prefix "$tmp/first/usr" >"$tmp/install.log" || { cat "$tmp/install.log"; fail "cmake --install"; }

check_tree() {  # ROOT: the installed CLI there uses that tree's data
  root=$1
  cli="$root/bin/noteforge-cli"
  [ -x "$cli" ] || fail "$cli not installed"
  "$cli" inspect >"$tmp/inspect" || fail "inspect without a path failed from $root"
  grep -qE "^dataset: +$root/share/noteforge/demo\$" "$tmp/inspect" ||
    fail "installed CLI in $root did not open its own demo data: $(head -1 "$tmp/inspect")"
  if "$cli" soundfonts >"$tmp/soundfonts" 2>&1; then  # builds with the sound engine
    grep -A1 -xF "$root/share/noteforge/soundfonts/noteforge-chip.sf2" "$tmp/soundfonts" | grep -q bundled ||
      fail "installed CLI in $root does not use its own bundled soundfont"
  fi
  echo "ok: $root"
}
check_tree "$tmp/first/usr"
# Moved as a whole (as dpkg -x or copying an install elsewhere does): still its own files.
mv "$tmp/first" "$tmp/moved"
check_tree "$tmp/moved/usr"

# An installed tree that lost its demo data must not quietly fall back on the source tree it was built from.
rm -rf "$tmp/moved/usr/share/noteforge/demo"
"$tmp/moved/usr/bin/noteforge-cli" inspect >"$tmp/inspect" 2>&1 || true
if grep -qF "$src/resources" "$tmp/inspect"; then fail "installed CLI fell back on the source tree: $(head -1 "$tmp/inspect")"; fi
echo "ok: no source-tree fallback ($(head -1 "$tmp/inspect"))"
