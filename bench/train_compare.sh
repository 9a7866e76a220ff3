#!/bin/sh
# SPDX-License-Identifier: GPL-3.0-or-later
# Training speed of NoteForge against PyTorch's Python API in the same run, same model, same threads:
#   bench/train_compare.sh NOTEFORGE_CLI [MODEL] [STEPS] [THREADS]
# Prints noteforge-cli's own report (median s/step, GFLOP/s, sgemm GFLOP/s, BLAS loaded), LibTorch's own LSTM
# kernel called from C++, and the Python API, then the speed ratios.
set -eu
cli=${1:?usage: train_compare.sh NOTEFORGE_CLI [MODEL] [STEPS] [THREADS]}
model=${2:-paper-midi}
steps=${3:-10}
threads=${4:-$(nproc)}
here=$(dirname "$0")
case $model in
  paper-midi) shape="--vocab 300 --batch 32 --seq 100" ;;
  paper-abc) shape="--vocab 100 --batch 16 --seq 64" ;;
  *) shape="--vocab 300 --batch 32 --seq 64" ;;
esac

"$cli" benchmark train --model "$model" $shape --steps "$steps" --threads "$threads"
ours=$("$cli" benchmark train --model "$model" $shape --steps "$steps" --threads "$threads" --json)
aten=$("$cli" benchmark train --model "$model" $shape --steps "$steps" --threads "$threads" --kernel aten --json)
py=$(/usr/bin/python3 "$here/train_step_pytorch.py" --model "$model" $shape --steps "$steps" --threads "$threads")
echo "noteforge (fused kernel): $ours"
echo "noteforge (LibTorch LSTM): $aten"
echo "PyTorch Python API:        $py"
/usr/bin/python3 - "$ours" "$aten" "$py" <<'PY'
import json, sys
ours, aten, py = (json.loads(s) for s in sys.argv[1:4])
print(f"median s/step: noteforge {ours['median_step_s']:.4f}, LibTorch LSTM from C++ {aten['median_step_s']:.4f}, "
      f"Python API {py['median_step_s']:.4f} (threads {ours['threads']}/{py['threads']})")
print(f"speed vs Python API: {py['median_step_s'] / ours['median_step_s']:.2f}x; "
      f"share of sgemm rate: noteforge {ours['gflops'] / ours['sgemm_gflops']:.0%}, "
      f"Python API {ours['gflop_per_step'] / py['median_step_s'] / ours['sgemm_gflops']:.0%}")
PY
