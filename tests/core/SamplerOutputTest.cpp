// SPDX-License-Identifier: GPL-3.0-or-later
// Turning generated tokens into files: ABC repair checked with the ABC reader, the recipe carried in a MIDI text
// event and an ABC comment, which token made which note, and musical time of events streams.
#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>

#include "abc/AbcReader.h"
#include "generation/AbcRepair.h"
#include "generation/EventClock.h"
#include "generation/GenerationRecipe.h"
#include "generation/MidiTextEvents.h"
#include "generation/NoteAttribution.h"
#include "smf/MidiFileWriter.h"
#include "tokenize/Tokenizer.h"

using namespace nf;

namespace {

bool reads(const std::string& text) {
    auto tunes = readAbcText(text, "t");
    return !tunes.empty() && tunes.front().score && tunes.front().warnings.empty();
}

bool hasRepair(const AbcRepairResult& r, const std::string& what) {
    for (const auto& s : r.repairs)
        if (s.find(what) != std::string::npos) return true;
    return false;
}

GenerationRecipe sampleRecipe() {
    GenerationRecipe r;
    r.modelPath = "/models/tunes.nfm";
    r.modelFingerprint = "0123456789abcdef";
    r.modelKind = "paper-abc";
    r.dataFingerprint = "fedcba9876543210";
    r.settings.length = 321;
    r.settings.mode = DecodeMode::Windowed;
    r.settings.window = 50;
    r.settings.bars = 8;
    r.settings.sampling.temperature = 0.7;
    r.settings.sampling.topK = 9;
    r.settings.sampling.seed = 77;
    r.primerTokens = {0, 5, 3};
    r.primerContext = 1;
    r.primerInOutput = false;
    r.primerSource = "data /x: a.abc X:3 tokens 0..3";
    r.primerText = "X:1\n\xff";  // a byte that is not UTF-8 must not break the recipe
    return r;
}

}  // namespace

TEST(AbcRepair, LeavesAGoodTuneAlone) {
    const std::string tune = "X:1\nT:Fine\nM:4/4\nL:1/8\nK:G\nGABc dedB|dedB dedB|]\n";
    const auto r = repairAbcTune(tune);
    ASSERT_TRUE(r.score);
    EXPECT_EQ(r.text, tune);
    EXPECT_TRUE(r.repairs.empty());
}

TEST(AbcRepair, ClosesWhatTheGeneratorLeftOpen) {
    const std::vector<std::pair<std::string, std::string>> cases = {
        {"X:1\nT:Cut\nM:4/4\nL:1/8\nK:D\nDEFG ABcd|[DFA", "chord"},
        {"X:1\nT:Cut\nM:4/4\nL:1/8\nK:D\nDEFG ABcd|\"Em", "chord symbol"},
        {"X:1\nT:Cut\nM:4/4\nL:1/8\nK:D\nDEFG ABcd|{g", "grace"},
        {"X:1\nT:Cut\nM:4/4\nL:1/8\nK:D\nDEFG ABcd|!tril", "decoration"},
    };
    for (const auto& [text, what] : cases) {
        const auto r = repairAbcTune(text);
        ASSERT_TRUE(r.score) << text << "\n" << r.error;
        EXPECT_TRUE(reads(r.text)) << r.text;
        EXPECT_TRUE(hasRepair(r, what) || r.repairs.empty()) << text;
        EXPECT_GE(r.score->noteCount(), 8u) << text;
    }
}

TEST(AbcRepair, AddsAMissingHeader) {
    const auto r = repairAbcTune("GABc dedB|dedB dedB|");
    ASSERT_TRUE(r.score) << r.error;
    EXPECT_TRUE(hasRepair(r, "K:"));
    EXPECT_TRUE(hasRepair(r, "X:"));
    EXPECT_EQ(r.score->noteCount(), 16u);
    EXPECT_TRUE(reads(r.text));
}

TEST(AbcRepair, ReportsWhatCannotBeRead) {
    const auto r = repairAbcTune("");
    // An empty generation has nothing to repair into music: either no score, or one with no notes, never a crash.
    if (r.score) EXPECT_EQ(r.score->noteCount(), 0u);
    else EXPECT_FALSE(r.error.empty());
}

TEST(GenerationRecipe, RoundTripsThroughText) {
    const auto r = sampleRecipe();
    const std::string text = r.toText();
    EXPECT_EQ(text.find('\n'), std::string::npos);  // one line (ABC comment)
    const auto back = GenerationRecipe::fromText(text);
    ASSERT_TRUE(back);
    EXPECT_EQ(back->modelPath, r.modelPath);
    EXPECT_EQ(back->modelFingerprint, r.modelFingerprint);
    EXPECT_EQ(back->dataFingerprint, r.dataFingerprint);
    EXPECT_EQ(back->settings.length, 321);
    EXPECT_EQ(back->settings.mode, DecodeMode::Windowed);
    EXPECT_EQ(back->settings.window, 50);
    EXPECT_EQ(back->settings.bars, 8.0);
    EXPECT_EQ(back->settings.sampling, r.settings.sampling);
    EXPECT_EQ(back->primerTokens, r.primerTokens);
    EXPECT_EQ(back->primerContext, 1);
    EXPECT_FALSE(back->primerInOutput);
    EXPECT_EQ(back->toText(), text);
    EXPECT_FALSE(GenerationRecipe::fromText("some other text"));
    EXPECT_THROW(GenerationRecipe::fromText(std::string(GenerationRecipe::kPrefix) + "{broken"), std::runtime_error);
}

TEST(GenerationRecipe, TravelsInAMidiTextEventAndAnAbcComment) {
    const auto dir = std::filesystem::temp_directory_path() / ("nf-recipe-" + std::to_string(::getpid()));
    std::filesystem::create_directories(dir);
    Score score;
    score.tracks.emplace_back();
    for (int i = 0; i < 50; ++i) score.addNote(0, Note{0, 60 + i % 12, 90, i * 240, 200});
    const auto r = sampleRecipe();
    MidiWriteOptions options;
    options.texts = {"something else", r.toText()};
    const auto bytes = writeMidiBytes(score, options);
    const auto texts = midiTextEvents(bytes, "x.mid");
    ASSERT_EQ(texts.size(), 2u);
    EXPECT_EQ(texts[1], r.toText());
    const auto midPath = (dir / "x.mid").string();
    writeMidiFile(score, midPath, options);
    EXPECT_EQ(readRecipeFile(midPath).toText(), r.toText());

    const auto abcPath = (dir / "x.abc").string();
    std::ofstream(abcPath) << "% " << r.toText() << "\nX:1\nT:t\nK:C\nCDEF|]\n";
    EXPECT_EQ(readRecipeFile(abcPath).toText(), r.toText());
    writeMidiFile(score, (dir / "plain.mid").string());
    EXPECT_THROW(readRecipeFile((dir / "plain.mid").string()), MusicError);
    std::filesystem::remove_all(dir);
}

TEST(MidiTextEvents, RefusesWhatIsNotMidi) {
    const std::vector<std::uint8_t> junk = {'R', 'I', 'F', 'F', 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0};
    EXPECT_THROW(midiTextEvents(junk, "j.mid"), MusicError);
    auto bytes = writeMidiBytes(Score{});
    bytes.resize(bytes.size() - 3);  // cut inside the last track
    EXPECT_THROW(midiTextEvents(bytes, "cut.mid"), MusicError);
}

TEST(NoteAttribution, FindsTheTokenOfEveryNote) {
    TokenizerSettings settings;
    settings.kind = TokenizerKind::Events;
    const auto tokenizer = makeTokenizer(settings);
    const std::vector<std::string> tokens = {"BPM_120", "INST_0", "ON_60", "SHIFT_12", "ON_64", "SHIFT_12", "OFF_60",
                                             "OFF_64", "ON_67", "SHIFT_24", "OFF_67", "INST_DRUMS", "TRK_1", "ON_36",
                                             "SHIFT_6", "OFF_36", "END"};
    const Score score = tokenizer->decode(tokens);
    const auto owner = attributeNotes(score, 3, static_cast<int>(tokens.size()), [&](int k) -> std::optional<Score> {
        return tokenizer->decode(std::vector<std::string>(tokens.begin(), tokens.begin() + k));
    });
    std::map<int, int> byPitch;
    for (const auto& t : score.tracks)
        for (const auto& n : t.notes) byPitch[n.pitch] = owner.at(n.id);
    EXPECT_EQ(byPitch.at(60), -1);  // in the first 3 tokens: the primer's
    EXPECT_EQ(byPitch.at(64), 4);
    EXPECT_EQ(byPitch.at(67), 8);
    EXPECT_EQ(byPitch.at(36), 13);
}

TEST(EventClock, CountsBeatsBarsAndSecondsOfTheFirstTempo) {
    EventClock clock(24);
    for (const char* t : {"BPM_90", "INST_0", "ON_60", "SHIFT_24", "SHIFT_48", "BPM_200", "SHIFT_24"}) clock.feed(t);
    EXPECT_DOUBLE_EQ(clock.beats(), 4.0);
    EXPECT_DOUBLE_EQ(clock.bars(), 1.0);
    EXPECT_DOUBLE_EQ(clock.seconds(), 4.0 * 60.0 / 90.0);
    clock.restart();
    clock.feed("SHIFT_12");
    EXPECT_DOUBLE_EQ(clock.beats(), 0.5);
    EXPECT_DOUBLE_EQ(clock.seconds(), 0.5 * 60.0 / 90.0);
}
