// SPDX-License-Identifier: GPL-3.0-or-later
// LearnedInstruments: which parts a remi model's training pieces had, counted from its tokens, kept as JSON in the
// model file (its info, or a base model's card) and asked by General MIDI family.
#include <gtest/gtest.h>

#include <nlohmann/json.hpp>

#include "dataset/DatasetSummary.h"
#include "tokenize/CorpusBuilder.h"
#include "training/LearnedInstruments.h"
#include "training/ModelFile.h"

namespace nf {

namespace {

Track part(int program, bool drums, int pitch) {
    Track t;
    t.program = program;
    t.isDrum = drums;
    t.channel = drums ? 9 : 0;
    for (Tick bar = 0; bar < 4; ++bar) t.notes.push_back({static_cast<NoteId>(bar + 1), pitch, 80, bar * 1920, 480});
    return t;
}

// Piano with drums; a fingered bass with a flute; a fretless bass alone; and a piano track with no notes.
Dataset band() {
    Dataset d;
    const auto add = [&](std::vector<Track> tracks) {
        Piece p;
        p.file = "piece" + std::to_string(d.pieces.size()) + ".mid";
        p.score.tracks = std::move(tracks);
        d.pieces.push_back(std::move(p));
    };
    add({part(0, false, 60), part(0, true, 36)});
    add({part(33, false, 40), part(73, false, 79)});
    add({part(35, false, 38)});
    Track silent = part(0, false, 60);
    silent.notes.clear();
    add({part(73, false, 81), silent});
    return d;
}

TokenizerSettings remi() {
    TokenizerSettings s;
    s.kind = TokenizerKind::Remi;
    return s;
}

}  // namespace

TEST(LearnedInstruments, CountsThePiecesWithEachPartFromTheirTokens) {
    const TokenizedCorpus corpus = tokenizeDataset(band(), remi());
    ASSERT_EQ(corpus.pieces.size(), 4u);
    const auto all = countLearnedInstruments(corpus, {0, 1, 2, 3});
    ASSERT_TRUE(all);
    EXPECT_EQ(all->pieces, 4u);
    EXPECT_EQ(all->piecesWithProgram, (std::map<int, std::size_t>{{-1, 1}, {0, 1}, {33, 1}, {35, 1}, {73, 2}}))
        << "a track without notes is no part";
    EXPECT_EQ(all->piecesWithPart(-1), 1u);
    EXPECT_EQ(all->piecesWithPart(33), 2u) << "a fretless bass counts for the bass family";
    EXPECT_EQ(all->piecesWithPart(24), 0u) << "no guitar";
    // Only the pieces asked for (the training split).
    const auto some = countLearnedInstruments(corpus, {2, 3});
    EXPECT_EQ(some->pieces, 2u);
    EXPECT_EQ(some->piecesWithPart(-1), 0u);
    // inspect's Score-level count says the same (a base model's card is made from it).
    EXPECT_EQ(summarizeDataset(band()).piecesWithProgram, all->piecesWithProgram);
    // Other tokenizers have no instrument tokens: unknown, not "none".
    TokenizerSettings notes;
    notes.kind = TokenizerKind::Events;
    EXPECT_FALSE(countLearnedInstruments(tokenizeDataset(band(), notes), {0, 1}));
}

TEST(LearnedInstruments, KeptAsJsonAndReadBackOrRefused) {
    LearnedInstruments l;
    l.pieces = 10;
    l.piecesWithProgram = {{-1, 3}, {0, 10}, {33, 2}};
    const std::string json = learnedInstrumentsToJson(l);
    EXPECT_EQ(nlohmann::json::parse(json).at("drums"), 3);
    EXPECT_EQ(learnedInstrumentsFromJson(json), l);
    EXPECT_THROW(learnedInstrumentsFromJson(R"({"pieces": 2, "programs": {"200": 1}})"), std::runtime_error);
    EXPECT_THROW(learnedInstrumentsFromJson(R"({"programs": {}})"), std::runtime_error);
    EXPECT_THROW(learnedInstrumentsFromJson("[1]"), std::runtime_error);
    LearnedInstruments more = l;
    more.add(l);
    EXPECT_EQ(more.pieces, 20u);
    EXPECT_EQ(more.piecesWithPart(-1), 6u);
}

// The info's word (the trainer's count) wins over the card's; null there (not counted: token shards) leaves it to
// the card, and a file that says nothing anywhere is unknown.
TEST(LearnedInstruments, AModelFileSaysItInItsInfoElseInItsCard) {
    ModelFile file;
    file.cardJson = R"({"instruments": {"pieces": 5, "drums": 0, "programs": {"73": 5}}})";
    auto said = learnedInstrumentsOf(file);
    ASSERT_TRUE(said);
    EXPECT_EQ(said->pieces, 5u);
    file.infoJson = R"({"instruments": {"pieces": 7, "drums": 2, "programs": {"73": 7}}})";
    said = learnedInstrumentsOf(file);
    ASSERT_TRUE(said);
    EXPECT_EQ(said->piecesWithPart(-1), 2u);
    file.infoJson = R"({"instruments": null})";
    said = learnedInstrumentsOf(file);
    ASSERT_TRUE(said);
    EXPECT_EQ(said->pieces, 5u) << "the card's";
    file.cardJson.clear();
    EXPECT_FALSE(learnedInstrumentsOf(file));
    file.infoJson = "{}";
    EXPECT_FALSE(learnedInstrumentsOf(file));
    EXPECT_FALSE(readLearnedInstruments("/nonexistent/model.nfm")) << "a file that cannot be read says nothing";
}

}  // namespace nf
