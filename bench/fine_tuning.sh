#!/bin/bash
# SPDX-License-Identifier: GPL-3.0-or-later
# Fine-tuning a base model against training from scratch on a folder no base model saw (issue 18;
# docs/benchmarks/fine-tuning.md):
#
#   bench/fine_tuning.sh CLI TUNEBOOK.abc|MIDI_DIR BASE MINUTES OUT [EPOCHS]
#
# Splits the tunebook or MIDI folder by piece (bench/split_by_piece.sh: every fifth piece held out), then, side by
# side with one thread each, fine-tunes BASE (`train --init BASE`) and trains the same network from nothing
# (`--model transformer --preset small --repr remi`) on the other pieces for MINUTES each, both with EPOCHS epochs of cosine decay (default 15), and
# measures the held-out loss per note of the base alone and of both (`noteforge-cli loss`), and what each writes
# (`evaluate --compare` against the tunes trained on). OUT/summary.md and OUT/evaluation.txt are the tables;
# OUT/*.log and OUT/*.json the runs. Measures only: it never fails on a figure.
set -euo pipefail
[ $# -ge 5 ] || { echo "usage: fine_tuning.sh CLI TUNEBOOK.abc|MIDI_DIR BASE MINUTES OUT [EPOCHS]" >&2; exit 2; }
cli=$(realpath "$1") book=$2 base=$3 minutes=$4 out=$5 epochs=${6:-15}
[ -x "$cli" ] || { echo "fine_tuning.sh: $cli is not a program" >&2; exit 2; }
"$(dirname "$0")/split_by_piece.sh" "$book" "$out"
{ echo "machine: $(nproc) cores, $(uptime)"; } | tee "$out/machine.txt"

"$cli" loss --model "$base" --data "$out/heldout" --json > "$out/base.json"
common=(--data "$out/train" --max-minutes "$minutes" --epochs "$epochs" --threads 1 --seed 7 --quiet --no-cache)
"$cli" train --init "$base" --out "$out/fine-tuned.nfm" --metrics "$out/fine-tuned.csv" "${common[@]}" > "$out/fine-tuned.log" 2>&1 &
tuned=$!
"$cli" train --model transformer --preset small --repr remi --out "$out/scratch.nfm" --metrics "$out/scratch.csv" \
  "${common[@]}" > "$out/scratch.log" 2>&1 &
scratch=$!
wait "$tuned" || { echo "fine_tuning.sh: the fine-tuning failed: $out/fine-tuned.log" >&2; exit 1; }
wait "$scratch" || { echo "fine_tuning.sh: the training from scratch failed: $out/scratch.log" >&2; exit 1; }
uptime | tee -a "$out/machine.txt"
for m in fine-tuned scratch; do "$cli" loss --model "$out/$m.nfm" --data "$out/heldout" --json > "$out/$m.json"; done
# What each model writes at default sampling from nothing (no primer: a primer taken from the tunes would count as copied), measured against the musician's tunes it learned from (key fit,
# repetition, the longest copy from them: memorisation): 10 pieces of 500 tokens each, the same seeds for all three.
"$cli" evaluate --compare "$(realpath "$("$cli" models --json | python3 -c 'import json,sys; b=sys.argv[1]; print(next((m["path"] for m in json.load(sys.stdin) if m["name"] == b), b))' "$base")")" \
  "$out/fine-tuned.nfm" "$out/scratch.nfm" --against "$out/train" --pieces 10 --length 500 --seed 1 --no-primer > "$out/evaluation.txt"
python3 - "$out" "$base" "$minutes" <<'PY' | tee "$out/summary.md"
import json, pathlib, sys
out, base, minutes = pathlib.Path(sys.argv[1]), sys.argv[2], sys.argv[3]
rows = [("base model alone (" + base + ")", "base"), (f"fine-tuned {minutes} min", "fine-tuned"),
        (f"from scratch {minutes} min", "scratch")]
print("| model | held-out nats/note | nats/token | held-out tokens | notes |")
print("|---|---|---|---|---|")
r = {}
for label, name in rows:
    j = json.loads((out / f"{name}.json").read_text())
    r[name] = j["nats_per_note"]
    print(f"| {label} | {j['nats_per_note']:.3f} | {j['nats_per_token']:.4f} | {j['tokens']} | {j['notes']} |")
print(f"\nfine-tuned vs from scratch: {100 * (1 - r['fine-tuned'] / r['scratch']):.1f}% lower per note (target: at least 25%)")
PY
cat "$out/evaluation.txt"
