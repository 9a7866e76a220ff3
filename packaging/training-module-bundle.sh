#!/bin/bash
# SPDX-License-Identifier: GPL-3.0-or-later
# Packs what a GPU machine needs to build NoteForge's training module into one tarball:
#   packaging/training-module-bundle.sh [OUT.tar.gz]      (default: noteforge-training-module-src.tar.gz)
# Run it on a machine with NoteForge's sources and Debian's libfmt-dev and nlohmann-json3-dev; copy the tarball to
# the GPU machine, which needs only a compiler, CMake and a PyTorch (no package manager, no network):
#   tar xzf noteforge-training-module-src.tar.gz && cd noteforge-training-module-src &&
#   packaging/build-training-module.sh --torch python --check
# The bundle holds the sources of the engine and of what it uses (CMakeLists.txt, cmake/, core/, the host in
# bench/training-host/, packaging/build-training-module.sh, bench/gpu_module.sh), the demo data, and Debian's copies of
# the fmt and nlohmann-json headers in deps/include with their copyright files (both MIT-licensed).
set -euo pipefail
SRC=$(cd "$(dirname "$0")/.." && pwd)
OUT=$(realpath -m "${1:-noteforge-training-module-src.tar.gz}")
NAME=noteforge-training-module-src
for h in /usr/include/fmt/format.h /usr/include/nlohmann/json.hpp; do
  [ -f "$h" ] || { echo "training-module-bundle: $h missing: apt-get install libfmt-dev nlohmann-json3-dev" >&2; exit 1; }
done
stage=$(mktemp -d)
trap 'rm -rf "$stage"' EXIT
mkdir -p "$stage/$NAME/deps/include" "$stage/$NAME/deps/copyright"
cd "$SRC"
# The clone's files (tracked, and new ones git does not ignore: no build folders); else the folders as they are.
if git rev-parse --is-inside-work-tree >/dev/null 2>&1; then
  git ls-files -z --cached --others --exclude-standard -- CMakeLists.txt cmake core bench/training-host bench/gpu_module.sh \
      packaging/build-training-module.sh packaging/choose-torch.sh resources/demo COPYING packaging/COPYING |
    tar --null -T - -cf - | tar -xf - -C "$stage/$NAME"
else
  tar -cf - CMakeLists.txt cmake core bench/training-host bench/gpu_module.sh packaging/build-training-module.sh packaging/choose-torch.sh \
      resources/demo | tar -xf - -C "$stage/$NAME"
fi
cp -r /usr/include/fmt /usr/include/nlohmann "$stage/$NAME/deps/include/"
for p in libfmt-dev nlohmann-json3-dev; do
  [ -f "/usr/share/doc/$p/copyright" ] && cp "/usr/share/doc/$p/copyright" "$stage/$NAME/deps/copyright/$p"
done
tar -C "$stage" -czf "$OUT" "$NAME"
echo "training-module-bundle: wrote $OUT ($(du -h "$OUT" | cut -f1))"
