#!/bin/bash
# SPDX-License-Identifier: GPL-3.0-or-later
# Drum models on the Groove MIDI Dataset, held out by drummer (issue 19; docs/benchmarks/drums.md):
#
#   bench/drums.sh CLI GROOVE_DIR MINUTES OUT [HELD_OUT_DRUMMERS] [BAND_DIR]
#
# GROOVE_DIR holds drummer1/ .. drummer10/ (bench/corpora/build-corpus.sh fetches it; CC-BY 4.0). The drummers
# named (default "drummer3 drummer8") are held out; the others are the training data. Trains the `drums` model
# (the lstm on drum-pattern tokens, by likelihood) for MINUTES on them (NF_DRUMS_EPOCHS epochs of cosine decay,
# default 24: what 12 minutes hold on two cores), writes 20 parts of 8 bars of 4/4 at
# 100 BPM (seeds 1-20), and measures them, the held-out drummers and the training data with `evaluate-drums`
# (the copy check against the training data). With BAND_DIR (MIDI files of bands, e.g. ../shared/data's
# openmsx arrangements with drums on channel 10) their drum parts are a second test set: drum parts written for
# songs, not a drummer's studio takes. The drums model's loss per token and per hit (`noteforge-cli loss`) on each
# test set goes beside. OUT/summary.md is the table; OUT/*.json and *.log the runs. Measures only: it never fails
# on a figure.
set -euo pipefail
[ $# -ge 4 ] || { echo "usage: drums.sh CLI GROOVE_DIR MINUTES OUT [HELD_OUT_DRUMMERS] [BAND_DIR]" >&2; exit 2; }
cli=$(realpath "$1") groove=$(realpath "$2") minutes=$3 out=$4 held=${5:-"drummer3 drummer8"} band=${6:-}
[ -z "$band" ] || [ -d "$band" ] || { echo "drums.sh: $band is not a folder" >&2; exit 2; }
[ -x "$cli" ] || { echo "drums.sh: $cli is not a program" >&2; exit 2; }
[ -d "$groove/drummer1" ] || { echo "drums.sh: $groove has no drummer1/ (the Groove MIDI Dataset)" >&2; exit 2; }
rm -rf "$out/train" "$out/heldout" "$out/generated" "$out/band" "$out/band.json" "$out/loss-band.json"
mkdir -p "$out/train" "$out/heldout" "$out/generated"
[ -z "$band" ] || cp -r "$band" "$out/band"
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
"$cli" loss --model "$out/drums.nfm" --data "$out/heldout" --json > "$out/loss-heldout.json"
if [ -n "$band" ]; then
  "$cli" evaluate-drums "$out/band" --against "$out/train" --json > "$out/band.json"
  "$cli" loss --model "$out/drums.nfm" --data "$out/band" --json > "$out/loss-band.json"
fi
/usr/bin/python3 - "$out" <<'PY'
import json, os, sys
out = sys.argv[1]
g, h, t = (json.load(open(f"{out}/{n}.json")) for n in ("generated", "heldout", "train"))
b = json.load(open(f"{out}/band.json")) if os.path.exists(f"{out}/band.json") else None
rows = [("bars", "bars", "{:.0f}"), ("hits per bar", "hits_per_bar", "{:.2f}"), ("empty beats", "empty_beat_rate", "{:.3f}"),
        ("backbone (kick 1/3, snare 2/4)", "backbone", "{:.3f}"), ("pattern consistency", "pattern_consistency", "{:.3f}"),
        ("groove consistency", "groove_consistency", "{:.3f}"), ("distinct bars / bars with hits", "distinct_share", "{:.3f}")]
band_head = " band drum parts |" if b else ""
with open(f"{out}/summary.md", "w") as f:
    f.write("| figure | drums model (20 parts x 8 bars) | held-out drummers |" + band_head + " training drummers |\n")
    f.write("|---|---|---|" + ("---|" if b else "") + "---|\n")
    for name, key, fmt in rows:
        band_cell = f" {fmt.format(b['files'][key])} |" if b else ""
        f.write(f"| {name} | {fmt.format(g['files'][key])} | {fmt.format(h['files'][key])} |{band_cell} {fmt.format(t['files'][key])} |\n")
    band_cell = f" {b['longest_copy_bars']} |" if b else ""
    f.write(f"| longest copy from the training data (bars) | {g['longest_copy_bars']} | {h['longest_copy_bars']} |{band_cell} - |\n")
    losses = [("held-out drummers", "loss-heldout")] + ([("band drum parts", "loss-band")] if b else [])
    f.write("\n| the drums model's loss on | pieces | nats per token | nats per hit |\n|---|---|---|---|\n")
    for name, file in losses:
        l = json.load(open(f"{out}/{file}.json"))
        f.write(f"| {name} | {l['pieces']} | {l['nats_per_token']:.3f} | {l['nats_per_note']:.3f} |\n")
print(open(f"{out}/summary.md").read())
PY
