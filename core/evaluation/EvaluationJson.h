// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <string>
#include <vector>

#include "evaluation/EvaluationReport.h"

namespace nf {

// JSON text of evaluation results (two-space indent; snake_case like every noteforge-cli report). The field names
// are part of the CLI's interface and are listed in docs/cli.md: rename nothing, only add. Figures without a value
// are null.
//
// evaluationToJson: {"against", "training_pieces", "key_profile",
//   "model": null | {"file", "validation_loss", "perplexity"},
//   "pieces": [{"file", "tune", "title", "notes",
//     "novelty": {"pitch_4"|"pitch_8"|"pitch_class_4"|"pitch_class_8": {"ngrams", "novel", "share"},
//                 "longest_copy"|"longest_pitch_class_copy": {"length", "file", "tune", "track", "training_start",
//                                                              "piece_track", "piece_start"}},
//     "repetition": {"events", "pairs", "repeats", "repeat_share", "longest_run"},
//     "tonal": {"key", "key_tonic", "key_minor", "key_correlation", "in_scale_share", "pc_histogram", "pc_distance",
//               "pc_distance_tonic"},
//     "rhythm": {"notes_per_beat", "ioi_entropy_bits", "mean_polyphony", "max_polyphony", "lowest_pitch",
//                "highest_pitch", "pitch_range", "bars", "silent_bars", "silent_bar_share"}}],
//   "summary": SUMMARY, "training": SUMMARY}
// SUMMARY: every key of summaryMetrics() plus "longest_copy" (as above) and "longest_copy_piece".
// comparisonToJson: {"sets": [{"label", "against", "training_pieces", "model", "summary": SUMMARY}],
//   "training": SUMMARY of the first set's training data}
std::string evaluationToJson(const EvaluationResult& result);
std::string comparisonToJson(const std::vector<LabelledResult>& sets);

}  // namespace nf
