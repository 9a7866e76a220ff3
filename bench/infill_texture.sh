#!/bin/sh
# SPDX-License-Identifier: GPL-3.0-or-later
# The texture of a remi model's new pieces beside the data's, request for request (docs/benchmarks/infill.md,
# fine-tuning.md): evaluate-infill's structure figure alone -- PIECES new 16-bar pieces, each asked for the meter and
# tempo of a piece of DATA in turn (evaluate-infill's newPieceLike), their mean polyphony beside those pieces' -- for
# each seed, one JSON file per seed in OUT and a line each: new, data, difference.
#
#   bench/infill_texture.sh CLI MODEL DATA OUT [SEEDS] [PIECES]
#   (DATA "-": the model's own validation split; SEEDS default "1 2 3", PIECES default 200)
set -eu
if [ $# -lt 4 ]; then
    echo "usage: $0 CLI MODEL DATA OUT [SEEDS] [PIECES]" >&2
    exit 2
fi
cli=$1 model=$2 data=$3 out=$4
seeds=${5:-"1 2 3"}
pieces=${6:-200}
mkdir -p "$out"
uptime > "$out/machine.txt"
printf '%-5s %-7s %-12s %-12s %s\n' seed pieces "new pieces" "data pieces" difference
for seed in $seeds; do
    set -- --model "$model" --spans 1 --control-spans 0 --structure-pieces "$pieces" --seed "$seed" --threads 2 --json
    [ "$data" = - ] || set -- "$@" --data "$data"
    "$cli" evaluate-infill "$@" > "$out/seed$seed.json" 2> "$out/seed$seed.log" ||
        { echo "$0: evaluate-infill failed, see $out/seed$seed.log" >&2; exit 1; }
    python3 - "$out/seed$seed.json" "$seed" "$pieces" <<'PY'
import json, sys
s = json.load(open(sys.argv[1]))["structure"]
new, data = s["generated_mean_polyphony"], s["held_out_mean_polyphony"]
difference = f"{100 * (new / data - 1):+.1f} %" if data > 0 else "- (no pitched piece)"
print(f"{sys.argv[2]:<5} {sys.argv[3]:<7} {new:<12.3f} {data:<12.3f} {difference}")
PY
done
uptime >> "$out/machine.txt"
