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
cd "$SRC"
# shellcheck source=packaging/source-bundle.sh
. packaging/source-bundle.sh
bundle_sources noteforge-trainer-src "$OUT" "libfmt-dev nlohmann-json3-dev libcli11-dev" "fmt nlohmann CLI" \
  CMakeLists.txt cmake core app/CMakeLists.txt app/cli app/common packaging/build-trainer.sh packaging/choose-torch.sh \
  packaging/COPYING
