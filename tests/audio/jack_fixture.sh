#!/bin/sh
# SPDX-License-Identifier: GPL-3.0-or-later
# ctest fixture: starts/stops a private JACK server with the dummy backend (no sound card needed).
# Usage: jack_fixture.sh start|stop SERVER_NAME PIDFILE
set -u
action=$1 name=$2 pidfile=$3
case "$action" in
start)
    if [ -f "$pidfile" ] && kill -0 "$(cat "$pidfile")" 2>/dev/null; then
        kill "$(cat "$pidfile")" 2>/dev/null; sleep 1
    fi
    # -r: no realtime scheduling (containers refuse it); dummy backend at 48 kHz with 256-frame periods.
    # -S -t 2000: without realtime scheduling a loaded machine starves clients for whole periods. In JACK's default
    # asynchronous mode the server then starts the next cycle over a client still running the last one, and a
    # sender clears its MIDI buffer before the receiver has read it: whole periods of MIDI vanished between test
    # clients (JackMidi.AClosingPortsAllNotesOffArrives "received 0 of 49", with RtMidi's recorder and ours alike).
    # In synchronous mode with a 2 s client timeout every cycle runs to its end before the next starts, as on a
    # realtime server; a slow cycle comes late instead of losing MIDI.
    jackd -r -S -t 2000 -n "$name" -d dummy -r 48000 -p 256 >"$pidfile.log" 2>&1 &
    echo $! >"$pidfile"
    i=0
    while [ $i -lt 100 ]; do
        if JACK_DEFAULT_SERVER="$name" jack_lsp >/dev/null 2>&1; then
            echo "JACK server '$name' running (pid $(cat "$pidfile"))"
            exit 0
        fi
        if ! kill -0 "$(cat "$pidfile")" 2>/dev/null; then break; fi
        sleep 0.1; i=$((i + 1))
    done
    echo "JACK server '$name' did not start:" >&2
    cat "$pidfile.log" >&2
    exit 1
    ;;
stop)
    if [ -f "$pidfile" ]; then
        pid=$(cat "$pidfile")
        kill "$pid" 2>/dev/null
        i=0
        while kill -0 "$pid" 2>/dev/null && [ $i -lt 50 ]; do sleep 0.1; i=$((i + 1)); done
        kill -9 "$pid" 2>/dev/null
        rm -f "$pidfile"
    fi
    exit 0
    ;;
esac
echo "usage: $0 start|stop NAME PIDFILE" >&2
exit 2
