#!/bin/bash
# SPDX-License-Identifier: GPL-3.0-or-later
# Builds the trainer-only noteforge-cli (no Qt, no audio: `train`, `generate`, `evaluate` ...) and its training module
# against a LibTorch of your choice, on a machine that trains for a studio elsewhere (docs/gpu.md). The studio runs
# it over ssh from the bundle of packaging/trainer-bundle.sh when the machine has no noteforge-cli of its version;
# it works by hand the same way, from a NoteForge source tree or that bundle:
#
#   packaging/build-trainer.sh [--torch auto|python|system|DIR] [--prefix DIR] [--jobs N]
#
#   --torch    which LibTorch (packaging/choose-torch.sh): a CUDA PyTorch's when python3 has one (auto, the default)
#   --prefix   where the trainer goes: DIR/build is its build tree and DIR/bin/noteforge-cli a link to the program
#              (default ~/.local/share/noteforge/trainer/VERSION, where the studio looks)
#
# Needs a C++20 compiler (GCC 11+), CMake 3.25+ and the LibTorch; fmt, nlohmann-json and CLI11 from the system or
# from the bundle's deps/include. The program runs from its build tree, which finds its module beside it.
set -euo pipefail

SRC=$(cd "$(dirname "$0")/.." && pwd)
TORCH=auto PREFIX_DIR="" JOBS=$(nproc 2>/dev/null || echo 2)
usage() { sed -n '8p' "$0" | sed 's/^# *//' >&2; exit 2; }
while [ $# -gt 0 ]; do
  case $1 in
    --torch) TORCH=${2:?}; shift 2 ;;
    --prefix) PREFIX_DIR=${2:?}; shift 2 ;;
    --jobs) JOBS=${2:?}; shift 2 ;;
    -h | --help) usage ;;
    *) echo "build-trainer: unknown option $1" >&2; usage ;;
  esac
done
say() { echo "build-trainer: $*"; }
die() { echo "build-trainer: $*" >&2; exit 1; }

VERSION=$(sed -n 's/^project(NoteForge VERSION \([0-9.]*\).*/\1/p' "$SRC/CMakeLists.txt")
[ -n "$VERSION" ] || die "no NoteForge version in $SRC/CMakeLists.txt"
[ -n "$PREFIX_DIR" ] || PREFIX_DIR="${HOME:?HOME is not set: give --prefix}/.local/share/noteforge/trainer/$VERSION"
mkdir -p "$PREFIX_DIR/bin"
PREFIX_DIR=$(cd "$PREFIX_DIR" && pwd)
BUILD="$PREFIX_DIR/build"

if ! command -v nvcc >/dev/null && [ -x /usr/local/cuda/bin/nvcc ]; then PATH="$PATH:/usr/local/cuda/bin"; fi
command -v cmake >/dev/null || die "cmake not found (CMake 3.25 or newer is needed)"
command -v "${CXX:-c++}" >/dev/null || die "no C++ compiler (${CXX:-c++}) found"

# shellcheck source=packaging/choose-torch.sh
. "$SRC/packaging/choose-torch.sh"
choose_torch "$TORCH"

args=(-DCMAKE_BUILD_TYPE=Release -DNF_BUILD_GUI=OFF -DNF_WITH_AUDIO=OFF -DNF_BUILD_TESTS=OFF -DNF_BUILD_BENCH=OFF)
[ -n "$PREFIX" ] && args+=("-DCMAKE_PREFIX_PATH=$PREFIX")
# The NCCL python3's torch loads: the module's NCCL code is compiled only against an nccl.h of that very version.
[ -n "$NCCL_VERSION" ] && args+=("-DNF_TORCH_NCCL_VERSION=$NCCL_VERSION")
command -v ninja >/dev/null && args+=(-G Ninja)
DEPS=""
[ -d "$SRC/deps/include" ] && DEPS="$SRC/deps/include"
if [ "$ABI" = 0 ]; then
  say "this LibTorch uses the pre-C++11 string ABI: building with -D_GLIBCXX_USE_CXX11_ABI=0"
  args+=(-DCMAKE_CXX_FLAGS=-D_GLIBCXX_USE_CXX11_ABI=0)
  [ -n "$DEPS" ] || DEPS=/usr/include
fi
if [ -n "$DEPS" ]; then
  # The bundle's headers even where the system has the packages: one set of headers, and header-only fmt.
  args+=("-DNF_DEPS_INCLUDE=$DEPS" -DCMAKE_DISABLE_FIND_PACKAGE_fmt=ON -DCMAKE_DISABLE_FIND_PACKAGE_nlohmann_json=ON
         -DCMAKE_DISABLE_FIND_PACKAGE_CLI11=ON)
fi
# Compile-cache hits across unpacked copies (ccache is used when installed).
export CCACHE_BASEDIR="$SRC"
rm -f "$BUILD/CMakeCache.txt"  # a fresh configuration: the cache would keep an earlier LibTorch
cmake -S "$SRC" -B "$BUILD" "${args[@]}"
cmake --build "$BUILD" -j "$JOBS" --target noteforge-cli
program="$BUILD/app/noteforge-cli"
[ -x "$program" ] || die "the build made no $program"
# The link the studio looks for, replaced atomically.
ln -sfn "$program" "$PREFIX_DIR/bin/.noteforge-cli.$$"
mv -Tf "$PREFIX_DIR/bin/.noteforge-cli.$$" "$PREFIX_DIR/bin/noteforge-cli"
say "built $("$PREFIX_DIR/bin/noteforge-cli" --version): $PREFIX_DIR/bin/noteforge-cli"
