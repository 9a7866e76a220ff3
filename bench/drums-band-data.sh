#!/bin/bash
# SPDX-License-Identifier: GPL-3.0-or-later
# The data of the drums-with-a-band benchmarks (bench/drums-band.sh, bench/drums-gan-band.sh; issue 19):
#
#   bench/drums-band-data.sh GROOVE_DIR BAND_DIR OUT [HELD_OUT_DRUMMERS]
#
# GROOVE_DIR holds the Groove MIDI Dataset's drummer1/ .. drummer10/ (drums alone; CC-BY 4.0), BAND_DIR MIDI
# files of bands with drums on channel 10 (Freedoom's musics/, BSD-3-Clause: bench/corpora/build-corpus.sh).
# Writes OUT/train (the drummers not held out, and the band files not held out under band/), OUT/heldout-drummers,
# OUT/heldout-band (every fifth band file, bench/split_by_piece.sh's rule), OUT/stripped (the held-out band files
# that have drums and other parts, without their drums: notes on channel 10 dropped with python3-mido) and
# OUT/data.txt (the counts).
set -euo pipefail
[ $# -ge 3 ] || { echo "usage: drums-band-data.sh GROOVE_DIR BAND_DIR OUT [HELD_OUT_DRUMMERS]" >&2; exit 2; }
groove=$(realpath "$1") band=$(realpath "$2") out=$3 held=${4:-"drummer3 drummer8"}
[ -d "$groove/drummer1" ] || { echo "drums-band-data.sh: $groove has no drummer1/ (the Groove MIDI Dataset)" >&2; exit 2; }
[ -d "$band" ] || { echo "drums-band-data.sh: $band is not a folder" >&2; exit 2; }
here=$(cd "$(dirname "$0")" && pwd)
rm -rf "$out/train" "$out/heldout-drummers" "$out/heldout-band" "$out/stripped"
mkdir -p "$out/train" "$out/heldout-drummers" "$out/heldout-band" "$out/stripped"
for d in "$groove"/drummer*; do
  name=$(basename "$d")
  # Copies, not links: datasets are read without following links.
  if [[ " $held " == *" $name "* ]]; then cp -r "$d" "$out/heldout-drummers/"; else cp -r "$d" "$out/train/"; fi
done
"$here/split_by_piece.sh" "$band" "$out/split" > "$out/split.txt"
mkdir -p "$out/train/band"
cp -L "$out/split/train/"* "$out/train/band/"
cp -L "$out/split/heldout/"* "$out/heldout-band/"
rm -rf "$out/split"
echo "train: $(find "$out/train" -name '*.mid' | wc -l) files ($(ls "$out/train/band" | wc -l) band files); held out: \
$(ls "$out/heldout-band" | wc -l) band files, drummers $held" | tee "$out/data.txt"

# The held-out band files without their drums: what a musician who asks for drums has.
/usr/bin/python3 - "$out/heldout-band" "$out/stripped" <<'PY'
import mido, os, sys
src, dst = sys.argv[1:3]
for name in sorted(os.listdir(src)):
    try:
        f = mido.MidiFile(os.path.join(src, name))
    except Exception as e:  # a file mido cannot read is left out, said
        print(f"{name}: skipped: {e}", file=sys.stderr)
        continue
    drums = sum(1 for t in f.tracks for m in t if m.type == "note_on" and m.channel == 9 and m.velocity > 0)
    if drums == 0:
        continue
    for t in f.tracks:
        kept, carry = [], 0
        for m in t:
            if m.type in ("note_on", "note_off") and m.channel == 9:
                carry += m.time  # the dropped message's delta goes to the next one kept
                continue
            kept.append(m.copy(time=m.time + carry))
            carry = 0
        t[:] = kept
    f.save(os.path.join(dst, name))
PY
