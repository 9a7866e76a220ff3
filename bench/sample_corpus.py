#!/usr/bin/env python3
# SPDX-License-Identifier: GPL-3.0-or-later
"""A reproducible sample of a corpus's music files, for measures that read a few hundred of them
(bench/infill_texture.sh; docs/benchmarks/fine-tuning.md):

    bench/sample_corpus.py CORPUS N OUT [--seed S]

Takes the MIDI and ABC files under CORPUS (.mid, .midi, .abc, any case) in byte order of their paths, draws N of
them with Python's random.Random(S).sample (S default 13), and links each into the new folder OUT under its path
with "/" written as "__", so that pieces of different sources keep apart (two paths that would still meet are
refused). Prints how many came from each top-level folder of CORPUS (the corpus's sources, as
bench/corpora/build-corpus.sh lays them out)."""
import argparse
import collections
import os
import random
import sys

MUSIC = (".mid", ".midi", ".abc")


def main():
    p = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    p.add_argument("corpus")
    p.add_argument("n", type=int)
    p.add_argument("out")
    p.add_argument("--seed", type=int, default=13)
    a = p.parse_args()
    if a.n < 1:
        p.error(f"N must be at least 1 (given {a.n})")
    files = []
    for root, _, names in os.walk(a.corpus):
        for name in names:
            if name.lower().endswith(MUSIC):
                files.append(os.path.relpath(os.path.join(root, name), a.corpus))
    files.sort(key=lambda f: f.encode())
    if a.n > len(files):
        sys.exit(f"sample_corpus.py: {a.corpus} holds {len(files)} music files, fewer than {a.n}")
    if os.path.exists(a.out):
        sys.exit(f"sample_corpus.py: {a.out} exists (the sample goes into a new folder)")
    chosen = random.Random(a.seed).sample(files, a.n)
    names = [f.replace(os.sep, "__") for f in chosen]
    if len(set(names)) != len(names):
        sys.exit(f"sample_corpus.py: two sampled paths give the same name in {a.out}; draw with another --seed")
    os.makedirs(a.out)
    for f in chosen:
        os.symlink(os.path.abspath(os.path.join(a.corpus, f)), os.path.join(a.out, f.replace(os.sep, "__")))
    counts = collections.Counter(f.split(os.sep)[0] for f in chosen)
    print(f"{a.n} of {len(files)} files (seed {a.seed}): " + ", ".join(f"{k} {v}" for k, v in sorted(counts.items())))


if __name__ == "__main__":
    main()
