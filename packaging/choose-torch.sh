# SPDX-License-Identifier: GPL-3.0-or-later
# Sourced by packaging/build-training-module.sh and packaging/build-trainer.sh (bash): which LibTorch to build against.
#   choose_torch auto|python|system|DIR
# sets PREFIX (a CMake prefix path; empty: the system's LibTorch), ABI (1, or 0 for a LibTorch built with the
# pre-C++11 string ABI) and NCCL_VERSION (python3's torch's NCCL, "2.27.3"; empty when unknown or none), and says
# which it chose through say(); dies through die() when the choice cannot be met.
#   python   the LibTorch inside the PyTorch of `python3` (pip or conda; CUDA or not)
#   system   the system's LibTorch (Debian's libtorch-dev: CPU only)
#   DIR      a LibTorch distribution unpacked in DIR (the zip from pytorch.org)
#   auto     python's when it is a CUDA build, else the system's

python_torch() {  # prints "PREFIX CUDA CXX11ABI VERSION NCCL" of python3's torch, or fails
  python3 - <<'PY' 2>/dev/null
import torch, torch.utils
try:  # the NCCL that torch loads (its nvidia-nccl package: the nccl.h beside it must be the same version)
    v = torch.cuda.nccl.version()
    nccl = ".".join(str(p) for p in v) if isinstance(v, tuple) else "none"
except Exception:
    nccl = "none"
print(torch.utils.cmake_prefix_path, torch.version.cuda or "none", int(torch.compiled_with_cxx11_abi()), torch.__version__, nccl)
PY
}

choose_torch() {
  local choice=$1 info p cuda abi version nccl
  PREFIX="" ABI=1 NCCL_VERSION=""
  case $choice in
    python | auto)
      if info=$(python_torch); then
        read -r p cuda abi version nccl <<<"$info"
        if [ "$choice" = python ] || [ "$cuda" != none ]; then
          [ -f "$p/Torch/TorchConfig.cmake" ] || die "python3's torch $version has no $p/Torch/TorchConfig.cmake"
          PREFIX=$p ABI=$abi
          [ "$nccl" = none ] || NCCL_VERSION=$nccl
          say "LibTorch $version from python3's PyTorch (CUDA $cuda): $p"
        fi
      elif [ "$choice" = python ]; then
        die "python3 cannot import torch: install PyTorch, or use --torch system or --torch DIR"
      fi
      [ -n "$PREFIX" ] || say "LibTorch: the system's (no CUDA PyTorch found)"
      ;;
    system) say "LibTorch: the system's" ;;
    *)
      [ -d "$choice" ] || die "--torch $choice: no such folder"
      PREFIX=$(cd "$choice" && pwd)
      say "LibTorch: $PREFIX"
      # The zip names its ABI in build-version/build-hash only loosely: its headers say it.
      if grep -qs '_GLIBCXX_USE_CXX11_ABI=0' "$PREFIX/share/cmake/Torch/TorchConfig.cmake"; then ABI=0; fi
      ;;
  esac
}
