#!/bin/sh
# SPDX-License-Identifier: GPL-3.0-or-later
# Time to quality: the transformer (small preset) against the lstm on the same representation (remi), the same demo
# data (resources/demo, MIDI and ABC), the same held-out pieces (seed 42, 10%, split by piece), the same machine.
#   bench/transformer_vs_lstm.sh NOTEFORGE_CLI [MINUTES] [OUTDIR]
# Both train at once for MINUTES (default 30), one thread each, so both see the same machine load; then both models'
# evaluate-infill figures (bars and track mode, one thread each). Held-out loss is read at 5, 15 and MINUTES
# minutes from the metrics (the last validation before each mark; validation every 200 steps and at each epoch).
# Writes OUTDIR/transformer-small.csv, lstm-remi.csv, *-infill-*.json, transformer-vs-lstm.png and
# transformer-vs-lstm.md (default docs/benchmarks).
set -eu
cli=${1:?usage: transformer_vs_lstm.sh NOTEFORGE_CLI [MINUTES] [OUTDIR]}
minutes=${2:-30}
here=$(cd "$(dirname "$0")" && pwd)
out=${3:-$here/../docs/benchmarks}
data="$here/../resources/demo"
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
mkdir -p "$out"

load_before=$(cut -d' ' -f1-3 /proc/loadavg)
train() {  # NAME MODEL-OPTIONS...
  name=$1
  shift
  "$cli" train --data "$data" --repr remi "$@" --threads 1 --max-minutes "$minutes" --epochs 100000 \
    --validate-every 200 --checkpoint-every 0 --metrics "$out/$name.csv" --out "$work/$name.nfm" > "$work/$name.log" 2>&1
}
train transformer-small --model transformer --preset small &
t=$!
train lstm-remi --model lstm &
l=$!
# The load while both train (each uses one core): sampled every minute.
( while kill -0 "$t" 2>/dev/null || kill -0 "$l" 2>/dev/null; do cut -d' ' -f1 /proc/loadavg; sleep 60; done ) > "$work/load" &
wait "$t"
wait "$l"
device=$(grep -m1 '^device' "$work/transformer-small.log" || true)
params_t=$(grep -m1 -i 'parameters' "$work/transformer-small.log" || true)
params_l=$(grep -m1 -i 'parameters' "$work/lstm-remi.log" || true)

for mode in bars track; do
  "$cli" evaluate-infill --model "$work/transformer-small.nfm" --mode "$mode" --threads 1 --json \
    > "$out/transformer-small-infill-$mode.json" &
  "$cli" evaluate-infill --model "$work/lstm-remi.nfm" --mode "$mode" --threads 1 --json \
    > "$out/lstm-remi-infill-$mode.json"
  wait
done

gnuplot -e "set terminal pngcairo size 900,500 font 'Sans,10'; set output '$out/transformer-vs-lstm.png'; \
  set datafile separator ','; set grid; set key top right; \
  set title 'Held-out loss against training time (remi, demo data, 1 thread each, trained side by side)'; \
  set xlabel 'wall minutes'; set ylabel 'validation loss (nats per token)'; \
  plot \"< grep -E '^[0-9]+,[0-9]*,[^,]*,[^,]*,[^,]*,[0-9]' '$out/transformer-small.csv'\" using (\$3/60):6 with linespoints pt 7 ps 0.4 title 'transformer small', \
       \"< grep -E '^[0-9]+,[0-9]*,[^,]*,[^,]*,[^,]*,[0-9]' '$out/lstm-remi.csv'\" using (\$3/60):6 with linespoints pt 7 ps 0.4 title 'lstm'"

/usr/bin/python3 - "$out" "$minutes" "$device" "$load_before" "$work/load" "$params_t" "$params_l" <<'PY'
import csv, json, sys
out, minutes, device, load_before, load_file, params_t, params_l = sys.argv[1:8]
minutes = float(minutes)
loads = [float(x) for x in open(load_file).read().split()] or [0.0]

def curve(name):
    with open(f"{out}/{name}.csv") as f:
        return [(float(r["wall_s"]), float(r["val_loss"]), float(r["val_acc"] or 0)) for r in csv.DictReader(f) if r["val_loss"]]

def at(points, mark_min):
    # The last validation before the mark; at the end of the budget, the run's last one (it validates as it stops).
    if mark_min >= minutes:
        return points[-1] if points else None
    before = [p for p in points if p[0] <= mark_min * 60 + 1]
    return before[-1] if before else None

names = {"transformer-small": "transformer small", "lstm-remi": "lstm"}
curves = {k: curve(k) for k in names}
marks = [m for m in (5, 15, minutes) if m <= minutes]
lines = [
    "# Time to quality: transformer small against lstm (remi, demo data)",
    "",
    "Same representation (remi, so losses per token compare: the same tokens), same demo data (resources/demo, MIDI",
    "and ABC), same held-out pieces (seed 42, 10% by piece), trained side by side on one thread each so both saw the",
    f"same machine. Produced by `bench/transformer_vs_lstm.sh build/app/noteforge-cli {minutes:g}`.",
    "",
    f"    {device}",
    f"    {params_t}" if params_t else "",
    f"    {params_l}" if params_l else "",
    "",
    f"**Machine load:** load average {load_before} before; {min(loads):.1f}-{max(loads):.1f} while training "
    "(the two runs' own threads count 2).",
    "",
    "| model | " + " | ".join(f"held-out loss at {m:g} min" for m in marks) + " | best (accuracy) |",
    "|---|" + "---|" * (len(marks) + 1),
]
for key, label in names.items():
    pts = curves[key]
    cells = []
    for m in marks:
        p = at(pts, m)
        cells.append(f"{p[1]:.4f}" if p else "-")
    best = min(pts, key=lambda p: p[1]) if pts else None
    lines.append(f"| {label} | " + " | ".join(cells) + (f" | {best[1]:.4f} ({best[2]:.3f}) at {best[0] / 60:.1f} min |" if best else " | - |"))
lines += ["", "![held-out loss against time](transformer-vs-lstm.png)", ""]

def infill_table(mode):
    rows = []
    for key, label in names.items():
        try:
            j = json.load(open(f"{out}/{key}-infill-{mode}.json"))
        except (OSError, ValueError):
            rows.append((label, None))
            continue
        rows.append((label, j))
    return rows

def fmt(v):
    return f"{v:.3f}" if isinstance(v, (int, float)) else "-"

for mode in ("bars", "track"):
    rows = infill_table(mode)
    lines += [f"Infill, {mode} mode (`noteforge-cli evaluate-infill --model M --mode {mode} --threads 1`):", ""]
    first = next((j for _, j in rows if j), None)
    if not first:
        lines += ["(no figures)", ""]
        continue
    lines += ["| figure | " + " | ".join(label for label, _ in rows) + " | repeat-before | random-bars |",
              "|---|" + "---|" * (len(rows) + 2)]
    for fig in ("pitch_class_overlap", "density_error", "groove_similarity", "range_overlap"):
        cells = [fmt(j["model_figures"][fig]) if j else "-" for _, j in rows]
        lines.append(f"| {fig.replace('_', ' ')} | " + " | ".join(cells) +
                     f" | {fmt(first['repeat_before'][fig])} | {fmt(first['random_bars'][fig])} |")
    cells = [f"{j['loss']['nats_per_token']:.3f} nats/token, {j['loss']['nats_per_note']:.2f} nats/note" if j else "-"
             for _, j in rows]
    lines.append("| model loss on the true spans | " + " | ".join(cells) + " | | |")
    lines.append("")
open(f"{out}/transformer-vs-lstm.md", "w").write("\n".join(lines) + "\n")
print("\n".join(lines))
PY
