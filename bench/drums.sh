#!/bin/bash
# SPDX-License-Identifier: GPL-3.0-or-later
# Drum models on the Groove MIDI Dataset, held out by drummer (issue 19; docs/benchmarks/drums.md):
#
#   bench/drums.sh CLI GROOVE_DIR MINUTES OUT [HELD_OUT_DRUMMERS]
#
# GROOVE_DIR holds drummer1/ .. drummer10/ (bench/corpora/build-corpus.sh fetches it; CC-BY 4.0). The drummers
# named (default "drummer3 drummer8") are held out; the others are the training data. Trains the `drums` model
# (the lstm on drum-pattern tokens, by likelihood) for MINUTES on them (NF_DRUMS_EPOCHS epochs of cosine decay,
# default 24: what 12 minutes hold on two cores), writes 20 parts of 8 bars of 4/4 at
# 100 BPM (seeds 1-20), and measures them, the held-out drummers and the training data with `evaluate-drums`
# (the copy check against the training data). OUT/summary.md is the table; OUT/*.json and *.log the runs.
# Measures only: it never fails on a figure.
set -euo pipefail
[ $# -ge 4 ] || { echo "usage: drums.sh CLI GROOVE_DIR MINUTES OUT [HELD_OUT_DRUMMERS]" >&2; exit 2; }
cli=$(realpath "$1") groove=$(realpath "$2") minutes=$3 out=$4 held=${5:-"drummer3 drummer8"}
[ -x "$cli" ] || { echo "drums.sh: $cli is not a program" >&2; exit 2; }
[ -d "$groove/drummer1" ] || { echo "drums.sh: $groove has no drummer1/ (the Groove MIDI Dataset)" >&2; exit 2; }
rm -rf "$out/train" "$out/heldout" "$out/generated"
mkdir -p "$out/train" "$out/heldout" "$out/generated"
for d in "$groove"/drummer*; do
  name=$(basename "$d")
  # Copies, not links: datasets are read without following links.
  if [[ " $held " == *" $name "* ]]; then cp -r "$d" "$out/heldout/"; else cp -r "$d" "$out/train/"; fi
done
echo "train: $(find "$out/train" -name '*.mid' | wc -l) files; held out ($held): $(find "$out/heldout" -name '*.mid' | wc -l) files"
{ echo "machine: $(nproc) cores, $(uptime)"; } | tee "$out/machine.txt"

start=$(date +%s)
"$cli" train --model drums --data "$out/train" --out "$out/drums.nfm" --metrics "$out/drums.csv" \
  --max-minutes "$minutes" --epochs "${NF_DRUMS_EPOCHS:-24}" --seed 7 --quiet > "$out/train.log" 2>&1
echo "trained in $(( $(date +%s) - start )) s: $(tail -1 "$out/train.log")"
for seed in $(seq 1 20); do
  "$cli" generate --model "$out/drums.nfm" --bars 8 --meter 4/4 --tempo 100 --seed "$seed" \
    --temperature 0.9 --out "$out/generated/drums-$seed.mid" >> "$out/generate.log"
done
"$cli" evaluate-drums "$out/generated" --against "$out/train" --json > "$out/generated.json"
"$cli" evaluate-drums "$out/heldout" --against "$out/train" --json > "$out/heldout.json"
"$cli" evaluate-drums "$out/train" --json > "$out/train.json"
/usr/bin/python3 - "$out" <<'PY'
import json, sys
out = sys.argv[1]
g, h, t = (json.load(open(f"{out}/{n}.json")) for n in ("generated", "heldout", "train"))
rows = [("bars", "bars", "{:.0f}"), ("hits per bar", "hits_per_bar", "{:.2f}"), ("empty beats", "empty_beat_rate", "{:.3f}"),
        ("backbone (kick 1/3, snare 2/4)", "backbone", "{:.3f}"), ("pattern consistency", "pattern_consistency", "{:.3f}"),
        ("groove consistency", "groove_consistency", "{:.3f}"), ("distinct bars / bars with hits", "distinct_share", "{:.3f}")]
with open(f"{out}/summary.md", "w") as f:
    f.write("| figure | drums model (20 parts x 8 bars) | held-out drummers | training drummers |\n|---|---|---|---|\n")
    for name, key, fmt in rows:
        f.write(f"| {name} | {fmt.format(g['files'][key])} | {fmt.format(h['files'][key])} | {fmt.format(t['files'][key])} |\n")
    f.write(f"| longest copy from the training data (bars) | {g['longest_copy_bars']} | {h['longest_copy_bars']} | - |\n")
print(open(f"{out}/summary.md").read())
PY
