#!/bin/bash
# SPDX-License-Identifier: GPL-3.0-or-later
# Data-parallel training measured on this machine (docs/scaling.md): for each model, training tokens per second on
# the demo data with one rank and one thread, one rank and two threads, and two ranks of one thread each (Gloo on the
# loopback address, started as torchrun would: RANK, WORLD_SIZE, MASTER_ADDR, MASTER_PORT), and the bytes of
# gradients each rank exchanges per step. Each run trains for SECONDS (default 30) of wall time; tokens/s is the
# median of its metrics rows after the first two (the whole job's tokens, since the batch is the job's).
#   bench/data-parallel.sh [BUILD_DIR] [SECONDS]
# Prints the machine's load before and after; the figures of docs/benchmarks/data-parallel.md came from it.
set -euo pipefail
cd "$(dirname "$0")/.."
BUILD=${1:-build}
SECONDS_PER_RUN=${2:-30}
CLI="$BUILD/app/noteforge-cli"
[ -x "$CLI" ] || { echo "data-parallel: build $BUILD first" >&2; exit 1; }
work=$(mktemp -d)
trap 'kill $(jobs -p) 2>/dev/null || true; rm -rf "$work"' EXIT
minutes=$(awk -v s="$SECONDS_PER_RUN" 'BEGIN { printf "%.4f", s / 60 }')
port=$((29700 + RANDOM % 200))

median_rate() {  # median tokens_per_s of a metrics CSV's step rows, the first two left out (warm-up)
  awk -F, 'NR > 1 && $2 != "" && $6 == "" { if (++n > 2) print $9 }' "$1" | sort -g |
    awk '{ v[NR] = $1 } END { if (NR == 0) print "n/a"; else printf "%.0f", (NR % 2) ? v[(NR + 1) / 2] : (v[NR / 2] + v[NR / 2 + 1]) / 2 }'
}

run_one() {  # run_one NAME THREADS ARGS...: one process
  local name=$1 threads=$2
  shift 2
  "$CLI" train "$@" --threads "$threads" --max-minutes "$minutes" --metrics-every 5 --quiet \
    --out "$work/$name.nfm" --metrics "$work/$name.csv" > "$work/$name.log" 2>&1
}

run_two() {  # run_two NAME ARGS...: two ranks of one thread each
  local name=$1
  shift
  port=$((port + 1))
  RANK=1 WORLD_SIZE=2 LOCAL_RANK=1 MASTER_ADDR=127.0.0.1 MASTER_PORT=$port \
    "$CLI" train "$@" --threads 1 --max-minutes "$minutes" --metrics-every 5 --quiet --out "$work/$name.nfm" \
    > "$work/$name.r1.log" 2>&1 &
  local r1=$!
  RANK=0 WORLD_SIZE=2 LOCAL_RANK=0 MASTER_ADDR=127.0.0.1 MASTER_PORT=$port \
    "$CLI" train "$@" --threads 1 --max-minutes "$minutes" --metrics-every 5 --quiet --out "$work/$name.nfm" \
    --metrics "$work/$name.csv" > "$work/$name.log" 2>&1
  wait "$r1"
}

echo "load before: $(cut -d' ' -f1-3 /proc/loadavg) on $(nproc) cores; $SECONDS_PER_RUN s a run"
printf '| model | parameters | gradient bytes a step, each rank | 1 rank x 1 thread | 1 rank x 2 threads | 2 ranks x 1 thread | 2 ranks / 1 rank x 2 threads |\n'
printf '|---|---|---|---|---|---|---|\n'
while IFS='|' read -r label args; do
  read -r -a a <<< "$args"
  tag=$(echo "$label" | tr ' ' '-')
  run_one "$tag-1x1" 1 "${a[@]}"
  run_one "$tag-1x2" 2 "${a[@]}"
  run_two "$tag-2x1" "${a[@]}"
  params=$(sed -n 's/^model .*, \([0-9]*\) parameters;.*/\1/p' "$work/$tag-1x1.log")
  mb=$(sed -n 's/.*exchanges \([0-9.]*\) MB of gradients.*/\1/p' "$work/$tag-2x1.log")
  r11=$(median_rate "$work/$tag-1x1.csv")
  r12=$(median_rate "$work/$tag-1x2.csv")
  r21=$(median_rate "$work/$tag-2x1.csv")
  ratio=$(awk -v a="$r21" -v b="$r12" 'BEGIN { if (a + 0 > 0 && b + 0 > 0) printf "%.2f", a / b; else print "n/a" }')
  printf '| %s | %s | %s MB | %s | %s | %s | %s |\n' "$label" "$params" "$mb" "$r11" "$r12" "$r21" "$ratio"
done <<'MODELS'
lstm|--model lstm
transformer small|--model transformer --preset small
paper-abc|--model paper-abc
paper-midi|--model paper-midi
MODELS
# transformer base (about 20M parameters) is a GPU model: only what a step would exchange, from its start.
port=$((port + 1))
RANK=1 WORLD_SIZE=2 MASTER_ADDR=127.0.0.1 MASTER_PORT=$port "$CLI" train --model transformer --preset base --threads 1 \
  --epochs 1 --quiet --out "$work/base.nfm" > "$work/base.r1.log" 2>&1 &
RANK=0 WORLD_SIZE=2 MASTER_ADDR=127.0.0.1 MASTER_PORT=$port "$CLI" train --model transformer --preset base --threads 1 \
  --epochs 1 --quiet --out "$work/base.nfm" > "$work/base.log" 2>&1 &
for _ in $(seq 1200); do grep -q 'exchanges' "$work/base.log" 2>/dev/null && break; sleep 0.1; done
printf '| transformer base | %s | %s MB | - | - | - | - |\n' \
  "$(sed -n 's/^model .*, \([0-9]*\) parameters;.*/\1/p' "$work/base.log")" \
  "$(sed -n 's/.*exchanges \([0-9.]*\) MB of gradients.*/\1/p' "$work/base.log")"
kill $(jobs -p) 2>/dev/null || true
wait 2>/dev/null || true
echo "load after:  $(cut -d' ' -f1-3 /proc/loadavg)"
