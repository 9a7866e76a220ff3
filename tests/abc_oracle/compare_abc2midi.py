#!/usr/bin/python3
# SPDX-License-Identifier: GPL-3.0-or-later
"""Compares the melody NoteForge reads from ABC tunes with the one abc2midi (Debian abcmidi) plays.

For every tune X of every file, abc2midi converts it (`abc2midi FILE X -o OUT.mid`, run quietly in a
temporary folder because it writes there and prints a lot), mido reads back channel 1 (index 0), and the notes
are compared with NoteForge's track 0: same pitches, onsets and durations in beats, within a tolerance that
absorbs abc2midi's one-tick offsets and its slightly staggered chord notes.

NoteForge's side comes either from tests/abc_oracle/abc_melody_dump (--ours dump:PATH) or from
`noteforge-cli convert FILE OUT.mid --tune X` read back with mido (--ours cli:PATH).

Exit status 1 when the agreement is below --min-agreement, or when --strict is given and a differing tune is
not listed in the --known file (lines "FILE.abc X reason").
"""
import argparse
import collections
import concurrent.futures
import os
import re
import subprocess
import sys
import tempfile

import mido

TOLERANCE = 0.025  # beats: abc2midi starts notes a tick late and ends them a tick early
CHORD_STAGGER = 10  # ticks (at 480 per beat) between the onsets of abc2midi's chord notes


def midi_notes(path, channel=0, unstagger=False):
    """(onset, pitch, duration) in beats of one channel's notes. With unstagger, notes that start
    CHORD_STAGGER ticks after the previous onset (abc2midi's spread chords) are moved back to the
    chord's first onset, keeping their end."""
    mf = mido.MidiFile(path)
    tpb = mf.ticks_per_beat
    raw = []
    for track in mf.tracks:
        now = 0
        on = collections.defaultdict(list)
        for m in track:
            now += m.time
            if m.type not in ('note_on', 'note_off') or m.channel != channel:
                continue
            if m.type == 'note_on' and m.velocity > 0:
                on[m.note].append(now)
            elif on[m.note]:
                start = on[m.note].pop(0)
                raw.append((start, m.note, now))
    raw.sort()
    if unstagger:
        step = CHORD_STAGGER * tpb // 480
        chord_start, previous = None, None
        for i, (start, note, end) in enumerate(raw):
            if previous is not None and chord_start is not None and abs(start - previous - step) <= 1:
                raw[i] = (chord_start, note, end)
            else:
                chord_start = start
            previous = start
    return sorted((s / tpb, n, (e - s) / tpb) for s, n, e in raw)


def abc2midi_melody(abc_path, number):
    with tempfile.TemporaryDirectory() as tmp:
        out = os.path.join(tmp, 'out.mid')
        try:
            subprocess.run(['abc2midi', os.path.abspath(abc_path), str(number), '-o', out], cwd=tmp,
                           stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, timeout=60, check=False)
        except subprocess.TimeoutExpired:
            return None
        if not os.path.exists(out):
            return None
        try:
            return midi_notes(out, unstagger=True)
        except Exception:  # noqa: BLE001 - a file abc2midi wrote that mido cannot read
            return None


def dump_melodies(tool, abc_path):
    """{tune number: notes or error string} from abc_melody_dump (track 0 only)."""
    res = subprocess.run([tool, abc_path], capture_output=True, text=True, timeout=300, check=False)
    tunes = {}
    current = None
    track = None
    for line in res.stdout.splitlines():
        if line.startswith('tune '):
            current = int(line.split()[1])
            tunes.setdefault(current, [])
            track = None
        elif line.startswith('error '):
            tunes[current] = line[6:]
        elif line.startswith('track '):
            track = int(line.split()[1])
        elif current is not None and track == 0:
            onset, pitch, dur = line.split()
            tunes[current].append((float(onset), int(pitch), float(dur)))
    if res.returncode != 0 and not tunes:
        raise RuntimeError(f'{tool} failed on {abc_path}: {res.stderr.strip()}')
    return tunes


def cli_melody(cli, abc_path, number):
    with tempfile.TemporaryDirectory() as tmp:
        out = os.path.join(tmp, 'ours.mid')
        res = subprocess.run([cli, 'convert', abc_path, out, '--tune', str(number)], capture_output=True,
                             text=True, timeout=120, check=False)
        if res.returncode != 0 or not os.path.exists(out):
            return 'noteforge-cli: ' + (res.stderr.strip() or f'exit {res.returncode}')
        return midi_notes(out)


def compare(ours, theirs):
    """None when the melodies agree, else a short description of the first difference."""
    if theirs is None:
        return 'abc2midi wrote no file' if not isinstance(ours, str) else None
    if isinstance(ours, str):
        return 'NoteForge error: ' + ours
    if len(ours) != len(theirs):
        first = next((i for i, (a, b) in enumerate(zip(ours, theirs))
                      if a[1] != b[1] or abs(a[0] - b[0]) > TOLERANCE), min(len(ours), len(theirs)))
        at = ours[first][0] if first < len(ours) else (theirs[first][0] if first < len(theirs) else 0)
        return f'{len(ours)} notes, abc2midi {len(theirs)}; first difference near beat {at:.2f}'
    by_pitch_ours = collections.defaultdict(list)
    by_pitch_theirs = collections.defaultdict(list)
    for n in ours:
        by_pitch_ours[n[1]].append(n)
    for n in theirs:
        by_pitch_theirs[n[1]].append(n)
    worst = None
    for pitch in set(by_pitch_ours) | set(by_pitch_theirs):
        a, b = sorted(by_pitch_ours[pitch]), sorted(by_pitch_theirs[pitch])
        if len(a) != len(b):
            return f'pitch {pitch}: {len(a)} notes, abc2midi {len(b)}'
        for x, y in zip(a, b):
            if abs(x[0] - y[0]) > TOLERANCE or abs(x[0] + x[2] - y[0] - y[2]) > TOLERANCE:
                if worst is None or x[0] < worst[0]:
                    worst = (x[0], f'pitch {pitch} at beat {x[0]:.3f} len {x[2]:.3f}, '
                                   f'abc2midi at {y[0]:.3f} len {y[2]:.3f}')
    return worst[1] if worst else None


def tune_numbers(path):
    with open(path, encoding='utf-8', errors='replace') as f:
        return [int(m.group(1)) for m in re.finditer(r'^X:\s*(\d+)', f.read(), re.M)]


def load_known(path):
    known = {}
    if path and os.path.exists(path):
        with open(path, encoding='utf-8') as f:
            for line in f:
                line = line.strip()
                if not line or line.startswith('#'):
                    continue
                parts = line.split(None, 2)
                if len(parts) >= 2:
                    known[(parts[0], int(parts[1]))] = parts[2] if len(parts) > 2 else ''
    return known


def main():
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument('paths', nargs='+', help='.abc files or folders')
    ap.add_argument('--ours', required=True, help='dump:PATH_TO_abc_melody_dump or cli:PATH_TO_noteforge-cli')
    ap.add_argument('--min-agreement', type=float, default=0.0, help='percent of tunes that must agree')
    ap.add_argument('--known', help='file listing the tunes known to differ, with the reason')
    ap.add_argument('--strict', action='store_true', help='fail when a differing tune is not in --known')
    ap.add_argument('--jobs', type=int, default=2)
    args = ap.parse_args()

    files = []
    for p in args.paths:
        if os.path.isdir(p):
            files += sorted(os.path.join(p, f) for f in os.listdir(p) if f.endswith('.abc'))
        else:
            files.append(p)
    kind, _, tool = args.ours.partition(':')
    known = load_known(args.known)

    jobs = []
    ours_by_file = {}
    for path in files:
        if kind == 'dump':
            ours_by_file[path] = dump_melodies(tool, path)
        for number in tune_numbers(path):
            jobs.append((path, number))

    def run(job):
        path, number = job
        theirs = abc2midi_melody(path, number)
        if kind == 'dump':
            ours = ours_by_file[path].get(number, 'tune not read')
        else:
            ours = cli_melody(tool, path, number)
        return path, number, compare(ours, theirs)

    with concurrent.futures.ThreadPoolExecutor(max_workers=max(1, args.jobs)) as pool:
        results = list(pool.map(run, jobs))

    differing = [(p, n, why) for p, n, why in results if why]
    total = len(results)
    agree = total - len(differing)
    pct = 100.0 * agree / total if total else 100.0
    unlisted = []
    for path, number, why in differing:
        key = (os.path.basename(path), number)
        listed = key in known
        if not listed:
            unlisted.append(key)
        print(f'DIFFERS {key[0]} X:{number}: {why}' + (f'  [known: {known[key]}]' if listed else '  [NOT LISTED]'))
    now_agreeing = [k for k in known if k not in {(os.path.basename(p), n) for p, n, _ in differing}
                    and any(os.path.basename(p) == k[0] for p in files)]
    for k in now_agreeing:
        print(f'NOW AGREES {k[0]} X:{k[1]} (listed as a known difference)')
    print(f'abc2midi oracle: {agree}/{total} tunes agree ({pct:.2f}%), {len(differing)} differ, '
          f'{len(unlisted)} of them not listed in {args.known or "(no list)"}')
    ok = pct >= args.min_agreement and not (args.strict and unlisted)
    return 0 if ok else 1


if __name__ == '__main__':
    sys.exit(main())
