#!/bin/bash
# SPDX-License-Identifier: GPL-3.0-or-later
# Low-rank adapters against full fine-tuning on a folder no base model saw (issue 18's stretch goal;
# docs/benchmarks/fine-tuning.md, "Low-rank adapters"):
#
#   bench/adapters.sh CLI TUNEBOOK.abc|MIDI_DIR BASE MINUTES OUT RANK [EPOCHS]
#
# The split of bench/fine_tuning.sh (bench/split_by_piece.sh: every fifth piece held out). Side by side with one
# thread each, for MINUTES or EPOCHS (default 20) epochs of cosine decay: full fine-tuning (`train --init BASE`) and rank-RANK adapters on the
# frozen base (`train --init BASE --adapter-rank RANK`). Then the held-out loss per note of the base alone and of
# both (`noteforge-cli loss`), their file sizes, and what each writes (`evaluate --compare` against the tunes trained
# on: key fit, texture, the longest copy from them). OUT/summary.md and OUT/evaluation.txt are the tables; OUT/*.log
# and OUT/*.json the runs. Measures only: it never fails on a figure.
set -euo pipefail
[ $# -ge 6 ] || { echo "usage: adapters.sh CLI TUNEBOOK.abc|MIDI_DIR BASE MINUTES OUT RANK [EPOCHS]" >&2; exit 2; }
cli=$(realpath "$1") book=$2 base=$3 minutes=$4 out=$5 rank=$6 epochs=${7:-20}
[ -x "$cli" ] || { echo "adapters.sh: $cli is not a program" >&2; exit 2; }
"$(dirname "$0")/split_by_piece.sh" "$book" "$out"
{ echo "machine: $(nproc) cores, $(uptime)"; } | tee "$out/machine.txt"

"$cli" loss --model "$base" --data "$out/heldout" --json > "$out/base.json"
common=(--init "$base" --data "$out/train" --max-minutes "$minutes" --epochs "$epochs" --threads 1 --seed 7 --quiet --no-cache)
"$cli" train --out "$out/fine-tuned.nfm" --metrics "$out/fine-tuned.csv" "${common[@]}" > "$out/fine-tuned.log" 2>&1 &
tuned=$!
"$cli" train --adapter-rank "$rank" --out "$out/adapters.nfm" --metrics "$out/adapters.csv" "${common[@]}" > "$out/adapters.log" 2>&1 &
adapters=$!
wait "$tuned" || { echo "adapters.sh: the fine-tuning failed: $out/fine-tuned.log" >&2; exit 1; }
wait "$adapters" || { echo "adapters.sh: the adapter run failed: $out/adapters.log" >&2; exit 1; }
uptime | tee -a "$out/machine.txt"
for m in fine-tuned adapters; do "$cli" loss --model "$out/$m.nfm" --data "$out/heldout" --json > "$out/$m.json"; done
base_path=$("$cli" models --json | python3 -c 'import json,sys; b=sys.argv[1]; print(next((m["path"] for m in json.load(sys.stdin) if m["name"] == b), b))' "$base")
"$cli" evaluate --compare "$(realpath "$base_path")" "$out/fine-tuned.nfm" "$out/adapters.nfm" --against "$out/train" \
  --pieces 10 --length 500 --seed 1 --no-primer > "$out/evaluation.txt"
python3 - "$out" "$base" "$minutes" "$rank" "$(realpath "$base_path")" <<'PY' | tee "$out/summary.md"
import json, os, pathlib, sys
out, base, minutes, rank, base_path = pathlib.Path(sys.argv[1]), sys.argv[2], sys.argv[3], sys.argv[4], sys.argv[5]
rows = [(f"base model alone ({base})", "base", base_path), (f"fully fine-tuned, {minutes} min", "fine-tuned", out / "fine-tuned.nfm"),
        (f"rank-{rank} adapters, {minutes} min", "adapters", out / "adapters.nfm")]
print("| model | held-out nats/note | nats/token | held-out tokens | notes | file |")
print("|---|---|---|---|---|---|")
r = {}
for label, name, path in rows:
    j = json.loads((out / f"{name}.json").read_text())
    r[name] = j["nats_per_note"]
    size = os.path.getsize(path) / 1e6
    print(f"| {label} | {j['nats_per_note']:.3f} | {j['nats_per_token']:.4f} | {j['tokens']} | {j['notes']} | {size:.2f} MB |")
gain = lambda m: 100 * (1 - r[m] / r["base"])
print(f"\nbelow the base per note: fully fine-tuned {gain('fine-tuned'):.1f}%, adapters {gain('adapters'):.1f}%")
PY
cat "$out/evaluation.txt"
