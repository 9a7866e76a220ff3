// SPDX-License-Identifier: GPL-3.0-or-later
#include "evaluation/SetSummarizer.h"

#include <cmath>
#include <algorithm>

namespace nf {

namespace {

class Mean {
public:
    void add(double v) {
        if (std::isnan(v)) return;
        sum_ += v;
        ++n_;
    }
    double value() const { return n_ > 0 ? sum_ / n_ : kNoValue; }

private:
    double sum_ = 0;
    std::size_t n_ = 0;
};

class PooledShare {
public:
    void add(std::size_t part, std::size_t whole) {
        part_ += part;
        whole_ += whole;
    }
    double value() const { return whole_ > 0 ? static_cast<double>(part_) / static_cast<double>(whole_) : kNoValue; }

private:
    std::size_t part_ = 0, whole_ = 0;
};

}  // namespace

SetSummary summarize(const std::vector<PieceEvaluation>& pieces) {
    SetSummary s;
    s.pieces = pieces.size();
    PooledShare p4, p8, pc4, pc8, repeats;
    Mean longestRun, keyCorrelation, inScale, pcDistance, pcDistanceTonic, density, ioi, polyphony, range, silent;
    for (const PieceEvaluation& e : pieces) {
        s.notes += e.notes;
        if (e.novelty) {
            const NoveltyFigures& n = *e.novelty;
            s.hasNovelty = true;
            p4.add(n.pitch4.novel, n.pitch4.ngrams);
            p8.add(n.pitch8.novel, n.pitch8.ngrams);
            pc4.add(n.pitchClass4.novel, n.pitchClass4.ngrams);
            pc8.add(n.pitchClass8.novel, n.pitchClass8.ngrams);
            if (n.longestCopy.length > s.longestCopy.length) {
                s.longestCopy = n.longestCopy;
                s.longestCopyPiece = e.file;
            }
        }
        repeats.add(e.repetition.repeats, e.repetition.pairs);
        if (e.repetition.events > 0) {
            longestRun.add(e.repetition.longestRun);
            s.longestRunMax = std::max(s.longestRunMax, e.repetition.longestRun);
        }
        keyCorrelation.add(e.tonal.key.correlation);
        inScale.add(e.tonal.inScaleShare);
        pcDistance.add(e.tonal.pcDistance);
        pcDistanceTonic.add(e.tonal.pcDistanceTonic);
        density.add(e.rhythm.notesPerBeat);
        ioi.add(e.rhythm.ioiEntropyBits);
        polyphony.add(e.rhythm.meanPolyphony);
        if (e.notes > 0) range.add(e.rhythm.pitchRange);
        silent.add(e.rhythm.silentBarShare);
    }
    s.novelPitch4 = p4.value();
    s.novelPitch8 = p8.value();
    s.novelPitchClass4 = pc4.value();
    s.novelPitchClass8 = pc8.value();
    s.repeatShare = repeats.value();
    s.longestRunMean = longestRun.value();
    s.keyCorrelation = keyCorrelation.value();
    s.inScaleShare = inScale.value();
    s.pcDistance = pcDistance.value();
    s.pcDistanceTonic = pcDistanceTonic.value();
    s.notesPerBeat = density.value();
    s.ioiEntropyBits = ioi.value();
    s.meanPolyphony = polyphony.value();
    s.pitchRange = range.value();
    s.silentBarShare = silent.value();
    return s;
}

}  // namespace nf
