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
    # Asynchronous (JACK's default): a client starved for whole periods on a loaded machine loses that MIDI, as on
    # a real non-realtime server; synchronous mode (-S) kept the MIDI but stalled the whole server once in 20 runs
    # when a client process was interrupted (CliJack's Ctrl+C). The JACK groups run alone instead (RUN_SERIAL in
    # tests.cmake), so test load does not starve them.
    jackd -r -n "$name" -d dummy -r 48000 -p 256 >"$pidfile.log" 2>&1 &
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
