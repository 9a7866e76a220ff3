#!/usr/bin/env python3
# SPDX-License-Identifier: GPL-3.0-or-later
"""Counts a corpus made by build-corpus.sh with NoteForge's own reader:

    bench/corpora/count-corpus.py CORPUS_DIR [--cli PATH/noteforge-cli] [--json OUT.json]

For each source of CORPUS_DIR/SOURCES.tsv it runs `noteforge-cli inspect --json CORPUS_DIR/<source>` (where that
stops without a report, its subfolders and files one by one, counting a file that stops it as failed) and prints a
Markdown table (files taken, files read, files failed, pieces, tracks, notes, remi tokens, bars, the converter; a
source left out with NF_CORPUS_SKIP_CONVERT says "skipped" there and counts 0), the corpus total,
then every failed file with its one-line error, grouped by reason. Files build-corpus.sh could not take are listed
from FAILED.tsv. --json writes the numbers as JSON too."""
import argparse
import collections
import csv
import json
import os
import re
import subprocess
import sys



def inspect(cli, path):
    """`noteforge-cli inspect --json PATH`, or None when it stops without a report (its error line in .error)."""
    run = subprocess.run([cli, "inspect", "--json", path], capture_output=True, text=True)
    if run.returncode in (0, 1) and run.stdout.strip():
        return json.loads(run.stdout)
    inspect.error = run.stderr.strip().splitlines()[-1] if run.stderr.strip() else f"exit {run.returncode}"
    return None


KEYS = ("files_read", "files_failed", "pieces", "tracks", "notes", "duration_seconds")


def inspect_tree(cli, path):
    """inspect of a folder; where it stops without a report (a reader or tokenizer throwing past the folder loader),
    its subfolders and files are inspected one by one, and a file that stops it is counted as failed with that
    error. Returns the summed report."""
    report = inspect(cli, path)
    if report is not None:
        return report
    if not os.path.isdir(path):
        return {**{k: 0 for k in KEYS}, "files_failed": 1, "remi": {"tokens": 0, "bars": 0},
                "failures": [{"file": path, "error": f"{path}: inspect stops with no report: {inspect.error}"}]}
    total = {**{k: 0 for k in KEYS}, "remi": {"tokens": 0, "bars": 0}, "failures": []}
    for name in sorted(os.listdir(path)):
        if name.startswith("."):
            continue
        part = inspect_tree(cli, os.path.join(path, name))  # a corpus folder holds music files only
        for k in KEYS:
            total[k] += part[k]
        total["remi"]["tokens"] += part["remi"]["tokens"]
        total["remi"]["bars"] += part["remi"]["bars"]
        total["failures"] += part["failures"]
    return total


def reason_of(error):
    # "FILE:@BYTE: message" or "FILE: message": keep the message, without numbers that differ per file.
    message = error.split(": ", 1)[1] if ": " in error else error
    message = re.sub(r"^@\d+: ", "", message)
    return re.sub(r"\d+", "N", message)


def main():
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("corpus")
    parser.add_argument("--cli", default="noteforge-cli")
    parser.add_argument("--json", dest="json_out")
    args = parser.parse_args()

    with open(os.path.join(args.corpus, "SOURCES.tsv"), newline="") as f:
        sources = list(csv.DictReader(f, delimiter="\t"))
    not_taken = []
    failed_tsv = os.path.join(args.corpus, "FAILED.tsv")
    if os.path.exists(failed_tsv):
        with open(failed_tsv, newline="") as f:
            not_taken = list(csv.DictReader(f, delimiter="\t"))

    rows, failures = [], []
    for source in sources:
        folder = os.path.join(args.corpus, source["source"])
        row = {"source": source["source"], "licence": source["licence"], "files_taken": int(source["files"]),
               "not_taken": int(source["failed"]), "tool": source.get("tool", "-")}
        if os.path.isdir(folder):
            report = inspect_tree(args.cli, folder)
            for key in ("files_read", "files_failed", "pieces", "tracks", "notes"):
                row[key] = report[key]
            row["remi_tokens"] = report["remi"]["tokens"]
            row["remi_bars"] = report["remi"]["bars"]
            row["seconds"] = report["duration_seconds"]
            failures += [(source["source"], x["file"], x["error"]) for x in report["failures"]]
        else:
            for key in ("files_read", "files_failed", "pieces", "tracks", "notes", "remi_tokens", "remi_bars",
                        "seconds"):
                row[key] = 0
        rows.append(row)

    keys = ["files_taken", "not_taken", "files_read", "files_failed", "pieces", "tracks", "notes", "remi_tokens",
            "remi_bars", "seconds"]
    total = {"source": "**total**", "licence": "", "tool": ""}
    for key in keys:
        total[key] = sum(r[key] for r in rows)

    print("| source | licence | files taken | not taken | files read | files failed | pieces | tracks | notes | "
          "remi tokens | remi bars | hours | converted by |")
    print("|---|---|--:|--:|--:|--:|--:|--:|--:|--:|--:|--:|---|")
    for r in rows + [total]:
        print(f"| {r['source']} | {r['licence']} | " + " | ".join(f"{r[k]:,}" for k in keys[:-1]) +
              f" | {r['seconds'] / 3600:.1f} | {r['tool']} |")
    if not_taken:
        print("\nFiles build-corpus.sh could not take (FAILED.tsv):")
        for x in not_taken:
            print(f"- {x['source']}: {x['path']}: {x['reason']}")
    if failures:
        print("\nFiles NoteForge could not read, by reason:")
        by_reason = collections.defaultdict(list)
        for source, path, error in failures:
            by_reason[(source, reason_of(error))].append(os.path.relpath(path, os.path.join(args.corpus, source)))
        for (source, reason), paths in sorted(by_reason.items()):
            shown = ", ".join(paths[:5]) + (f", ... ({len(paths)} files)" if len(paths) > 5 else "")
            print(f"- {source}: {reason}: {shown}")
    if args.json_out:
        with open(args.json_out, "w") as f:
            json.dump({"sources": rows, "total": total, "failures": failures, "not_taken": not_taken}, f, indent=1)


if __name__ == "__main__":
    main()
