#!/bin/sh
# SPDX-License-Identifier: GPL-3.0-or-later
# Chooses how infill samples -- the temperature, and the controls its spans are asked for (none, or those of the
# bars before: evaluate-infill --controls) -- on a tuning set, never on the pieces the figures are reported on
# (docs/benchmarks/infill.md): evaluate-infill of MODEL on TUNE_DIR (pieces the model did not train on, other than
# its held-out split) for each choice, bars and track mode, control accuracy and structure left out. Prints one
# line per choice and mode with the model's figures beside the repeat-before baseline's. With BEST_OF candidates a
# span, PICK says which is compared: likeliest (default) or context-fit (evaluate-infill --pick). A CONTROLS word
# ending in +rhythm (context-key+rhythm) adds --keep-rhythm: the spans start notes only where the bars around do.
#
#   bench/infill_temperature.sh CLI MODEL TUNE_DIR [TEMPERATURES] [CONTROLS] [BEST_OF] [PICK]
set -eu
if [ $# -lt 3 ]; then
    echo "usage: $0 CLI MODEL TUNE_DIR [TEMPERATURES] [CONTROLS] [BEST_OF] [PICK]" >&2
    exit 2
fi
cli=$1 model=$2 tune=$3
temperatures=${4:-"0.9 0.7 0.5 0.3"}
controls=${5:-"none"}
bestof=${6:-1}
pick=${7:-likeliest}
out=$(mktemp -d)
trap 'rm -rf "$out"' EXIT
echo "best of $bestof candidates per span, picked by $pick"
printf '%-6s %-19s %-5s %-28s %-28s\n' mode controls T "model pc / groove / density" "repeat-before pc / groove / density"
for mode in bars track; do
    for c in $controls; do
    for t in $temperatures; do
        rhythm=
        case $c in *+rhythm) rhythm=--keep-rhythm ;; esac
        "$cli" evaluate-infill --model "$model" --data "$tune" --mode "$mode" --temperature "$t" --controls "${c%+rhythm}" $rhythm \
            --best-of "$bestof" --pick "$pick" --control-spans 0 --structure-pieces 0 --threads 2 --json > "$out/$mode-$c-$t.json"
        python3 - "$out/$mode-$c-$t.json" "$mode" "$c" "$t" <<'PY'
import json, sys
j = json.load(open(sys.argv[1]))
m, r = j["model_figures"], j["repeat_before"]
f = lambda d: "%.3f / %.3f / %.2f" % (d["pitch_class_overlap"], d["groove_similarity"], d["density_error"])
print("%-6s %-19s %-5s %-28s %-28s" % (sys.argv[2], sys.argv[3], sys.argv[4], f(m), f(r)))
PY
    done
    done
done
