#!/usr/bin/python3
# SPDX-License-Identifier: GPL-3.0-or-later
"""Independent check of NoteForge's MIDI writer: python3-mido reads the original and the converted file and
every note must keep its onset (seconds), duration (seconds), pitch, velocity and channel.

  midi_oracle.py compare A.mid B.mid
  midi_oracle.py corpus --cli NOTEFORGE_CLI --out DIR [--may-fail] [--expect-rejected A,B] FILE_OR_DIR...
  midi_oracle.py selftest FILE.mid

`corpus` runs `noteforge-cli convert IN OUT.mid` on each file (folders: every .mid/.midi/.kar in them) and
compares. With --may-fail (folders of deliberately broken files) a file may instead be rejected, but only
cleanly: exit code 1 and one line on stderr starting with "noteforge: "; --expect-rejected names exactly the
files (base names) that must be rejected. `selftest` proves the comparison can fail: it must notice a shifted
onset, a changed velocity and a dropped note in copies of FILE written by mido itself. Notes are paired first-in first-out per (track, channel, pitch), and notes
never released end with their track, which is how the MIDI standard and NoteForge read them.
"""
import argparse
import collections
import os
import subprocess
import sys

import mido

REL_TOL = 1e-6
ABS_TOL = 1e-9


def tempo_segments(mid):
    """[(tick, seconds at tick, tempo)] from the set_tempo events of every track (the last one at a tick wins)."""
    changes = []
    for ti, track in enumerate(mid.tracks):
        tick = 0
        for seq, msg in enumerate(track):
            tick += msg.time
            if msg.type == 'set_tempo':
                changes.append((tick, ti, seq, msg.tempo))
    changes.sort()
    by_tick = collections.OrderedDict([(0, 500000)])
    for tick, _, _, tempo in changes:
        by_tick[tick] = tempo
    segments = []
    seconds = 0.0
    prev_tick, prev_tempo = 0, None
    for tick, tempo in sorted(by_tick.items()):
        if prev_tempo is not None:
            seconds += mido.tick2second(tick - prev_tick, mid.ticks_per_beat, prev_tempo)
        segments.append((tick, seconds, tempo))
        prev_tick, prev_tempo = tick, tempo
    return segments


def notes_of(path):
    mid = mido.MidiFile(path)
    if mid.type == 2:
        raise ValueError('format 2')
    tpb = mid.ticks_per_beat
    segments = tempo_segments(mid)

    def seconds(tick):
        lo, hi = 0, len(segments) - 1
        while lo < hi:
            m = (lo + hi + 1) // 2
            if segments[m][0] <= tick:
                lo = m
            else:
                hi = m - 1
        start, secs, tempo = segments[lo]
        return secs + mido.tick2second(tick - start, tpb, tempo)

    notes = []
    for track in mid.tracks:
        tick = 0
        sounding = collections.defaultdict(collections.deque)
        for msg in track:
            tick += msg.time
            if msg.type == 'note_on' and msg.velocity > 0:
                sounding[(msg.channel, msg.note)].append((tick, msg.velocity))
            elif msg.type == 'note_off' or (msg.type == 'note_on' and msg.velocity == 0):
                queue = sounding[(msg.channel, msg.note)]
                if queue:
                    start, velocity = queue.popleft()
                    notes.append((msg.channel, msg.note, start, tick, velocity))
        for (channel, pitch), queue in sounding.items():
            for start, velocity in queue:
                notes.append((channel, pitch, start, tick, velocity))
    out = []
    for channel, pitch, start, end, velocity in notes:
        onset = seconds(start)
        out.append((onset, channel, pitch, seconds(end) - onset, velocity))
    out.sort()
    return out


def close(a, b):
    return abs(a - b) <= max(ABS_TOL, REL_TOL * max(abs(a), abs(b)))


def compare(a_path, b_path, a=None):
    """Returns a list of differences (empty when every note matches)."""
    a = notes_of(a_path) if a is None else a
    b = notes_of(b_path)
    problems = []
    if len(a) != len(b):
        problems.append('%d notes in %s, %d in %s' % (len(a), a_path, len(b), b_path))
    for i, (x, y) in enumerate(zip(a, b)):
        if x[1:3] != y[1:3] or x[4] != y[4] or not close(x[0], y[0]) or not close(x[3], y[3]):
            problems.append('note %d: (onset, channel, pitch, duration, velocity) %r != %r' % (i, x, y))
        if len(problems) >= 10:
            break
    return problems


def midi_files(paths):
    files = []
    for path in paths:
        if os.path.isdir(path):
            for root, _, names in os.walk(path):
                files += [os.path.join(root, n) for n in names if n.lower().endswith(('.mid', '.midi', '.kar'))]
        else:
            files.append(path)
    return sorted(files)


def corpus(args):
    os.makedirs(args.out, exist_ok=True)
    args.files = midi_files(args.files)
    rejected_names = []
    loaded = rejected = unreadable = 0
    failures = []
    for i, path in enumerate(args.files):
        out = os.path.join(args.out, '%04d-%s.mid' % (i, os.path.splitext(os.path.basename(path))[0]))
        run = subprocess.run([args.cli, 'convert', path, out], capture_output=True, text=True, errors='replace')
        errors = [line for line in run.stderr.splitlines() if not line.startswith('noteforge: warning: ')]
        if run.returncode != 0:
            clean = run.returncode == 1 and len(errors) == 1 and errors[0].startswith('noteforge: ')
            if args.may_fail and clean:
                rejected += 1
                rejected_names.append(os.path.basename(path))
                print('rejected (clean error): %s' % errors[0])
            else:
                failures.append('%s: convert exited %d: %s' % (path, run.returncode, run.stderr.strip()))
            continue
        loaded += 1
        try:
            original_notes = notes_of(path)
        except Exception as e:  # mido refuses some deliberately broken files NoteForge reads
            if not args.may_fail:
                failures.append('%s: mido cannot read the original: %s' % (path, e))
            else:
                unreadable += 1
                print('mido cannot read the original, converted file only checked for readability: %s' % path)
                notes_of(out)
            continue
        problems = compare(path, out, original_notes)
        if problems:
            failures.append('%s:\n    %s' % (path, '\n    '.join(problems)))
    print('%d files: %d converted and compared, %d rejected cleanly, %d unreadable by mido, %d failures'
          % (len(args.files), loaded - unreadable, rejected, unreadable, len(failures)))
    for f in failures:
        print('FAIL ' + f)
    if loaded == 0:
        print('FAIL no file converted')
        return 1
    expected = sorted(filter(None, (args.expect_rejected or '').split(',')))
    if args.expect_rejected is not None and sorted(rejected_names) != expected:
        print('FAIL rejected %s, expected exactly %s' % (sorted(rejected_names), expected))
        return 1
    return 1 if failures else 0


def selftest(path, workdir):
    """The comparison must accept an unchanged copy and catch each kind of damage."""
    os.makedirs(workdir, exist_ok=True)

    def variant(name, damage):
        mid = mido.MidiFile(path)
        damage(mid)
        out = os.path.join(workdir, name + '.mid')
        mid.save(out)
        return compare(path, out)

    def first_note_on(mid):
        for track in mid.tracks:
            for i, msg in enumerate(track):
                if msg.type == 'note_on' and msg.velocity > 0:
                    return track, i
        raise ValueError('no note in ' + path)

    def shift(mid):
        track, i = first_note_on(mid)
        track[i].time += 1
        if i + 1 < len(track):
            track[i + 1].time = max(0, track[i + 1].time - 1)

    def velocity(mid):
        track, i = first_note_on(mid)
        track[i].velocity = 1 if track[i].velocity != 1 else 2

    def drop(mid):
        track, i = first_note_on(mid)
        track[i] = mido.MetaMessage('text', text='dropped', time=track[i].time)

    ok = True
    if variant('unchanged', lambda mid: None):
        print('FAIL an unchanged copy does not compare equal')
        ok = False
    for name, damage in (('shifted-onset', shift), ('changed-velocity', velocity), ('dropped-note', drop)):
        if not variant(name, damage):
            print('FAIL the comparison did not notice a ' + name)
            ok = False
    print('selftest ' + ('passed' if ok else 'failed'))
    return 0 if ok else 1


def main():
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    sub = parser.add_subparsers(dest='mode', required=True)
    c = sub.add_parser('compare')
    c.add_argument('a')
    c.add_argument('b')
    k = sub.add_parser('corpus')
    k.add_argument('--cli', required=True)
    k.add_argument('--out', required=True)
    k.add_argument('--may-fail', action='store_true')
    k.add_argument('--expect-rejected', help='comma-separated base names')
    k.add_argument('files', nargs='+')
    t = sub.add_parser('selftest')
    t.add_argument('file')
    t.add_argument('--out', default='midi-oracle-selftest')
    args = parser.parse_args()
    if args.mode == 'selftest':
        return selftest(args.file, args.out)
    if args.mode == 'compare':
        problems = compare(args.a, args.b)
        for p in problems:
            print(p)
        return 1 if problems else 0
    return corpus(args)


if __name__ == '__main__':
    sys.exit(main())
