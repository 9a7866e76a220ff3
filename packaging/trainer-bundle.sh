#!/bin/bash
# SPDX-License-Identifier: GPL-3.0-or-later
# Packs the sources of the trainer-only noteforge-cli into one tarball, for a machine that trains for the studio:
#   packaging/trainer-bundle.sh OUT.tar.gz
# The studio copies it there over ssh and runs packaging/build-trainer.sh from it when that machine has no
# noteforge-cli of the studio's version (docs/gpu.md); by hand: tar xzf OUT.tar.gz && cd noteforge-trainer-src &&
# packaging/build-trainer.sh. It holds CMakeLists.txt, cmake/, core/, app/ without the studio, the two build scripts,
# and Debian's copies of the fmt, nlohmann-json (MIT) and CLI11 (BSD-3-Clause) headers in deps/include with their
# copyright files, so the machine needs only a compiler, CMake and a LibTorch.
set -euo pipefail
SRC=$(cd "$(dirname "$0")/.." && pwd)
OUT=$(realpath -m "${1:?usage: $0 OUT.tar.gz}")
NAME=noteforge-trainer-src
for h in /usr/include/fmt/format.h /usr/include/nlohmann/json.hpp /usr/include/CLI/CLI.hpp; do
  [ -f "$h" ] || { echo "trainer-bundle: $h missing: apt-get install libfmt-dev nlohmann-json3-dev libcli11-dev" >&2; exit 1; }
done
stage=$(mktemp -d)
trap 'rm -rf "$stage"' EXIT
mkdir -p "$stage/$NAME/deps/include" "$stage/$NAME/deps/copyright"
cd "$SRC"
FILES=(CMakeLists.txt cmake core app/CMakeLists.txt app/cli app/common packaging/build-trainer.sh packaging/choose-torch.sh
       packaging/COPYING)
# The files as they are (a build run from a clone or an unpacked source: the same folders either way), without
# build outputs or editor leftovers.
tar --exclude='*.orig' --exclude='*.rej' --exclude='*~' --ignore-failed-read -cf - "${FILES[@]}" 2>/dev/null |
  tar -xf - -C "$stage/$NAME"
cp -r /usr/include/fmt /usr/include/nlohmann /usr/include/CLI "$stage/$NAME/deps/include/"
for p in libfmt-dev nlohmann-json3-dev libcli11-dev; do
  [ -f "/usr/share/doc/$p/copyright" ] && cp "/usr/share/doc/$p/copyright" "$stage/$NAME/deps/copyright/$p"
done
# Reproducible: the same sources give the same bytes (the studio compares nothing, but caches and packages like it).
tar -C "$stage" --sort=name --owner=0 --group=0 --numeric-owner --mtime='2026-01-01 00:00Z' -cf - "$NAME" | gzip -n >"$OUT.tmp"
mv -f "$OUT.tmp" "$OUT"
