#!/bin/sh
# SPDX-License-Identifier: GPL-3.0-or-later
# Sound benchmarks: offline render speed (x real time, wall and per CPU second) beside fluidsynth's CLI on named
# demo files with the GM piano (program 0), then live playback lateness through a private JACK dummy server.
# Usage: render_bench.sh NOTEFORGE_CLI NF_BENCH_PLAYBACK DEMO_DIR
set -u
cli=$1 playback=$2 demo=$3
for f in midi/abc2midi-nottingham/jigs100.mid midi/pianobooster/BoosterMusic-06-Greensleeves.mid; do
    "$cli" benchmark render "$demo/$f" --repeats 5 || exit 1
done
if ! command -v jackd >/dev/null; then
    echo "jackd not installed: playback lateness not measured"
    exit 0
fi
server="nf-bench-$$"
jackd -r -n "$server" -d dummy -r 48000 -p 256 >/dev/null 2>&1 &
jack=$!
trap 'kill $jack 2>/dev/null' EXIT
i=0
until JACK_DEFAULT_SERVER="$server" jack_lsp >/dev/null 2>&1; do
    i=$((i + 1)); [ $i -gt 100 ] && { echo "JACK did not start"; exit 1; }; sleep 0.1
done
JACK_DEFAULT_SERVER="$server" "$playback"
