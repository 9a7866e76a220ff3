#!/usr/bin/python3
# SPDX-License-Identifier: GPL-3.0-or-later
# The table of the drums-with-a-band benchmarks (bench/drums-band.sh, bench/drums-gan-band.sh; issue 19): how each
# column's drums sit with the band (evaluate-drums' "band") and their drum figures, from evaluate-drums --json files.
#
#   drums_band_table.py "COLUMN TITLE=FILE.json" ...    (the Markdown table on standard output)
import json
import sys

cols = [(arg.split("=", 1)[0], json.load(open(arg.split("=", 1)[1]))) for arg in sys.argv[1:]]
out = ["| held-out band files | " + " | ".join(title for title, _ in cols) + " |", "|---|" + "---|" * len(cols)]
out.append("| pieces | " + " | ".join(str(j["band"]["pieces"]) for _, j in cols) + " |")
for name, key in (("drum steps on a band onset", "hits_on_band"), ("band onsets drummed", "band_onsets_drummed"),
                  ("kicks with a bass note", "kicks_on_bass"), ("bass notes kicked", "bass_notes_kicked")):
    out.append(f"| {name} | " + " | ".join(f"{j['band'][key]:.3f}" for _, j in cols) + " |")
for name, key, fmt in (("hits per bar", "hits_per_bar", "{:.2f}"), ("empty beats", "empty_beat_rate", "{:.3f}"),
                       ("backbone (kick 1/3, snare 2/4)", "backbone", "{:.3f}"),
                       ("pattern consistency", "pattern_consistency", "{:.3f}"),
                       ("groove consistency", "groove_consistency", "{:.3f}"),
                       ("distinct bars / bars with hits (all parts together)", "distinct_share", "{:.3f}")):
    out.append(f"| {name} | " + " | ".join(fmt.format(j["files"][key]) for _, j in cols) + " |")
out.append("| longest copy from the training data (bars) | " + " | ".join(str(j["longest_copy_bars"]) for _, j in cols) + " |")
print("\n".join(out))
