#!/bin/bash
# SPDX-License-Identifier: GPL-3.0-or-later
# The drum GAN that hears the band against the drum GAN that does not (issue 19; docs/benchmarks/drums.md):
#
#   bench/drums-gan-band.sh CLI GROOVE_DIR BAND_DIR EPOCHS MINUTES OUT [HELD_OUT_DRUMMERS]
#
# The data as bench/drums-band.sh has it (bench/drums-band-data.sh: the Groove drummers but the held-out ones,
# and the band files split by piece). Runs of NoteForge's GAN generator (`--gan-generator lstm`), the same
# data, seed and EPOCHS epochs (at most MINUTES each), side by side with one thread each; NF_GAN_RUNS chooses them
# (default "deaf both"):
#   deaf:   train --model paper-drums-gan --gan-generator lstm                     (noise and position only)
#   band:   ... --follow-band                                                      (the band's onsets per step)
#   primer: ... --gan-primer                                                       (the bar before)
#   both:   ... --follow-band --gan-primer
# Each run's model is chosen every 100 steps by its held-out figure distance (its own validation split of the
# training folder). Then every held-out band file with drums gets drums from each model (`accompany --add drums`,
# seed 1) and `evaluate-drums` measures how they sit with the band (DrumBandFit) and the drum figures, beside the
# files' real drums. OUT/summary.md is the table; the rest are the runs. Measures only: never fails on a figure.
set -euo pipefail
[ $# -ge 6 ] || { echo "usage: drums-gan-band.sh CLI GROOVE_DIR BAND_DIR EPOCHS MINUTES OUT [HELD_OUT_DRUMMERS]" >&2; exit 2; }
cli=$(realpath "$1") groove=$2 band=$3 epochs=$4 minutes=$5 out=$6 held=${7:-"drummer3 drummer8"}
[ -x "$cli" ] || { echo "drums-gan-band.sh: $cli is not a program" >&2; exit 2; }
runs=${NF_GAN_RUNS:-"deaf both"}
here=$(cd "$(dirname "$0")" && pwd)
rm -rf "$out/real" "$out/gen" "$out/failed.txt" "$out"/accompany-*.log "$out"/*.json "$out/summary.md"
mkdir -p "$out"
"$here/drums-band-data.sh" "$groove" "$band" "$out" "$held"
{ echo "machine: $(nproc) cores, $(uptime)"; } | tee "$out/machine.txt"

flags() {
  case $1 in
    deaf) ;;
    band) echo --follow-band ;;
    primer) echo --gan-primer ;;
    both) echo --follow-band --gan-primer ;;
    *) echo "drums-gan-band.sh: unknown run $1 (deaf, band, primer, both)" >&2; exit 2 ;;
  esac
}
train() {  # NAME
  local name=$1 start; start=$(date +%s)
  # shellcheck disable=SC2046
  "$cli" train --model paper-drums-gan --gan-generator lstm $(flags "$name") --data "$out/train" --out "$out/$name.nfm" \
    --metrics "$out/$name.csv" --epochs "$epochs" --max-minutes "$minutes" --validate-every 100 --threads 1 --seed 7 \
    --quiet > "$out/train-$name.log" 2>&1
  echo "$name: trained in $(( $(date +%s) - start )) s: $(tail -1 "$out/train-$name.log")" > "$out/time-$name.txt"
}
pids=()
for r in $runs; do flags "$r" > /dev/null; train "$r" & pids+=($!); done
for p in "${pids[@]}"; do wait "$p" || { tail -n 3 "$out"/train-*.log >&2; echo "drums-gan-band.sh: training failed" >&2; exit 1; }; done
cat "$out"/time-*.txt
echo "after training: $(uptime)" >> "$out/machine.txt"

# The real drums are measured on the same pieces as the generated ones: those every model drummed.
mkdir -p "$out/real"
for r in $runs; do mkdir -p "$out/gen/$r"; done
for f in "$out/stripped"/*; do
  name=$(basename "$f")
  ok=1
  for r in $runs; do
    "$cli" accompany "$f" --model "$out/$r.nfm" --add drums --seed 1 --out "$out/gen/$r/$name" >> "$out/accompany-$r.log" 2>&1 \
      || { echo "$name: $r failed" >> "$out/failed.txt"; ok=0; }
  done
  if [ "$ok" = 1 ]; then cp "$out/heldout-band/$name" "$out/real/"; else for r in $runs; do rm -f "$out/gen/$r/$name"; done; fi
done
"$cli" evaluate-drums "$out/real" --against "$out/train" --json > "$out/real.json"
for r in $runs; do "$cli" evaluate-drums "$out/gen/$r" --against "$out/train" --json > "$out/gen-$r.json"; done
names=(); for r in $runs; do
  case $r in deaf) t="GAN, hears nothing" ;; band) t="GAN, hears the band" ;; primer) t="GAN, hears the bar before" ;;
    both) t="GAN, hears the band and the bar before" ;; esac
  names+=("$t=$out/gen-$r.json")
done
"$here/drums_band_table.py" "${names[@]}" "the files' own drums=$out/real.json" | tee "$out/summary.md"
