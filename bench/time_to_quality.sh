#!/bin/sh
# SPDX-License-Identifier: GPL-3.0-or-later
# Time to quality: the paper's model against NoteForge's lstm on the same representation (paper-notes), the same
# demo MIDI files, the same held-out files (same seed and share), the same machine, threads and BLAS.
#   bench/time_to_quality.sh NOTEFORGE_CLI [MINUTES] [THREADS] [OUTDIR]
# paper-midi trains for MINUTES (default 30), lstm for MINUTES/20; both record wall seconds and held-out loss.
# Writes OUTDIR/paper-midi.csv, lstm.csv, time-to-quality.png and time-to-quality.md (default docs/benchmarks).
set -eu
cli=${1:?usage: time_to_quality.sh NOTEFORGE_CLI [MINUTES] [THREADS] [OUTDIR]}
minutes=${2:-30}
threads=${3:-$(nproc)}
here=$(cd "$(dirname "$0")" && pwd)
out=${4:-$here/../docs/benchmarks}
data="$here/../resources/demo/midi"
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
mkdir -p "$out"
short=$(awk "BEGIN { print $minutes / 20 }")

"$cli" train --data "$data" --repr paper-notes --model paper-midi --threads "$threads" --max-minutes "$minutes" \
  --epochs 100000 --validate-every 25 --checkpoint-every 0 --metrics "$out/paper-midi.csv" --out "$work/paper-midi.nfm" \
  > "$work/paper-midi.log" 2>&1
"$cli" train --data "$data" --repr paper-notes --model lstm --threads "$threads" --max-minutes "$short" \
  --epochs 100000 --checkpoint-every 0 --metrics "$out/lstm.csv" --out "$work/lstm.nfm" > "$work/lstm.log" 2>&1
blas=$(grep -m1 '^device' "$work/paper-midi.log")

gnuplot -e "set terminal pngcairo size 900,500 font 'Sans,10'; set output '$out/time-to-quality.png'; \
  set datafile separator ','; set logscale x; set grid; set key top right; \
  set title 'Held-out loss against training time (paper-notes, demo MIDI, $threads threads)'; \
  set xlabel 'wall seconds (log)'; set ylabel 'validation loss (nats per token)'; \
  plot \"< grep -E '^[0-9]+,[0-9]*,[^,]*,[^,]*,[^,]*,[0-9]' '$out/paper-midi.csv'\" using 3:6 with linespoints pt 7 ps 0.5 title 'paper-midi', \
       \"< grep -E '^[0-9]+,[0-9]*,[^,]*,[^,]*,[^,]*,[0-9]' '$out/lstm.csv'\" using 3:6 with linespoints pt 7 ps 0.5 title 'lstm'"

/usr/bin/python3 - "$out" "$minutes" "$threads" "$blas" <<'PY'
import csv, sys
out, minutes, threads, device = sys.argv[1], float(sys.argv[2]), sys.argv[3], sys.argv[4]
def curve(name):
    with open(f"{out}/{name}.csv") as f:
        return [(float(r["wall_s"]), float(r["val_loss"])) for r in csv.DictReader(f) if r["val_loss"]]
pm, ls = curve("paper-midi"), curve("lstm")
pm_best = min(v for _, v in pm)
pm_when = next(t for t, v in pm if v == pm_best)
ls_best = min(v for _, v in ls)
reach = next((t for t, v in ls if v <= pm_best), None)
lines = [
    "# Time to quality: paper-midi against lstm",
    "",
    f"Same representation (paper-notes), same demo MIDI files (resources/demo/midi), same held-out files (seed 42, 10%),",
    f"same machine, {threads} thread(s). Produced by `bench/time_to_quality.sh`; curves in paper-midi.csv and lstm.csv.",
    "",
    f"    {device}",
    "",
    "| model | time budget | best held-out loss | reached after |",
    "|---|---|---|---|",
    f"| paper-midi | {minutes:g} min | {pm_best:.4f} | {pm_when:.0f} s |",
    f"| lstm | {minutes / 20:g} min | {ls_best:.4f} | {min(t for t, v in ls if v == ls_best):.0f} s |",
    "",
    (f"lstm reached paper-midi's best held-out loss after {reach:.0f} s, "
     f"{pm_when / reach:.0f}x sooner than paper-midi reached it." if reach else
     "lstm did not reach paper-midi's best held-out loss within its budget."),
    "",
    "![held-out loss against time](time-to-quality.png)",
]
open(f"{out}/time-to-quality.md", "w").write("\n".join(lines) + "\n")
print("\n".join(lines))
PY
