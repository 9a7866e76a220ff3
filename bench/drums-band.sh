#!/bin/bash
# SPDX-License-Identifier: GPL-3.0-or-later
# Drums that hear the band against drums that do not (issue 19; docs/benchmarks/drums.md):
#
#   bench/drums-band.sh CLI GROOVE_DIR BAND_DIR EPOCHS MINUTES OUT [HELD_OUT_DRUMMERS]
#
# GROOVE_DIR holds the Groove MIDI Dataset's drummer1/ .. drummer10/ (drums alone; CC-BY 4.0), BAND_DIR MIDI
# files of bands with drums on channel 10 (Freedoom's musics/, BSD-3-Clause: bench/corpora/build-corpus.sh).
# The band files are split by piece (every fifth held out, bench/split_by_piece.sh's rule); the drummers named
# (default "drummer3 drummer8") are held out. Both models train on the same files -- the other drummers and the
# band files not held out -- for EPOCHS epochs (at most MINUTES each), side by side with one thread each:
#   deaf:    train --model drums                  (hears the bar lines only)
#   hearing: train --model drums --follow-band    (each step's hits after the band's onsets on it)
# Then, for every held-out band file that has drums and other parts: the file without its drums (notes on
# channel 10 dropped, with python3-mido) gets drums from each model (`accompany --add drums`, seed 1), and
# `evaluate-drums` measures how the drums sit with the band (DrumBandFit) and the drum figures, beside the files'
# real drums. `loss` gives each model's nats per hit on the held-out band files and drummers (band tokens are
# given, not scored). A generated part with no hit at all is not a drum part to evaluate-drums (its "pieces" says
# how many were). NF_DRUMS_SEQ sets both models' window in tokens (default: the drums model's 128).
# OUT/summary.md is the table; the rest are the runs. Measures only: never fails on a figure.
set -euo pipefail
[ $# -ge 6 ] || { echo "usage: drums-band.sh CLI GROOVE_DIR BAND_DIR EPOCHS MINUTES OUT [HELD_OUT_DRUMMERS]" >&2; exit 2; }
cli=$(realpath "$1") groove=$(realpath "$2") band=$(realpath "$3") epochs=$4 minutes=$5 out=$6 held=${7:-"drummer3 drummer8"}
[ -x "$cli" ] || { echo "drums-band.sh: $cli is not a program" >&2; exit 2; }
[ -d "$groove/drummer1" ] || { echo "drums-band.sh: $groove has no drummer1/ (the Groove MIDI Dataset)" >&2; exit 2; }
[ -d "$band" ] || { echo "drums-band.sh: $band is not a folder" >&2; exit 2; }
here=$(cd "$(dirname "$0")" && pwd)
rm -rf "$out/real" "$out/gen" "$out/failed.txt" "$out"/accompany-*.log "$out"/*.json "$out/summary.md"
"$here/drums-band-data.sh" "$groove" "$band" "$out" "$held"
mkdir -p "$out/gen/deaf" "$out/gen/hearing"
{ echo "machine: $(nproc) cores, $(uptime)"; } | tee "$out/machine.txt"

train() {  # NAME EXTRA...
  local name=$1; shift
  local start; start=$(date +%s)
  "$cli" train --model drums "$@" --data "$out/train" --out "$out/$name.nfm" --metrics "$out/$name.csv" \
    --epochs "$epochs" --max-minutes "$minutes" ${NF_DRUMS_SEQ:+--seq "$NF_DRUMS_SEQ"} --threads 1 --seed 7 --quiet > "$out/train-$name.log" 2>&1
  echo "$name: trained in $(( $(date +%s) - start )) s: $(tail -1 "$out/train-$name.log")" > "$out/time-$name.txt"
}
train deaf & deaf=$!
train hearing --follow-band & hearing=$!
wait "$deaf" && wait "$hearing" || { tail -n 3 "$out"/train-*.log >&2; echo "drums-band.sh: training failed" >&2; exit 1; }
cat "$out"/time-*.txt
echo "after training: $(uptime)" >> "$out/machine.txt"

# The real drums are measured on the same pieces as the generated ones: those both models drummed.
mkdir -p "$out/real"
for f in "$out/stripped"/*; do
  name=$(basename "$f")
  ok=1
  for m in deaf hearing; do
    "$cli" accompany "$f" --model "$out/$m.nfm" --add drums --seed 1 --temperature 0.9 --threads 2 \
      --out "$out/gen/$m/$name" >> "$out/accompany-$m.log" 2>&1 || { echo "$name: $m failed" >> "$out/failed.txt"; ok=0; }
  done
  if [ "$ok" = 1 ]; then cp "$out/heldout-band/$name" "$out/real/"; else rm -f "$out/gen/deaf/$name" "$out/gen/hearing/$name"; fi
done
"$cli" evaluate-drums "$out/real" --against "$out/train" --json > "$out/real.json"
for m in deaf hearing; do
  "$cli" evaluate-drums "$out/gen/$m" --against "$out/train" --json > "$out/gen-$m.json"
  "$cli" loss --model "$out/$m.nfm" --data "$out/real" --threads 2 --json > "$out/loss-band-$m.json" 2> "$out/loss-band-$m.err"
  "$cli" loss --model "$out/$m.nfm" --data "$out/heldout-drummers" --threads 2 --json > "$out/loss-drummers-$m.json" \
    2> "$out/loss-drummers-$m.err"
done
"$here/drums_band_table.py" "drums that hear the band=$out/gen-hearing.json" "drums that do not=$out/gen-deaf.json" \
  "the files' own drums=$out/real.json" > "$out/summary.md"
/usr/bin/python3 - "$out" <<'PY'
import json, sys
out = sys.argv[1]
with open(f"{out}/summary.md", "a") as f:
    f.write("\n| loss, nats per hit (per token) | drums that hear the band | drums that do not |\n|---|---|---|\n")
    for name, file in (("held-out band files", "band"), ("held-out drummers (no band)", "drummers")):
        l = {m: json.load(open(f"{out}/loss-{file}-{m}.json")) for m in ("hearing", "deaf")}
        f.write(f"| {name} ({l['deaf']['pieces']} pieces) | " +
                " | ".join(f"{l[m]['nats_per_note']:.3f} ({l[m]['nats_per_token']:.3f})" for m in ("hearing", "deaf")) + " |\n")
print(open(f"{out}/summary.md").read())
PY
