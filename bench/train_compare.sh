#!/bin/sh
# SPDX-License-Identifier: GPL-3.0-or-later
# Training speed of NoteForge against PyTorch's Python API in the same run, same model, same threads:
#   bench/train_compare.sh NOTEFORGE_CLI [MODEL] [STEPS] [THREADS] [ROUNDS]
# MODEL: paper-midi, paper-abc, lstm or transformer (its small preset; the remi vocabulary size, 256-token windows).
# Prints noteforge-cli's own report (median s/step, GFLOP/s, sgemm GFLOP/s, BLAS loaded), then ROUNDS (default 3)
# alternating rounds of NoteForge's kernel, LibTorch's own LSTM called from C++, and the Python API, and the ratio
# of the best median of each (alternating and taking the best keeps a busy neighbour from deciding the result).
set -eu
cli=${1:?usage: train_compare.sh NOTEFORGE_CLI [MODEL] [STEPS] [THREADS] [ROUNDS]}
model=${2:-paper-midi}
steps=${3:-10}
threads=${4:-$(nproc)}
rounds=${5:-3}
here=$(dirname "$0")
case $model in
  paper-midi) shape="--vocab 300 --batch 32 --seq 100" ;;
  paper-abc) shape="--vocab 100 --batch 16 --seq 64" ;;
  transformer) shape="--vocab 757 --batch 16 --seq 256" ;;
  *) shape="--vocab 300 --batch 32 --seq 64" ;;
esac

"$cli" benchmark train --model "$model" $shape --steps "$steps" --threads "$threads"
results=$(mktemp)
trap 'rm -f "$results"' EXIT
i=0
while [ "$i" -lt "$rounds" ]; do
  echo "fused $("$cli" benchmark train --model "$model" $shape --steps "$steps" --threads "$threads" --json)" >> "$results"
  # LibTorch's own LSTM from C++ (an LSTM-only comparison).
  if [ "$model" != transformer ]; then
    echo "aten $("$cli" benchmark train --model "$model" $shape --steps "$steps" --threads "$threads" --kernel aten --json)" >> "$results"
  fi
  echo "python $(/usr/bin/python3 "$here/train_step_pytorch.py" --model "$model" $shape --steps "$steps" --threads "$threads")" >> "$results"
  i=$((i + 1))
done
/usr/bin/python3 - "$results" <<'PY'
import json, sys
runs = {}
for line in open(sys.argv[1]):
    kind, text = line.split(" ", 1)
    runs.setdefault(kind, []).append(json.loads(text))
best = {k: min(v, key=lambda r: r["median_step_s"]) for k, v in runs.items()}
ours, aten, py = best["fused"], best.get("aten"), best["python"]
sgemm = max(r["sgemm_gflops"] for r in runs["fused"] + runs.get("aten", []))
flops = ours["gflop_per_step"]
for k, v in runs.items():
    print(f"{k:7s} median s/step per round: " + ", ".join(f"{r['median_step_s']:.4f}" for r in v))
aten_text = f", LibTorch LSTM from C++ {aten['median_step_s']:.4f}" if aten else ""
print(f"best median s/step: noteforge {ours['median_step_s']:.4f}{aten_text}, "
      f"Python API {py['median_step_s']:.4f} (threads {ours['threads']}/{py['threads']}, {py['torch']})")
print(f"GFLOP/s: noteforge {flops / ours['median_step_s']:.1f}, Python API {flops / py['median_step_s']:.1f}; "
      f"sgemm 2048^2 {sgemm:.1f}")
print(f"speed vs Python API: {py['median_step_s'] / ours['median_step_s']:.2f}x; share of the sgemm rate: "
      f"noteforge {flops / ours['median_step_s'] / sgemm:.0%}, Python API {flops / py['median_step_s'] / sgemm:.0%}")
print(f"BLAS: {ours['blas']}")
PY
