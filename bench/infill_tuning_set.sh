#!/bin/sh
# SPDX-License-Identifier: GPL-3.0-or-later
# Builds the tuning set that bench/infill_temperature.sh chooses infill's sampling on (docs/benchmarks/infill.md):
# Nottingham tunes that are neither in the demo data nor, therefore, in a demo model's held-out split -- hornpipes
# X: 31-65 and waltzes X: 31-52 as ABC, jigs X: 1-40 rendered to MIDI by abc2midi as the demo's jigs 100-126 are.
#
#   bench/infill_tuning_set.sh DEST [NOTTINGHAM_DIR]   (default: ../shared/data/abc/nottingham)
set -eu
if [ $# -lt 1 ]; then
    echo "usage: $0 DEST [NOTTINGHAM_DIR]" >&2
    exit 2
fi
dest=$1
src=${2:-"$(dirname "$0")/../../shared/data/abc/nottingham"}
mkdir -p "$dest/jigs"
for name in hpps waltzes; do
    # Whole tunes from X: 31 on: a tune runs from its X: line to the next.
    awk '/^X:/ { n = $0; sub(/^X:[ \t]*/, "", n); keep = (n + 0 >= 31) } keep' "$src/$name.abc" > "$dest/$name-X31-end.abc"
done
for x in $(seq 1 40); do
    abc2midi "$src/jigs.abc" "$x" -o "$dest/jigs/jigs$x.mid" > /dev/null
    # abc2midi exits 0 for a tune number the file lacks: the file it did not write says so.
    [ -s "$dest/jigs/jigs$x.mid" ] || { echo "abc2midi wrote no jigs$x.mid from $src/jigs.abc" >&2; exit 1; }
done
echo "tuning set in $dest: $(grep -c '^X:' "$dest"/*.abc | tr '\n' ' ') and $(ls "$dest/jigs" | wc -l) jigs"
