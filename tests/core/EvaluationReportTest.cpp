// SPDX-License-Identifier: GPL-3.0-or-later
// The JSON field names and the text tables, on crafted sets whose figures are known.
#include <gtest/gtest.h>

#include <nlohmann/json.hpp>

#include <algorithm>
#include <sstream>

#include "EvaluationTestScores.h"
#include "evaluation/EvaluationJson.h"
#include "evaluation/EvaluationTable.h"
#include "evaluation/Evaluator.h"
#include "evaluation/SummaryMetrics.h"

using namespace nf;
using namespace nf::evaltest;

namespace {

EvaluationResult crafted() {
    const TrainingReference reference({piece("train/a.mid", melody(walk(1, 40))),
                                       piece("train/b.mid", melody({60, 62, 64, 65, 67, 69, 71, 72}))});
    return evaluatePieces({piece("gen/copy.mid", melody(walk(1, 40))), piece("gen/same.mid", melody({60, 60, 60, 60})),
                           piece("gen/empty.mid", Score(kPpq))},
                          reference, "train");
}

}  // namespace

TEST(EvaluationJson, FieldNamesAreStableAndMissingValuesAreNull) {
    const nlohmann::json j = nlohmann::json::parse(evaluationToJson(crafted()));
    EXPECT_EQ(j["against"], "train");
    EXPECT_EQ(j["training_pieces"], 2);
    EXPECT_EQ(j["key_profile"], "krumhansl-kessler");
    EXPECT_TRUE(j["model"].is_null());
    ASSERT_EQ(j["pieces"].size(), 3u);
    const auto& copy = j["pieces"][0];
    EXPECT_EQ(copy["file"], "gen/copy.mid");
    EXPECT_EQ(copy["notes"], 40);
    EXPECT_EQ(copy["novelty"]["pitch_4"]["share"], 0.0);
    EXPECT_EQ(copy["novelty"]["longest_copy"]["length"], 40);
    EXPECT_EQ(copy["novelty"]["longest_copy"]["file"], "train/a.mid");
    for (const char* key : {"events", "pairs", "repeats", "repeat_share", "longest_run"})
        EXPECT_TRUE(copy["repetition"].contains(key)) << key;
    for (const char* key : {"key", "key_tonic", "key_minor", "key_correlation", "in_scale_share", "pc_histogram",
                            "pc_distance", "pc_distance_tonic"})
        EXPECT_TRUE(copy["tonal"].contains(key)) << key;
    for (const char* key : {"notes_per_beat", "ioi_entropy_bits", "mean_polyphony", "max_polyphony", "lowest_pitch",
                            "highest_pitch", "pitch_range", "bars", "silent_bars", "silent_bar_share"})
        EXPECT_TRUE(copy["rhythm"].contains(key)) << key;
    EXPECT_EQ(copy["tonal"]["pc_histogram"].size(), 12u);

    const auto& same = j["pieces"][1];
    EXPECT_EQ(same["repetition"]["repeat_share"], 1.0);
    EXPECT_EQ(same["repetition"]["longest_run"], 4);
    EXPECT_EQ(same["tonal"]["key"], "C major");

    const auto& empty = j["pieces"][2];
    EXPECT_TRUE(empty["tonal"]["key"].is_null());
    EXPECT_TRUE(empty["rhythm"]["notes_per_beat"].is_null());
    EXPECT_TRUE(empty["novelty"]["pitch_4"]["share"].is_null());

    for (const SummaryMetric& m : summaryMetrics()) {
        EXPECT_TRUE(j["summary"].contains(m.key)) << m.key;
        EXPECT_TRUE(j["training"].contains(m.key)) << m.key;
    }
    EXPECT_EQ(j["summary"]["pieces"], 3);
    EXPECT_EQ(j["summary"]["longest_copy_piece"], "gen/copy.mid");
    EXPECT_TRUE(j["training"]["novel_pitch_4"].is_null());
    EXPECT_TRUE(j["training"]["longest_copy"].is_null());
    EXPECT_EQ(j["training"]["pieces"], 2);
}

TEST(EvaluationJson, ModelQualityIsPassedThrough) {
    EvaluationResult r = crafted();
    r.model = ModelQuality{"m.nfmodel", 1.25, std::nullopt, "events"};
    const nlohmann::json j = nlohmann::json::parse(evaluationToJson(r));
    EXPECT_EQ(j["model"]["file"], "m.nfmodel");
    EXPECT_EQ(j["model"]["validation_loss"], 1.25);
    EXPECT_TRUE(j["model"]["perplexity"].is_null());
    EXPECT_EQ(j["model"]["representation"], "events");
}

TEST(EvaluationJson, InvalidUtf8InNamesDoesNotThrow) {
    EvaluationResult r = crafted();
    r.pieces[0].title = "bad \xff\xfe title";
    EXPECT_NO_THROW(nlohmann::json::parse(evaluationToJson(r)));
}

TEST(EvaluationJson, ComparisonHasOneSetPerLabel) {
    const EvaluationResult r = crafted();
    const nlohmann::json j = nlohmann::json::parse(comparisonToJson({{"first", r}, {"second", r}}));
    ASSERT_EQ(j["sets"].size(), 2u);
    EXPECT_EQ(j["sets"][1]["label"], "second");
    EXPECT_EQ(j["sets"][0]["summary"]["pieces"], 3);
    EXPECT_EQ(j["training"]["pieces"], 2);
}

TEST(EvaluationTable, PieceTableHasARowPerPieceNamingTheCopiedFile) {
    const std::string table = formatPieceTable(crafted());
    EXPECT_NE(table.find("copy.mid"), std::string::npos);
    EXPECT_NE(table.find("a.mid"), std::string::npos);
    EXPECT_NE(table.find("C major"), std::string::npos);
    EXPECT_EQ(std::count(table.begin(), table.end(), '\n'), 4);  // header + 3 pieces
}

TEST(EvaluationTable, ComparisonTableHasAColumnPerLabelAndTheTrainingColumn) {
    const EvaluationResult r = crafted();
    const std::string table = formatComparisonTable({{"model-A", r}, {"a-much-longer-label", r}});
    std::istringstream lines(table);
    std::string header;
    std::getline(lines, header);
    EXPECT_NE(header.find("model-A"), std::string::npos);
    EXPECT_NE(header.find("a-much-longer-label"), std::string::npos);
    EXPECT_NE(header.find("training"), std::string::npos);
    // Every figure has its row, with three cells lined up under the header's columns.
    for (const SummaryMetric& m : summaryMetrics()) {
        std::string line;
        ASSERT_TRUE(std::getline(lines, line)) << m.label;
        EXPECT_EQ(line.rfind(m.label, 0), 0u) << line;
        EXPECT_EQ(line.size(), header.size()) << line;
    }
    EXPECT_NE(table.find("model-A: longest copied run 40 events, from a.mid"), std::string::npos) << table;
}
