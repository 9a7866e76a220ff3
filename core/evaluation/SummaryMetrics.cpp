// SPDX-License-Identifier: GPL-3.0-or-later
#include "evaluation/SummaryMetrics.h"

namespace nf {

const std::vector<SummaryMetric>& summaryMetrics() {
    using S = SummaryMetric::Style;
    static const std::vector<SummaryMetric> metrics{
        {"pieces", "pieces", [](const SetSummary& s) { return static_cast<double>(s.pieces); }, S::Count, 0},
        {"notes", "notes", [](const SetSummary& s) { return static_cast<double>(s.notes); }, S::Count, 0},
        {"novel_pitch_4", "novel 4-grams (pitch)", [](const SetSummary& s) { return s.novelPitch4; }, S::Share, 0},
        {"novel_pitch_8", "novel 8-grams (pitch)", [](const SetSummary& s) { return s.novelPitch8; }, S::Share, 0},
        {"novel_pitch_class_4", "novel 4-grams (pitch class)", [](const SetSummary& s) { return s.novelPitchClass4; },
         S::Share, 0},
        {"novel_pitch_class_8", "novel 8-grams (pitch class)", [](const SetSummary& s) { return s.novelPitchClass8; },
         S::Share, 0},
        {"longest_copy_length", "longest copied run (events)",
         [](const SetSummary& s) { return s.hasNovelty ? static_cast<double>(s.longestCopy.length) : kNoValue; },
         S::Count, 0},
        {"repeat_share", "repeated events", [](const SetSummary& s) { return s.repeatShare; }, S::Share, 0},
        {"longest_run_mean", "longest repeat run (mean)", [](const SetSummary& s) { return s.longestRunMean; },
         S::Number, 1},
        {"longest_run_max", "longest repeat run (max)",
         [](const SetSummary& s) { return static_cast<double>(s.longestRunMax); }, S::Count, 0},
        {"key_correlation", "key fit (correlation)", [](const SetSummary& s) { return s.keyCorrelation; }, S::Number,
         3},
        {"in_scale_share", "notes in key's scale", [](const SetSummary& s) { return s.inScaleShare; }, S::Share, 0},
        {"pc_distance", "pitch-class distance", [](const SetSummary& s) { return s.pcDistance; }, S::Number, 3},
        {"pc_distance_tonic", "pitch-class distance (tonic)", [](const SetSummary& s) { return s.pcDistanceTonic; },
         S::Number, 3},
        {"notes_per_beat", "notes per beat", [](const SetSummary& s) { return s.notesPerBeat; }, S::Number, 2},
        {"ioi_entropy_bits", "IOI entropy (bits)", [](const SetSummary& s) { return s.ioiEntropyBits; }, S::Number, 2},
        {"mean_polyphony", "mean polyphony", [](const SetSummary& s) { return s.meanPolyphony; }, S::Number, 2},
        {"pitch_range", "pitch range (semitones)", [](const SetSummary& s) { return s.pitchRange; }, S::Number, 1},
        {"silent_bar_share", "silent bars", [](const SetSummary& s) { return s.silentBarShare; }, S::Share, 0},
    };
    return metrics;
}

}  // namespace nf
