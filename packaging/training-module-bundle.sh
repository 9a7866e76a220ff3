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
cd "$SRC"
# shellcheck source=packaging/source-bundle.sh
. packaging/source-bundle.sh
bundle_sources noteforge-training-module-src "$OUT" "libfmt-dev nlohmann-json3-dev" "fmt nlohmann" \
  CMakeLists.txt cmake core bench/training-host bench/gpu_module.sh packaging/build-training-module.sh \
  packaging/choose-torch.sh packaging/source-bundle.sh resources/demo COPYING packaging/COPYING
echo "training-module-bundle: wrote $OUT ($(du -h "$OUT" | cut -f1))"
