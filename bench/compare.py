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
    return {b["name"]: b for b in json.loads(out)["benchmarks"]}


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
    print(f"  NoteForge  MIDI -> Score       {nf_files_per_s:12.1f} files/s  (one thread)")
    print(f"  {mido['reader']:<10} MIDI -> note lists  {mido['files_per_second_median']:12.1f} files/s  "
          f"(median of {mido['rounds']} rounds, after import)")
    print(f"  ratio                          {ratio:12.1f} x  (target >= 100x: {'met' if ratio >= 100 else 'NOT met'})")
    print(f"  NoteForge  ABC -> Score        {abc['items_per_second']:12.1f} tunes/s (one thread)")
    print(f"  NoteForge  whole demo folder   {load['items_per_second']:12.1f} files/s (loadDataset, all threads)")
    if int(midi["files"]) != mido["files"]:
        sys.exit(f"file counts differ: NoteForge {int(midi['files'])}, mido {mido['files']}")


if __name__ == "__main__":
    main()
