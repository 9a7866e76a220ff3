#!/bin/bash
# SPDX-License-Identifier: GPL-3.0-or-later
# The drum GAN (paper-drums-gan) on the Groove MIDI Dataset, split by drummer as bench/drums.sh splits it, so its
# figures stand beside the `drums` model's in docs/benchmarks/drums.md (issue 19):
#
#   bench/drums-gan.sh CLI GROOVE_DIR MINUTES OUT GENERATOR [HELD_OUT_DRUMMERS]
#
# GENERATOR: paper (the paper's Dense/BatchNorm generator) or lstm (NoteForge's). Trains for MINUTES on the
# training drummers (the run's own held-out tenth of their pieces chooses the checkpoint, every 100 steps, by drum
# figure distance; the held-out drummers are never seen), writes 20 parts of 8 bars of 4/4 at 100 BPM (seeds
# 1-20), and measures them with `evaluate-drums` beside the held-out drummers and the training data.
# OUT/summary.md is its column; OUT/*.json, *.csv and *.log the runs. Measures only: it never fails on a figure.
set -euo pipefail
[ $# -ge 5 ] || { echo "usage: drums-gan.sh CLI GROOVE_DIR MINUTES OUT GENERATOR [HELD_OUT_DRUMMERS]" >&2; exit 2; }
cli=$(realpath "$1") groove=$(realpath "$2") minutes=$3 out=$4 generator=$5 held=${6:-"drummer3 drummer8"}
[ -x "$cli" ] || { echo "drums-gan.sh: $cli is not a program" >&2; exit 2; }
[ -d "$groove/drummer1" ] || { echo "drums-gan.sh: $groove has no drummer1/ (the Groove MIDI Dataset)" >&2; exit 2; }
# NF_GAN_RESUME=1 continues OUT's run from its checkpoint until MINUTES of training in all (a GAN may take several
# sittings); the split is kept.
resume=()
if [ "${NF_GAN_RESUME:-0}" = 1 ]; then
  [ -f "$out/gan.nfm.ckpt" ] || { echo "drums-gan.sh: no $out/gan.nfm.ckpt to resume" >&2; exit 2; }
  resume=(--resume "$out/gan.nfm.ckpt")
  cp "$out/gan.csv" "$out/gan-before-resume.csv"
  rm -rf "$out/generated" "$out/generate.log" && mkdir -p "$out/generated"
else
  rm -rf "$out/train" "$out/heldout" "$out/generated" "$out/train.log" "$out/generate.log" "$out/machine.txt"
  mkdir -p "$out/train" "$out/heldout" "$out/generated"
  for d in "$groove"/drummer*; do
    name=$(basename "$d")
    if [[ " $held " == *" $name "* ]]; then cp -r "$d" "$out/heldout/"; else cp -r "$d" "$out/train/"; fi
  done
fi
echo "train: $(find "$out/train" -name '*.mid' | wc -l) files; held out ($held): $(find "$out/heldout" -name '*.mid' | wc -l) files"
{ echo "machine: $(nproc) cores, $(uptime)"; } | tee -a "$out/machine.txt"

start=$(date +%s)
"$cli" train --model paper-drums-gan --gan-generator "$generator" --data "$out/train" --out "$out/gan.nfm" \
  --metrics "$out/gan.csv" --max-minutes "$minutes" --epochs "${NF_GAN_EPOCHS:-100}" --validate-every 100 \
  --seed 7 --threads "${NF_GAN_THREADS:-0}" ${resume[@]+"${resume[@]}"} --quiet >> "$out/train.log" 2>&1
echo "trained in $(( $(date +%s) - start )) s: $(tail -1 "$out/train.log")"
for seed in $(seq 1 20); do
  "$cli" generate --model "$out/gan.nfm" --bars 8 --meter 4/4 --tempo 100 --seed "$seed" \
    --out "$out/generated/gan-$seed.mid" >> "$out/generate.log"
done
"$cli" evaluate-drums "$out/generated" --against "$out/train" --json > "$out/generated.json"
"$cli" evaluate-drums "$out/heldout" --against "$out/train" --json > "$out/heldout.json"
/usr/bin/python3 - "$out" "$generator" <<'PY'
import json, sys
out, generator = sys.argv[1], sys.argv[2]
g, h = (json.load(open(f"{out}/{n}.json")) for n in ("generated", "heldout"))
rows = [("bars", "bars", "{:.0f}"), ("hits per bar", "hits_per_bar", "{:.2f}"), ("empty beats", "empty_beat_rate", "{:.3f}"),
        ("backbone (kick 1/3, snare 2/4)", "backbone", "{:.3f}"), ("pattern consistency", "pattern_consistency", "{:.3f}"),
        ("groove consistency", "groove_consistency", "{:.3f}"), ("distinct bars / bars with hits", "distinct_share", "{:.3f}")]
with open(f"{out}/summary.md", "w") as f:
    f.write(f"| figure | drum GAN, {generator} generator (20 parts x 8 bars) | held-out drummers |\n|---|---|---|\n")
    for name, key, fmt in rows:
        f.write(f"| {name} | {fmt.format(g['files'][key])} | {fmt.format(h['files'][key])} |\n")
    f.write(f"| longest copy from the training data (bars) | {g['longest_copy_bars']} | {h['longest_copy_bars']} |\n")
print(open(f"{out}/summary.md").read())
PY
