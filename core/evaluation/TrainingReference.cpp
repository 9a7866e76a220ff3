// SPDX-License-Identifier: GPL-3.0-or-later
#include "evaluation/TrainingReference.h"

#include <cmath>

#include "evaluation/PieceMetrics.h"
#include "evaluation/SetSummarizer.h"

namespace nf {

namespace {

void addTo(PitchClassHistogram& sum, const PitchClassHistogram& h) {
    for (int i = 0; i < 12; ++i) sum[i] += h[i];
}

void countNgrams(const std::vector<SuffixAutomaton::Match>& matches, std::size_t n, NgramNovelty& out) {
    for (std::size_t i = n - 1; i < matches.size(); ++i) {
        out.ngrams++;
        if (static_cast<std::size_t>(matches[i].length) < n) out.novel++;
    }
}

void finishShare(NgramNovelty& n) {
    n.share = n.ngrams > 0 ? static_cast<double>(n.novel) / static_cast<double>(n.ngrams) : kNoValue;
}

}  // namespace

TrainingReference::TrainingReference(const std::vector<Piece>& training, KeyProfile profile) : profile_(profile) {
    pieces_.reserve(training.size());
    std::size_t withNotes[2] = {0, 0};
    std::size_t piecesWithNotes = 0;
    for (std::size_t p = 0; p < training.size(); ++p) {
        const std::vector<EventSequence> sequences = eventSequences(training[p].score);
        for (const EventSequence& seq : sequences) {
            pitchIndex_.addSequence(melodyTokens(seq));
            pitchClassIndex_.addSequence(pitchClassTokens(seq));
            origins_.push_back(SequenceOrigin{static_cast<int>(p), seq.trackIndex});
        }
        pieces_.push_back(measurePiece(training[p], sequences, profile));
        const TonalFigures& tonal = pieces_.back().tonal;
        if (pieces_.back().notes == 0) continue;
        ++piecesWithNotes;
        addTo(meanHistogram_, tonal.pcHistogram);
        addTo(meanTonicHistogram_[tonal.key.minor], rotateToTonic(tonal.pcHistogram, tonal.key.tonic));
        withNotes[tonal.key.minor]++;
    }
    for (int i = 0; i < 12; ++i) {
        if (piecesWithNotes > 0) meanHistogram_[i] /= static_cast<double>(piecesWithNotes);
        for (int mode = 0; mode < 2; ++mode)
            if (withNotes[mode] > 0) meanTonicHistogram_[mode][i] /= static_cast<double>(withNotes[mode]);
    }
    hasMode_[0] = withNotes[0] > 0;
    hasMode_[1] = withNotes[1] > 0;
    // A training piece's own distance to the mean is the yardstick for a generated piece's: how far a typical
    // piece of the style strays from the average shape.
    for (PieceEvaluation& e : pieces_)
        if (e.notes > 0) fillDistances(e.tonal);
    summary_ = summarize(pieces_);
}

CopiedRun TrainingReference::copiedRun(const SuffixAutomaton::Match& end, int pieceTrack, int pieceEnd) const {
    CopiedRun run;
    if (end.length <= 0 || end.sequence < 0) return run;
    const SequenceOrigin& origin = origins_[end.sequence];
    run.length = end.length;
    run.file = pieces_[origin.piece].file;
    run.tuneNumber = pieces_[origin.piece].tuneNumber;
    run.track = origin.track;
    run.trainingStart = end.sequenceEnd - end.length + 1;
    run.pieceTrack = pieceTrack;
    run.pieceStart = pieceEnd - end.length + 1;
    return run;
}

NoveltyFigures TrainingReference::novelty(const std::vector<EventSequence>& sequences) const {
    NoveltyFigures f;
    for (const EventSequence& seq : sequences) {
        const auto pitchMatches = pitchIndex_.matchAll(melodyTokens(seq));
        const auto classMatches = pitchClassIndex_.matchAll(pitchClassTokens(seq));
        countNgrams(pitchMatches, 4, f.pitch4);
        countNgrams(pitchMatches, 8, f.pitch8);
        countNgrams(classMatches, 4, f.pitchClass4);
        countNgrams(classMatches, 8, f.pitchClass8);
        for (std::size_t i = 0; i < pitchMatches.size(); ++i) {
            if (pitchMatches[i].length > f.longestCopy.length)
                f.longestCopy = copiedRun(pitchMatches[i], seq.trackIndex, static_cast<int>(i));
            if (classMatches[i].length > f.longestPitchClassCopy.length)
                f.longestPitchClassCopy = copiedRun(classMatches[i], seq.trackIndex, static_cast<int>(i));
        }
    }
    finishShare(f.pitch4);
    finishShare(f.pitch8);
    finishShare(f.pitchClass4);
    finishShare(f.pitchClass8);
    return f;
}

void TrainingReference::fillDistances(TonalFigures& tonal) const {
    if (pieces_.empty() || std::isnan(tonal.key.correlation)) return;
    tonal.pcDistance = histogramDistance(tonal.pcHistogram, meanHistogram_);
    // Compare with training pieces of the same mode; with none of that mode, with all of them.
    const int mode = tonal.key.minor ? 1 : 0;
    PitchClassHistogram reference = meanTonicHistogram_[mode];
    if (!hasMode_[mode]) {
        const int other = 1 - mode;
        reference = meanTonicHistogram_[other];
        if (!hasMode_[other]) return;
    }
    tonal.pcDistanceTonic = histogramDistance(rotateToTonic(tonal.pcHistogram, tonal.key.tonic), reference);
}

}  // namespace nf
