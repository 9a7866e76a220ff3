#!/bin/bash
# Sets up, builds and runs NoteForge's main job on the bundled demo data (resources/demo):
# inspect the data, convert a tune, fine-tune the base model that fits the data (the folk transformer of
# resources/models) on it for a few minutes,
# generate new pieces, regenerate bars of a tune, add a part to it and continue it, evaluate, write MIDI and WAV,
# then open the studio when a display is available.
# Usage: packaging/demo.sh            (as root, or through sudo, on Debian 12)
# Installs only what the demo needs (packaging/setup-debian.sh demo) and builds the two programs without the tests
# and benchmarks (packaging/test-all.sh adds those). Under sudo the packages are installed as root and everything
# after that (build/, the job, demo-output/) runs as the invoking user (packaging/as-invoking-user.sh).
# Env:   NF_DEMO_OUT (default: ./demo-output), NF_JOBS (default: number of cores), NF_NO_GUI=1 to skip the GUI,
#        NF_DEMO_MINUTES (training time, default 3), NF_SETUP_DONE=1 to skip the set-up (the check for packages)
set -euo pipefail
cd "$(dirname "$0")/.."
# Compile-cache hits across clones in different folders (ccache is used when installed).
export CCACHE_BASEDIR="$PWD"
JOBS=${NF_JOBS:-$(nproc)}
OUT=${NF_DEMO_OUT:-$PWD/demo-output}
DEMO=resources/demo

if [ -z "${NF_SETUP_DONE:-}" ]; then
  ./packaging/setup-debian.sh demo
  # shellcheck source=packaging/as-invoking-user.sh
  . packaging/as-invoking-user.sh
  nf_continue_as_invoking_user build "$OUT" -- NF_SETUP_DONE=1 "$PWD/packaging/demo.sh" "$@"
fi
# Tests and benchmarks off, also in a build/ that test-all.sh configured with them.
cmake -S . -B build -G Ninja -DCMAKE_BUILD_TYPE=Release -DNF_BUILD_TESTS=OFF -DNF_BUILD_BENCH=OFF >/dev/null
cmake --build build -j "$JOBS" --target noteforge-cli noteforge
CLI=build/app/noteforge-cli
mkdir -p "$OUT"

echo "== 1. What is in the demo data"
"$CLI" inspect "$DEMO"

echo "== 2. ABC -> MIDI and MIDI -> ABC"
first_abc=$(find "$DEMO/abc" -name '*.abc' | sort | head -1)
first_tune=$(grep -m1 '^X:' "$first_abc" | tr -dc '0-9')
"$CLI" convert "$first_abc" "$OUT/tune.mid" --tune "$first_tune"
"$CLI" convert "$OUT/tune.mid" "$OUT/tune-roundtrip.abc"

echo "== 3. Fine-tune the base model that fits the demo data for ${NF_DEMO_MINUTES:-3} minutes"
# The base models already know music (resources/models: folk tunes, General MIDI ensembles); `--init auto` picks
# the one that fits the data (folk here) and adapts it. It keeps the base's remi representation and task mix
# (continuation, bar infill, track infill), so the one model generates, infills and accompanies. The model kept is
# the epoch with the best validation loss.
"$CLI" models
"$CLI" train --data "$DEMO" --out "$OUT/demo.nfm" --init auto --epochs 8 \
  --max-minutes "${NF_DEMO_MINUTES:-3}" --metrics "$OUT/demo-metrics.csv"

echo "== 4. Generate three 16-bar jigs in D and evaluate them against the training data"
"$CLI" generate --model "$OUT/demo.nfm" --out "$OUT/generated.mid" --variations 3 --seed 7 \
  --bars 16 --meter 6/8 --key "D major" --tempo 110 --temperature 0.9 --top-p 0.95
# Sixteen bars of 6/8 at 110 BPM last 26 s (the model may end in the last bar, and a rest ends no note): a piece
# much shorter ended before the bars asked for.
for f in "$OUT"/generated-*.mid; do
  seconds=$("$CLI" inspect "$f" | sed -n 's/^duration:.*(\([0-9]*\)\..*/\1/p')
  if [ "${seconds:-0}" -lt 20 ]; then
    echo "demo: $f lasts ${seconds:-?} s, not the 16 bars asked for (26 s)" >&2
    exit 1
  fi
done
"$CLI" evaluate "$OUT"/generated-*.mid --against "$DEMO" --model "$OUT/demo.nfm"

echo "== 5. Steer: regenerate bars 5-6 of a tune's melody, add a bass and a drum part, continue it for 8 bars"
"$CLI" infill "$OUT/tune.mid" --model "$OUT/demo.nfm" --bars 5-6 --tracks 1 --candidates 2 --seed 3 \
  --density 6 --polyphony 1 --out "$OUT/infill.mid"
"$CLI" accompany "$OUT/tune.mid" --model "$OUT/demo.nfm" --add bass --seed 3 --out "$OUT/with-bass.mid"
"$CLI" accompany "$OUT/tune.mid" --model "$OUT/demo.nfm" --add drums --seed 3 --out "$OUT/with-drums.mid" |
  tee "$OUT/drums.txt"
# The drums checked as a drummer would hear them first: on the drum channel, and not one bar looped.
if ! grep -Eq '^drums: MIDI channel 10, ([2-9]|[1-9][0-9]+) distinct' "$OUT/drums.txt"; then
  echo "demo: the drum part is not on MIDI channel 10, or it is one bar looped (see $OUT/drums.txt)" >&2
  exit 1
fi
"$CLI" generate --model "$OUT/demo.nfm" --primer "$OUT/tune.mid" --bars 8 --seed 3 --out "$OUT/continued.mid"

echo "== 6. Render the first piece to WAV"
"$CLI" render "$OUT/generated-1.mid" --out "$OUT/generated-1.wav" --normalize  # a file to listen to: -1 dBFS

if [ -z "${NF_NO_GUI:-}" ] && [ -n "${DISPLAY:-}${WAYLAND_DISPLAY:-}" ]; then
  echo "== Opening the studio"
  # Still root under sudo only when the invoking user cannot write this clone: the studio runs as that user anyway.
  if [ "$(id -u)" -eq 0 ] && [ -n "${SUDO_USER:-}" ] && [ "$SUDO_USER" != root ]; then
    runuser -u "$SUDO_USER" -- env DISPLAY="${DISPLAY:-}" WAYLAND_DISPLAY="${WAYLAND_DISPLAY:-}" build/app/noteforge "$DEMO" &
  else
    build/app/noteforge "$DEMO" &
  fi
fi
echo "== Done: results in $OUT"
