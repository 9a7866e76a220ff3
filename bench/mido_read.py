#!/usr/bin/python3
# SPDX-License-Identifier: GPL-3.0-or-later
"""Reference speed: python3-mido reading MIDI files into note lists.

Usage: mido_read.py FOLDER [--min-seconds S] [--json]
Reads every .mid/.midi/.kar/.smf/.rmi file under FOLDER (recursively, sorted by path as nf_bench_codecs does) into
lists of (pitch, velocity, channel, start tick, duration ticks), repeatedly, and reports files per second.
Only the reading is timed: Python's start-up and `import mido` come before the clock starts.
"""
import argparse
import json
import os
import sys
import time

import mido  # imported before any clock starts: start-up is not what is compared

MIDI_EXTENSIONS = (".mid", ".midi", ".kar", ".smf", ".rmi")


def list_files(folder):
    files = []
    for root, dirs, names in os.walk(folder):
        dirs[:] = [d for d in dirs if not d.startswith(".")]
        files += [os.path.join(root, n) for n in names
                  if not n.startswith(".") and n.lower().endswith(MIDI_EXTENSIONS)]
    return sorted(files)


def note_list(path):
    """The notes of one file, first-in first-out per channel and pitch, as NoteForge's reader pairs them."""
    notes = []
    for track in mido.MidiFile(path).tracks:
        tick = 0
        sounding = {}
        for msg in track:
            tick += msg.time
            if msg.type == "note_on" and msg.velocity > 0:
                sounding.setdefault((msg.channel, msg.note), []).append((tick, msg.velocity))
            elif msg.type in ("note_off", "note_on"):
                started = sounding.get((msg.channel, msg.note))
                if started:
                    start, velocity = started.pop(0)
                    notes.append((msg.note, velocity, msg.channel, start, tick - start))
        for (channel, pitch), starts in sounding.items():  # never closed: end at the track's end
            notes += [(pitch, velocity, channel, start, tick - start) for start, velocity in starts]
    return notes


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("folder")
    parser.add_argument("--min-seconds", type=float, default=2.0)
    parser.add_argument("--json", action="store_true")
    args = parser.parse_args()
    files = list_files(args.folder)
    if not files:
        sys.exit(f"mido_read.py: no MIDI files under {args.folder}")

    rounds = []
    notes = 0
    clock_start = time.perf_counter()
    while not rounds or (time.perf_counter() - clock_start < args.min_seconds) or len(rounds) < 3:
        t0 = time.perf_counter()
        notes = sum(len(note_list(f)) for f in files)
        rounds.append(time.perf_counter() - t0)
    best = min(rounds)
    median = sorted(rounds)[len(rounds) // 2]
    result = {"reader": f"mido {mido.__version__}", "files": len(files), "notes": notes, "rounds": len(rounds),
              "files_per_second_best": len(files) / best, "files_per_second_median": len(files) / median}
    if args.json:
        print(json.dumps(result))
    else:
        print(f"mido {mido.__version__}: {len(files)} files, {notes} notes, "
              f"{result['files_per_second_median']:.1f} files/s (median of {len(rounds)} rounds)")


if __name__ == "__main__":
    main()
