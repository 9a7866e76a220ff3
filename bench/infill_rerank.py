#!/usr/bin/env python3
# SPDX-License-Identifier: GPL-3.0-or-later
"""Ranks infill candidates again, offline, from `evaluate-infill --candidates-out FILE` (docs/benchmarks/infill.md).

Sampling the candidates is what costs (minutes per run); ranking them is arithmetic. evaluate-infill lists, for every
span, every candidate's comparisons with the bars around it (what a ranking may see) and with the true span (what
only the evaluation may see), so rankings can be compared on the same candidates without sampling again:

  infill_rerank.py FILE [--rank REACH:P,G,R,D[:K]]...   each ranking's figures beside repeat-before's, and in how
                                                        many spans it picks what the run picked
  infill_rerank.py FILE --grid [--k K]                  every weighting of a small grid (pitch classes 0-2,
                                                        groove 0-4, range and density 0-1), best first by the
                                                        smaller of the two leads over repeat-before (pitch
                                                        classes, groove); intervals for the rows printed
  infill_rerank.py FILE --oracle [--k K]                upper bounds: the candidate nearest the truth per figure

REACH is neighbours or phrases (ContextFit.h's ContextReach), P,G,R,D the weights of pitch classes, groove, range and
density (--fit-weights), K how many of the span's candidates are ranked (the first K written; default all). The fit
is ContextFit's, computed the same way: each comparison a weighted mean of the four figures (density as 1/(1+error)),
neighbours averaged, per track the best phrase place, the two halves averaged. Ties go to the first candidate, as
bestFitFirst's stable order does.

The interval is a 95 % percentile bootstrap over held-out pieces like core/evaluation/PieceBootstrap (whole pieces
resampled, 2000 times); its random numbers are Python's, so it matches evaluate-infill's in method, not digits.
Choose a ranking on a tuning set's file; report it once on the held-out file.
"""
import argparse
import itertools
import json
import random
import sys

FIGURES = ("pitch", "density", "groove", "range")


def load(path):
    spans = []
    with open(path) as f:
        for number, line in enumerate(f, 1):
            try:
                spans.append(json.loads(line))
            except json.JSONDecodeError as e:
                sys.exit(f"{path}:{number}: not a JSON line ({e.msg})")
    if not spans:
        sys.exit(f"{path}: no spans")
    return spans


def prepare(spans):
    """Per candidate its neighbours and its phrase places, each as its four figures."""
    for span in spans:
        for c in span["candidates"]:
            c["neighbours"] = [row[2:] for row in c["context"] if row[1]]
            c["places"] = [row[2:] for row in c["context"] if not row[1]]


def similarity(figures, w, total):
    # The operations of ContextFit's fitSimilarity, in its order, so that near-ties break the same way.
    pc, density, groove, rng = figures
    return (w[0] * pc + w[1] * groove + w[2] * rng + w[3] / (1.0 + density)) / total


def fit(c, reach, w):
    if not c["neighbours"]:
        return None
    total = w[0] + w[1] + w[2] + w[3]
    n = 0.0
    for figures in c["neighbours"]:
        n += similarity(figures, w, total)
    n /= len(c["neighbours"])
    if reach == "neighbours" or not c["places"]:
        return n
    # One track per span in evaluate-infill (both modes): the best place is the track's.
    return (n + max(similarity(figures, w, total) for figures in c["places"])) / 2


def chosen(span, reach, w, k):
    best, best_fit = 0, None
    for i, c in enumerate(span["candidates"][:k]):
        f = fit(c, reach, w)
        f = 0.0 if f is None else f
        if best_fit is None or f > best_fit:
            best, best_fit = i, f
    return best


def bootstrap(values, pieces, resamples=2000, seed=1):
    groups = {}
    for v, p in zip(values, pieces):
        s, n = groups.get(p, (0.0, 0))
        groups[p] = (s + v, n + 1)
    groups = list(groups.values())
    rnd = random.Random(seed)
    means = []
    for _ in range(resamples):
        s = n = 0
        for _ in groups:
            gs, gn = groups[rnd.randrange(len(groups))]
            s, n = s + gs, n + gn
        means.append(s / n)
    means.sort()
    at = lambda q: means[min(len(means) - 1, int(q * (len(means) - 1) + 0.5))]
    return sum(values) / len(values), at(0.025), at(0.975)


def evaluate(spans, pick, intervals=True):
    """Mean truth figures of the picked candidates, and their lead over repeat-before per figure (mean, low, high;
    without intervals low and high are the mean)."""
    picked = [span["candidates"][pick(span)]["truth"] for span in spans]
    repeat = [span["repeat_before"] for span in spans]
    pieces = [span["piece"] for span in spans]
    means = [sum(p[i] for p in picked) / len(picked) for i in range(4)]
    leads = []
    for i in range(4):
        differences = [p[i] - r[i] for p, r in zip(picked, repeat)]
        if intervals:
            leads.append(bootstrap(differences, pieces))
        else:
            m = sum(differences) / len(differences)
            leads.append((m, m, m))
    return means, leads


def repeat_means(spans):
    return [sum(s["repeat_before"][i] for s in spans) / len(spans) for i in range(4)]


def parse_rank(text):
    parts = text.split(":")
    if len(parts) not in (2, 3) or parts[0] not in ("neighbours", "phrases"):
        sys.exit(f"--rank is REACH:P,G,R,D[:K] with REACH neighbours or phrases, not '{text}'")
    try:
        w = [float(x) for x in parts[1].split(",")]
        k = int(parts[2]) if len(parts) == 3 else None
    except ValueError:
        sys.exit(f"--rank: numbers expected in '{text}'")
    if k is not None and k < 1:
        sys.exit(f"--rank: K is at least 1, not {k}, in '{text}'")
    if len(w) != 4 or min(w) < 0 or sum(w) <= 0:
        sys.exit(f"--rank: four weights >= 0, not all 0, in '{text}'")
    return parts[0], w, k


def line(name, means, leads):
    m = " / ".join(f"{v:.3f}" for v in means)
    lp = f"{leads[0][0]:+.3f} [{leads[0][1]:+.3f}, {leads[0][2]:+.3f}]"
    lg = f"{leads[2][0]:+.3f} [{leads[2][1]:+.3f}, {leads[2][2]:+.3f}]"
    return f"{name:<34} {m:<31} {lp:<26} {lg}"


def header(spans):
    pieces = len({s["piece"] for s in spans})
    k = min(len(s["candidates"]) for s in spans)
    print(f"{len(spans)} spans over {pieces} pieces, {k} candidates each")
    print(f"{'ranking':<34} {'pc / density / groove / range':<31} {'lead: pitch classes':<26} lead: groove")
    print(line("repeat-before", repeat_means(spans), [(0, 0, 0)] * 4))


def main():
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("file")
    ap.add_argument("--rank", action="append", default=[])
    ap.add_argument("--grid", action="store_true")
    ap.add_argument("--oracle", action="store_true")
    ap.add_argument("--k", type=int, default=None)
    ap.add_argument("--top", type=int, default=15, help="grid rows printed (default 15)")
    a = ap.parse_args()
    if a.k is not None and a.k < 1:
        sys.exit(f"--k is at least 1, not {a.k}")
    spans = load(a.file)
    prepare(spans)
    header(spans)
    for text in a.rank:
        reach, w, k = parse_rank(text)
        means, leads = evaluate(spans, lambda s: chosen(s, reach, w, k or a.k))
        print(line(text, means, leads))
        # Against the run's own pick: all spans agree when this is the run's ranking (the check that this script
        # ranks as ContextFit does).
        if (k or a.k or 10**9) >= max(len(s["candidates"]) for s in spans):  # only when ranking all the run ranked
            same = sum(chosen(s, reach, w, k or a.k) == s["chosen"] for s in spans)
            print(f"  {'':<32} picks the run's own candidate in {same} of {len(spans)} spans")
    if a.oracle:
        for i, name in enumerate(FIGURES):
            sign = -1 if name == "density" else 1
            pick = lambda s: max(range(len(s["candidates"][: a.k])), key=lambda c: sign * s["candidates"][c]["truth"][i])
            means, leads = evaluate(spans, pick)
            print(line(f"oracle: nearest in {name}", means, leads))
    if a.grid:
        rows = []
        # Pitch classes and groove, the target's figures, at more levels than range and density.
        grid = itertools.product((0, 1, 2), (0, 1, 2, 4), (0, 1), (0, 1))
        for reach, w in itertools.product(("neighbours", "phrases"), list(grid)):
            if sum(w) == 0 or all(x % 2 == 0 for x in w):
                continue  # nothing, or a multiple of a weighting in the grid
            means, leads = evaluate(spans, lambda s: chosen(s, reach, list(w), a.k), intervals=False)
            rows.append((min(leads[0][0], leads[2][0]), reach, list(w)))
        rows.sort(key=lambda r: -r[0])
        for _, reach, w in rows[: a.top]:
            means, leads = evaluate(spans, lambda s: chosen(s, reach, w, a.k))
            print(line(f"{reach}:{','.join(map(str, w))}" + (f":{a.k}" if a.k else ""), means, leads))


if __name__ == "__main__":
    main()
