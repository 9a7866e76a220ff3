#!/bin/sh
# SPDX-License-Identifier: GPL-3.0-or-later
# The transformer on a GPU: training steps of the small and base presets (noteforge-cli benchmark train: median
# s/step, tokens/s, GFLOP/s), then one epoch of base on the demo data in remi, in float32 and with bfloat16 autocast
# (--amp), tokens/s read from the metrics. For a machine with a GPU and a trainer-only build (docs/gpu.md):
#   bench/gpu_transformer.sh NOTEFORGE_CLI [DEVICE] [EPOCH_MINUTES]
# DEVICE defaults to cuda; EPOCH_MINUTES (default 10) caps each epoch run. Where LibTorch sees no GPU the script
# says "not measured on a GPU" with LibTorch's reason and exits 0, so a report can quote it. DEVICE cpu runs the same
# steps on the CPU (to try the script; slow for base).
set -eu
cli=${1:?usage: gpu_transformer.sh NOTEFORGE_CLI [DEVICE] [EPOCH_MINUTES]}
device=${2:-cuda}
minutes=${3:-10}
here=$(cd "$(dirname "$0")" && pwd)
data="$here/../resources/demo"
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT

if ! "$cli" benchmark train --model transformer --device "$device" --steps 1 --warmup 0 > "$work/probe" 2>&1; then
  echo "not measured on a GPU: $(tail -n 1 "$work/probe")"
  exit 0
fi
echo "device $device, $(date -u +%Y-%m-%dT%H:%MZ), load average $(cut -d' ' -f1-3 /proc/loadavg)"
for preset in small base; do
  case $preset in small) shape="--batch 16 --seq 256" ;; base) shape="--batch 32 --seq 512" ;; esac
  "$cli" benchmark train --model transformer --preset "$preset" --vocab 757 $shape --device "$device" --steps 10 \
    --warmup 3 --json > "$work/$preset.json"
  /usr/bin/python3 - "$preset" "$work/$preset.json" <<'PY'
import json, sys
j = json.load(open(sys.argv[2]))
print(f"{sys.argv[1]:5s} step {j['median_step_s']:.4f} s, {j['tokens_per_s']:.0f} tokens/s, {j['gflops']:.0f} GFLOP/s "
      f"(batch {j['batch']} x {j['seq']}, {j['device']}, LibTorch {j['torch']})")
PY
done
for precision in fp32 bf16; do
  amp=""
  [ "$precision" = bf16 ] && amp="--amp"
  if "$cli" train --data "$data" --repr remi --model transformer --preset base --device "$device" $amp --epochs 1 \
      --max-minutes "$minutes" --checkpoint-every 0 --metrics "$work/$precision.csv" --out "$work/$precision.nfm" \
      > "$work/$precision.log" 2>&1; then
    /usr/bin/python3 - "$precision" "$work/$precision.csv" <<'PY'
import csv, sys
rows = [r for r in csv.DictReader(open(sys.argv[2])) if r["val_loss"]]
last = rows[-1]
print(f"base demo epoch ({sys.argv[1]}): {float(last['wall_s']):.1f} s, {float(last['tokens_per_s']):.0f} tokens/s, "
      f"held-out loss {float(last['val_loss']):.4f}")
PY
  else
    echo "base demo epoch ($precision): $(tail -n 1 "$work/$precision.log")"
  fi
done
