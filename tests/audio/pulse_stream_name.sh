#!/bin/sh
# SPDX-License-Identifier: GPL-3.0-or-later
# The PulseAudio/PipeWire stream is called NoteForge, not FluidSynth: starts a private PulseAudio server with a
# null sink (no sound card needed), plays a demo file through it with noteforge-cli, and reads the stream's
# application name back with pactl.
# Usage: pulse_stream_name.sh NOTEFORGE_CLI MIDI_FILE
set -u
cli=$1 file=$2
runtime=$(mktemp -d)
export XDG_RUNTIME_DIR="$runtime" HOME="$runtime" PULSE_SERVER="unix:$runtime/pulse/native"
unset PULSE_PROP PULSE_PROP_OVERRIDE
cleanup() { [ -n "${play:-}" ] && kill "$play" 2>/dev/null; [ -n "${pa:-}" ] && kill "$pa" 2>/dev/null; sleep 0.2; rm -rf "$runtime"; }
trap cleanup EXIT
pulseaudio -n --daemonize=no --exit-idle-time=-1 --disallow-exit --use-pid-file=no -F /dev/null \
    --load="module-null-sink sink_name=nf_null" --load="module-native-protocol-unix" >"$runtime/pa.log" 2>&1 &
pa=$!
i=0
until pactl info >/dev/null 2>&1; do
    i=$((i + 1))
    if [ $i -gt 100 ] || ! kill -0 "$pa" 2>/dev/null; then echo "PulseAudio did not start:"; cat "$runtime/pa.log"; exit 1; fi
    sleep 0.1
done
"$cli" play "$file" --audio-driver pulseaudio >"$runtime/play.log" 2>&1 &
play=$!
i=0
while [ $i -lt 150 ]; do
    names=$(pactl list sink-inputs 2>/dev/null | grep 'application.name' || true)
    if [ -n "$names" ]; then
        echo "stream: $names"
        case $names in *'"NoteForge"'*) exit 0 ;; esac
        echo "the stream is not called NoteForge"; exit 1
    fi
    if ! kill -0 "$play" 2>/dev/null; then echo "playback ended before a stream appeared:"; cat "$runtime/play.log"; exit 1; fi
    sleep 0.1; i=$((i + 1))
done
echo "no stream appeared in 15 s"; cat "$runtime/play.log"; exit 1
