#!/usr/bin/python3
# SPDX-License-Identifier: GPL-3.0-or-later
"""Runs nf_bench_codecs and mido_read.py on the same demo MIDI files and prints the figures and their ratio.

Usage: compare.py --bench PATH/nf_bench_codecs --demo resources/demo [--python /usr/bin/python3]
Target of issue 2: NoteForge reads the demo MIDI folder at least 100x as fast as mido (files per second).
"""
import argparse
import json
import os
import re
import subprocess
import sys

HERE = os.path.dirname(os.path.abspath(__file__))


def demo_list_name(demo):
    with open(os.path.join(demo, "MANIFEST.md"), encoding="utf-8") as f:
        m = re.search(r"list `([^`]+)`", f.readline())
    return m.group(1) if m else "unknown"


def run_benchmark(bench):
    out = subprocess.run([bench, "--benchmark_format=json", "--benchmark_min_time=1"], check=True,
                         capture_output=True, text=True).stdout
    return {b["name"].split("/")[0]: b for b in json.loads(out)["benchmarks"]}  # "X/real_time" -> "X"


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--bench", required=True)
    parser.add_argument("--demo", required=True)
    parser.add_argument("--python", default="/usr/bin/python3", help="interpreter that has python3-mido")
    args = parser.parse_args()

    midi_dir = os.path.join(args.demo, "midi")
    results = run_benchmark(args.bench)
    mido = json.loads(subprocess.run([args.python, os.path.join(HERE, "mido_read.py"), midi_dir, "--json"],
                                     check=True, capture_output=True, text=True).stdout)

    midi = results["BM_ReadMidiFolder"]
    abc = results["BM_ReadAbcTunes"]
    load = results["BM_LoadDemoDataset"]
    nf_files_per_s = midi["items_per_second"]
    ratio = nf_files_per_s / mido["files_per_second_median"]
    print(f"Demo list {demo_list_name(args.demo)} ({os.path.join(args.demo, 'MANIFEST.md')}): "
          f"{int(midi['files'])} MIDI files, {int(abc['tunes'])} ABC tunes")
    rows = [
        ("NoteForge", "MIDI -> Score", nf_files_per_s, "files/s", "one thread"),
        (mido["reader"], "MIDI -> note lists", mido["files_per_second_median"], "files/s",
         f"median of {mido['rounds']} rounds, after import"),
        ("ratio", "", ratio, "x", f"target >= 100x: {'met' if ratio >= 100 else 'NOT met'}"),
        ("NoteForge", "ABC -> Score", abc["items_per_second"], "tunes/s", "one thread"),
        ("NoteForge", "whole demo folder", load["items_per_second"], "files/s", "loadDataset, all threads"),
    ]
    for who, what, value, unit, note in rows:
        print(f"  {who:<12} {what:<19} {value:12.1f} {unit:<8} ({note})")
    if int(midi["files"]) != mido["files"]:
        sys.exit(f"file counts differ: NoteForge {int(midi['files'])}, mido {mido['files']}")


if __name__ == "__main__":
    main()
