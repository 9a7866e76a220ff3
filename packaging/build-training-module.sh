#!/bin/bash
# SPDX-License-Identifier: GPL-3.0-or-later
# Builds NoteForge's training module (libnoteforge-training.so) and noteforge-training-host against a LibTorch of
# your choice, a CUDA one in particular, and installs the module where the studio and noteforge-cli look first:
# ${XDG_DATA_HOME:-~/.local/share}/noteforge/training/. They then train with it (on the GPU) instead of the
# packaged CPU module, and say so in the Training panel and in `noteforge-cli train`'s first lines.
#
#   packaging/build-training-module.sh [--torch auto|python|system|DIR] [--deps-include DIR] [--build-dir DIR]
#                                      [--install-dir DIR | --no-install] [--check] [--jobs N] [--without-nccl]
#
#   --torch python    the LibTorch inside the PyTorch of `python3` (pip or conda; CUDA or not)
#   --torch system    the system's LibTorch (Debian's libtorch-dev: CPU only)
#   --torch DIR       a LibTorch distribution unpacked in DIR (the zip from pytorch.org)
#   --torch auto      (default) python's when it is a CUDA build, else the system's
#   --deps-include D  (or $NF_DEPS_INCLUDE) fmt/ and nlohmann/ headers, for machines without libfmt-dev and nlohmann-json3-dev; the
#                     bundle made by packaging/training-module-bundle.sh has them in deps/include (used by itself)
#   --without-nccl    no NCCL for data-parallel CUDA ranks even when the LibTorch has it (Gloo carries them)
#   --check           after installing, train a few steps through the installed module and print device, LibTorch
#                     and tokens/s (noteforge-training-host)
#
# Needs only a C++20 compiler (GCC 11+), CMake 3.25+ and the LibTorch: no Qt, no audio libraries, no display. The
# module must match the interface of the NoteForge that loads it (a module from another version is refused, and the
# packaged one used): build it from the source of the NoteForge you run. docs/gpu.md has the whole story.
set -euo pipefail

SRC=$(cd "$(dirname "$0")/.." && pwd)
TORCH=auto DEPS="${NF_DEPS_INCLUDE:-}" BUILD="$SRC/build-training-module" INSTALL_DIR="" INSTALL=1 CHECK=0 NCCL=AUTO
JOBS=$(nproc 2>/dev/null || echo 2)
usage() { sed -n '8,9p' "$0" | sed 's/^# *//' >&2; exit 2; }
while [ $# -gt 0 ]; do
  case $1 in
    --torch) TORCH=${2:?}; shift 2 ;;
    --deps-include) DEPS=$(cd "${2:?}" && pwd); shift 2 ;;
    --build-dir) BUILD=${2:?}; shift 2 ;;
    --install-dir) INSTALL_DIR=${2:?}; shift 2 ;;
    --no-install) INSTALL=0; shift ;;
    --check) CHECK=1; shift ;;
    --without-nccl) NCCL=OFF; shift ;;
    --jobs) JOBS=${2:?}; shift 2 ;;
    -h | --help) usage ;;
    *) echo "build-training-module: unknown option $1" >&2; usage ;;
  esac
done
say() { echo "build-training-module: $*"; }
die() { echo "build-training-module: $*" >&2; exit 1; }

# CUDA's CMake checks (run by a CUDA LibTorch's TorchConfig.cmake) want nvcc: the toolkit's usual place if not on PATH.
if ! command -v nvcc >/dev/null && [ -x /usr/local/cuda/bin/nvcc ]; then PATH="$PATH:/usr/local/cuda/bin"; fi
command -v cmake >/dev/null || die "cmake not found (CMake 3.25 or newer is needed)"
command -v "${CXX:-c++}" >/dev/null || die "no C++ compiler (${CXX:-c++}) found"
[ -z "$DEPS" ] && [ -d "$SRC/deps/include" ] && DEPS="$SRC/deps/include"

# Which LibTorch: sets PREFIX (empty: the system's) and ABI (0: the pre-C++11 string ABI).
# shellcheck source=packaging/choose-torch.sh
. "$SRC/packaging/choose-torch.sh"
choose_torch "$TORCH"

args=(-DCMAKE_BUILD_TYPE=Release -DNF_TRAINING_MODULE_ONLY=ON "-DNF_WITH_NCCL=$NCCL")
[ -n "$PREFIX" ] && args+=("-DCMAKE_PREFIX_PATH=$PREFIX")
# The NCCL python3's torch loads: the module's NCCL code is compiled only against an nccl.h of that very version.
[ -n "$NCCL_VERSION" ] && args+=("-DNF_TORCH_NCCL_VERSION=$NCCL_VERSION")
command -v ninja >/dev/null && args+=(-G Ninja)
if [ "$ABI" = 0 ]; then
  # Everything in the module and the host must then use the old string ABI, fmt too: header-only from the system's
  # (or the bundle's) headers, never the system's compiled libfmt.
  say "this LibTorch uses the pre-C++11 string ABI: building with -D_GLIBCXX_USE_CXX11_ABI=0"
  args+=(-DCMAKE_CXX_FLAGS=-D_GLIBCXX_USE_CXX11_ABI=0)
  [ -n "$DEPS" ] || DEPS=/usr/include
fi
if [ -n "$DEPS" ]; then
  args+=("-DNF_DEPS_INCLUDE=$DEPS" -DCMAKE_DISABLE_FIND_PACKAGE_fmt=ON -DCMAKE_DISABLE_FIND_PACKAGE_nlohmann_json=ON)
fi

# A fresh configuration every time: the cache would keep the previous LibTorch and string ABI (--torch system,
# then --torch python). Objects compiled with the same flags are reused all the same.
rm -f "$BUILD/CMakeCache.txt"
cmake -S "$SRC" -B "$BUILD" "${args[@]}"
cmake --build "$BUILD" -j "$JOBS"
module=$(find "$BUILD" -name libnoteforge-training.so -type f | head -n1)
host="$BUILD/bin/noteforge-training-host"
[ -n "$module" ] && [ -x "$host" ] || die "the build made no module or no host in $BUILD"
say "built $module"

if [ "$INSTALL" = 1 ]; then
  if [ -z "$INSTALL_DIR" ]; then
    # Where the programs look (XDG: an $XDG_DATA_HOME that is not absolute is ignored, as they ignore it).
    case ${XDG_DATA_HOME:-} in
      /*) INSTALL_DIR="$XDG_DATA_HOME/noteforge/training" ;;
      *) INSTALL_DIR="${HOME:?neither XDG_DATA_HOME nor HOME is set: give --install-dir}/.local/share/noteforge/training" ;;
    esac
  fi
  mkdir -p "$INSTALL_DIR"
  # Atomic: a studio starting meanwhile sees the old module or the new one, never half a file.
  tmp="$INSTALL_DIR/.libnoteforge-training.so.$$"
  trap 'rm -f "$tmp"' EXIT
  cp "$module" "$tmp"
  mv -f "$tmp" "$INSTALL_DIR/libnoteforge-training.so"
  module="$INSTALL_DIR/libnoteforge-training.so"
  say "installed $module (remove it to go back to the packaged module)"
fi

if [ "$CHECK" = 1 ]; then
  # Through the interface, as the studio would: which module, which LibTorch, which device, how fast.
  "$host" --module "$module" --model lstm --steps 3 --batch 8
fi
