#!/bin/bash
# SPDX-License-Identifier: GPL-3.0-or-later
# The GPU checks of the training module, in one run, for a short lease of a GPU machine that has a CUDA PyTorch,
# a compiler and CMake but no Qt and no package manager (docs/gpu.md, docs/benchmarks/gpu-module.md):
#   bench/gpu_module.sh [OUT]            from a NoteForge source tree or the bundle of packaging/training-module-bundle.sh
# 1. builds the module and noteforge-training-host against python3's LibTorch (packaging/build-training-module.sh)
#    and installs the module into a private $XDG_DATA_HOME, where the programs look first;
# 2. through that module, as the studio would use it: `lstm` and `transformer small` on the GPU and on the CPU:
#    timed training steps (tokens/s at batch 32 and 256) and a short training on the demo data (epoch times);
# 3. data-parallel ranks under torchrun, one a GPU (all the machine's GPUs; one GPU makes a job of one, which still
#    checks that NCCL builds, links, meets and reduces): NCCL, then Gloo through the host, beside one process with the
#    job's whole batch (the same held-out loss is expected of all three; the epoch time is the scaling figure);
# 4. writes OUT/summary.md (the table), OUT/*.json (each run), OUT/build.log and OUT/runs.log.
# Without a CUDA GPU it says "not measured on a GPU" and measures the CPU only.
set -uo pipefail
OUT=$(realpath -m "${1:-gpu-module-results}")  # relative to where it was called from
cd "$(dirname "$0")/.."

mkdir -p "$OUT"
exec > >(tee "$OUT/runs.log") 2>&1
SECONDS=0
echo "== machine"
nproc
nvidia-smi --query-gpu=name,memory.total,driver_version --format=csv,noheader 2>/dev/null || echo "no nvidia-smi"
python3 -c 'import torch; print("python3 torch", torch.__version__, "cuda", torch.version.cuda, "available", torch.cuda.is_available())' ||
  echo "python3 has no torch"
"${CXX:-c++}" --version | head -n1
cmake --version | head -n1
for t in c++ g++ nvcc ninja ccache; do printf '%s: %s\n' "$t" "$(command -v $t || echo none)"; done
uptime

echo "== build ($SECONDS s)"
export XDG_DATA_HOME="$OUT/.xdg"   # the module goes where the studio looks first, in a private folder
rm -rf "$XDG_DATA_HOME"
rm -f "$OUT/build-without-nccl.log" "$OUT/build-all-errors.log" "$OUT"/*.json  # nothing of an earlier run read as this one's
log="$OUT/build.log"
if ! packaging/build-training-module.sh --torch python --jobs "$(nproc)" --check >"$OUT/build.log" 2>&1; then
  echo "the build failed; its log:"
  tail -n 30 "$OUT/build.log"
  # Every error at once (ninja -k 0), so one lease shows all that a newer LibTorch objects to.
  keep=(-k); [ -f build-training-module/build.ninja ] && keep=(-k 0)
  cmake --build build-training-module -j "$(nproc)" -- "${keep[@]}" >"$OUT/build-all-errors.log" 2>&1
  grep -E "error" -A4 "$OUT/build-all-errors.log" | head -n 150
  # The rest measured all the same: NCCL's part is the newest and the likeliest to meet a LibTorch it was not
  # compiled against before.
  echo "== build again without NCCL ($SECONDS s)"
  log="$OUT/build-without-nccl.log"
  packaging/build-training-module.sh --torch python --jobs "$(nproc)" --check --without-nccl >"$log" 2>&1 ||
    { tail -n 30 "$log"; exit 1; }
fi
grep -E "Data-parallel training" "$log"
tail -n 8 "$log"
host=build-training-module/bin/noteforge-training-host
gpu=cuda
if ! python3 -c 'import sys, torch; sys.exit(0 if torch.cuda.is_available() else 1)'; then
  echo "not measured on a GPU: python3's torch sees no CUDA device; measuring the CPU only"
  gpu=""
fi

run() {  # run NAME ARGS...: one host run, its JSON in OUT/NAME.json
  local name=$1
  shift
  echo "== $name ($SECONDS s): $*"
  "$host" "$@" --json "$OUT/$name.json" || echo "FAILED: $name"
}
for m in lstm transformer; do
  preset=(--preset small)
  [ $m = transformer ] || preset=(--threads 0)  # an option every run takes: no empty array under set -u
  if [ -n "$gpu" ]; then
    run "$m-cuda-b32" --model $m "${preset[@]}" --device cuda --steps 30 --batch 32 --data resources/demo --epochs 5
    run "$m-cuda-b256" --model $m "${preset[@]}" --device cuda --steps 30 --batch 256
    run "$m-cuda-b32-amp" --model $m "${preset[@]}" --device cuda --steps 0 --batch 32 --data resources/demo --epochs 2 --amp
  fi
  # The CPU beside it: timed steps, then one epoch cut at NF_GPU_CPU_MINUTES (default 1) to keep a lease short.
  run "$m-cpu-b32" --model $m "${preset[@]}" --device cpu --steps 5 --batch 32 --data resources/demo --epochs 1 \
    --max-minutes "${NF_GPU_CPU_MINUTES:-1}"
done

# Data-parallel: torchrun with one rank a GPU. The job's batch is --batch (each rank computes its share). On one
# GPU both jobs are of one rank: they check that NCCL (and Gloo) build, meet and reduce, and measure no scaling.
if [ -n "$gpu" ] && python3 -c 'import torch.distributed.run' 2>/dev/null; then
  ngpu=$(python3 -c 'import torch; print(torch.cuda.device_count())')
  [ "$ngpu" -gt 1 ] || echo "one GPU: the data-parallel runs below are set-up checks, not a scaling figure"
  batch=$((32 * ngpu))
  ddp=(--model transformer --preset small --device cuda --steps 0 --batch $batch --data resources/demo --epochs 3 --seed 7)
  run "ddp-one-process-b$batch" "${ddp[@]}"
  for backend in nccl gloo; do
    name="ddp-$backend-${ngpu}gpu-b$batch"
    echo "== $name ($SECONDS s)"
    timeout 300 python3 -m torch.distributed.run --nproc_per_node="$ngpu" --master_port=29517 --no_python \
      "$host" "${ddp[@]}" --dist-backend $backend --dist-timeout 120 --json "$OUT/$name.json" || echo "FAILED: $name"
  done
fi

echo "== summary ($SECONDS s)"
python3 - "$OUT" <<'PY' | tee "$OUT/summary.md"
import json, pathlib, sys
out = pathlib.Path(sys.argv[1])
rows = []
module = None
for f in sorted(out.glob("*.json")):
    r = json.loads(f.read_text())
    b, t = r.get("benchmark", {}), r.get("training", {})
    ep = t.get("epochs", [])
    later = [e["seconds"] for e in ep[1:]] or [e["seconds"] for e in ep]
    rows.append((f.stem, b.get("device") or t.get("device", "?"), b.get("batch", t.get("batch", "")),
                 f'{b["tokens_per_s"]:.0f}' if b else "-",
                 f'{ep[0]["seconds"]:.2f}' if ep else "-",
                 f'{sum(later) / len(later):.2f}' if ep else "-",
                 f'{ep[-1]["tokens_per_s"]:.0f}' if ep else (f'{t["last_step_tokens_per_s"]:.0f} (partial epoch)' if t else "-"),
                 f'{ep[-1]["val_loss"]:.3f}' if ep else "-"))
    module = r["module"]
if module is None:
    print("no run wrote its figures: see runs.log")
    sys.exit(0)
print(f"module: {module['path']}\nLibTorch {module['torch']}, {module['build']}, CUDA GPU: {module['cuda_available']}\n")
print("| run | device | batch | benchmark tokens/s | first epoch s | later epochs s (mean) | training tokens/s (last epoch) | val loss (last) |")
print("|---|---|---|---|---|---|---|---|")
for row in rows:
    print("| " + " | ".join(str(c) for c in row) + " |")
PY
echo "done in $SECONDS s"
