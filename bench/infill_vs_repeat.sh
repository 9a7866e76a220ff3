#!/bin/sh
# SPDX-License-Identifier: GPL-3.0-or-later
# Infill against "repeat the bars before" with a piece-resampled interval (docs/benchmarks/infill.md): bar infill of
# MODEL, SPANS two-bar spans, the key lock and the rhythm of the bars around, each ROW a pick and a candidate count
# ("context-fit:16 phrase-fit:32"); one JSON file a row in OUT and a line each with the model's figures, repeat-before's
# and the model's lead on pitch classes and groove with its 95 % interval over the pieces.
#
#   bench/infill_vs_repeat.sh CLI MODEL OUT [DATA] [ROWS] [SPANS] [WEIGHTS]
#   (DATA "-" or absent: the model's validation split; ROWS default "context-fit:16 phrase-fit:16 phrase-fit:32";
#    SPANS default 300; WEIGHTS the fit picks' --fit-weights, default evaluate-infill's 1,4,1,1: give 1,1,1,1 to
#    reproduce the tables made before 2026-12-06's "Weighing the rhythm")
set -eu
if [ $# -lt 3 ]; then
    echo "usage: $0 CLI MODEL OUT [DATA] [ROWS] [SPANS] [WEIGHTS]" >&2
    exit 2
fi
cli=$1 model=$2 out=$3
data=${4:--}
rows=${5:-"context-fit:16 phrase-fit:16 phrase-fit:32"}
spans=${6:-300}
weights=${7:-}
mkdir -p "$out"
uptime > "$out/machine.txt"
for row in $rows; do
    case $row in
        *:*) ;;
        *) echo "$0: a row is PICK:CANDIDATES (context-fit:16), not '$row'" >&2; exit 2 ;;
    esac
    pick=${row%%:*} k=${row##*:}
    set -- --model "$model" --mode bars --spans "$spans" --controls context-key --keep-rhythm --best-of "$k" \
        --pick "$pick" --threads 2 --control-spans 0 --structure-pieces 0 --json
    [ "$data" = - ] || set -- "$@" --data "$data"
    [ -z "$weights" ] || set -- "$@" --fit-weights "$weights"
    "$cli" evaluate-infill "$@" > "$out/$pick-$k.json" 2> "$out/$pick-$k.log" ||
        { echo "$0: evaluate-infill failed, see $out/$pick-$k.log" >&2; exit 1; }
    uptime >> "$out/machine.txt"
done
python3 - "$out" $rows <<'PY'
import json, sys
out = sys.argv[1]
print(f"{'pick, candidates':<18} {'pc / groove / density / range':<32} {'repeat-before':<32} {'lead: pitch classes':<26} lead: groove")
for row in sys.argv[2:]:
    pick, k = row.split(":")
    d = json.load(open(f"{out}/{pick}-{k}.json"))
    m, r, lead = d["model_figures"], d["repeat_before"], d["model_minus_repeat_before"]
    fig = lambda f: f"{f['pitch_class_overlap']:.3f} / {f['groove_similarity']:.3f} / {f['density_error']:.2f} / {f['range_overlap']:.3f}"
    iv = lambda x: f"{x['mean']:+.3f} [{x['low']:+.3f}, {x['high']:+.3f}]"
    print(f"{pick + ', ' + k:<18} {fig(m):<32} {fig(r):<32} {iv(lead['pitch_class_overlap']):<26} {iv(lead['groove_similarity'])}")
PY
