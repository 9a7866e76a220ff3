// SPDX-License-Identifier: GPL-3.0-or-later
// The `drums` representation: a drum part becomes DRUMS GRID_4 BAR TS_4/4 H_kick_2 S ... END and decodes back to
// the same pattern on channel 10; odd generated sequences still decode to whole bars; a melody is refused by name.
// With bandOnsets, the band's onsets come first in each step (B_1..B_3, BL) after a BAND header.
#include <gtest/gtest.h>

#include <nlohmann/json.hpp>

#include "drums/DrumTokenizer.h"
#include "training/TrainingConfig.h"
#include "music/MusicError.h"

namespace nf {
namespace {

TokenizerSettings drumSettings() {
    TokenizerSettings s;
    s.kind = TokenizerKind::Drums;
    return s;
}

Score beat() {
    Score s(480);
    Track t;
    t.channel = 9;
    t.isDrum = true;
    s.tracks.push_back(t);
    s.timeSignatures = {TimeSignature{0, 4, 4}, TimeSignature{1920, 6, 8}};
    s.addNote(0, Note{0, 36, 110, 0, 60});
    s.addNote(0, Note{0, 42, 40, 0, 60});
    s.addNote(0, Note{0, 38, 90, 480, 60});
    s.addNote(0, Note{0, 49, 120, 1920 + 720, 60});  // beat 2 of the 6/8 bar
    return s;
}

TEST(DrumTokenizer, WritesEveryStepAndTheMeterWhereItChanges) {
    const auto tokenizer = makeTokenizer(drumSettings());
    const auto tokens = tokenizer->encode(beat(), "beat.mid");
    ASSERT_GE(tokens.size(), 8u);
    EXPECT_EQ(tokens.front(), "DRUMS");
    EXPECT_EQ(tokens[1], "GRID_4");
    EXPECT_EQ(tokens[2], "BAR");
    EXPECT_EQ(tokens[3], "TS_4/4");
    EXPECT_EQ(tokens[4], "H_kick_3");
    EXPECT_EQ(tokens[5], "H_closed-hat_0");
    EXPECT_EQ(tokens[6], "S");
    EXPECT_EQ(tokens.back(), "END");
    EXPECT_EQ(std::count(tokens.begin(), tokens.end(), "S"), 16 + 12);  // a 4/4 bar and a 6/8 bar of sixteenths
    EXPECT_EQ(std::count(tokens.begin(), tokens.end(), "TS_6/8"), 1);
    EXPECT_EQ(tokenizer->startToken(), "DRUMS");
    EXPECT_EQ(tokenizer->endToken(), "END");
}

TEST(DrumTokenizer, DecodesToTheSamePatternOnChannelTen) {
    const auto tokenizer = makeTokenizer(drumSettings());
    const Score original = beat();
    const Score decoded = tokenizer->decode(tokenizer->encode(original, "beat.mid"));
    ASSERT_EQ(decoded.tracks.size(), 1u);
    EXPECT_EQ(decoded.tracks[0].channel, 9);
    EXPECT_TRUE(decoded.tracks[0].isDrum);
    EXPECT_EQ(drumPatternOf(decoded, DrumGrid::Sixteenths), drumPatternOf(original, DrumGrid::Sixteenths));
    EXPECT_EQ(decoded.timeSignatures.size(), 2u);
}

TEST(DrumTokenizer, OddSequencesDecodeToWholeBars) {
    // Hits before any BAR, an unknown class, a bad bin, a late meter, a bar cut short, tokens after END.
    const DrumPattern p = drumPatternFromTokens(
        {"H_kick_2", "S", "H_cowbell_1", "H_snare_9", "S", "TS_3/4", "BAR", "TS_3/4", "H_snare_1", "S", "S", "END", "BAR"});
    ASSERT_EQ(p.bars.size(), 2u);
    EXPECT_EQ(p.bars[0].steps.size(), 2u);  // the first bar as written: it may be a pickup
    EXPECT_NE(p.bars[0].steps[0][static_cast<std::size_t>(DrumClass::Kick)], 0);
    EXPECT_EQ(p.bars[0].numerator, 4) << "a meter after the bar's first step is ignored";
    EXPECT_EQ(p.bars[1].numerator, 3);
    EXPECT_EQ(p.bars[1].steps.size(), 12u);  // cut short: filled to its 3/4
    EXPECT_EQ(p.hitCount(), 2u);
    EXPECT_TRUE(drumPatternFromTokens({}).bars.empty());
}

TEST(DrumTokenizer, AMelodyIsRefusedNamingTheFile) {
    Score melody(480);
    melody.tracks.resize(1);
    melody.addNote(0, Note{0, 60, 80, 0, 480});
    const auto tokenizer = makeTokenizer(drumSettings());
    try {
        tokenizer->encode(melody, "tune.mid");
        FAIL() << "a melody was accepted as drums";
    } catch (const MusicError& e) {
        EXPECT_NE(std::string(e.what()).find("tune.mid"), std::string::npos) << e.what();
    }
}


// The beat with a band: a bass note (low) with a chord of three on the downbeat, one melody note (high) on the
// second sixteenth, a chord of four on beat 2 (480), and a note played a hair early on the 6/8 bar line, which the
// drums' snapping rule puts on that bar's downbeat.
Score beatWithBand() {
    Score s = beat();
    Track keys;
    keys.channel = 0;
    keys.program = 0;
    s.tracks.push_back(keys);
    for (int p : {36, 60, 64, 67}) s.addNote(1, Note{0, p, 80, 0, 240});
    s.addNote(1, Note{0, 72, 80, 120, 120});
    for (int p : {60, 64, 67, 71}) s.addNote(1, Note{0, p, 80, 480, 240});
    s.addNote(1, Note{0, 50, 80, 1915, 240});
    return s;
}

// The tokens of step `step` (0-based, counting S) of bar `bar` (1-based), without the S.
std::vector<std::string> stepTokens(const std::vector<std::string>& tokens, int bar, int step) {
    int bars = 0, steps = 0;
    std::vector<std::string> out;
    for (const std::string& t : tokens) {
        if (t == "BAR") {
            ++bars;
            steps = 0;
        } else if (t == "S") {
            ++steps;
        } else if (bars == bar && steps == step && t.rfind("TS_", 0) != 0) {
            out.push_back(t);
        }
    }
    return out;
}

TEST(DrumTokenizer, WithBandOnsetsEachStepSaysWhereTheBandPlaysBeforeItsHits) {
    TokenizerSettings settings = drumSettings();
    settings.bandOnsets = true;
    const auto tokenizer = makeTokenizer(settings);
    const auto tokens = tokenizer->encode(beatWithBand(), "band.mid");
    ASSERT_GE(tokens.size(), 3u);
    EXPECT_EQ(tokens[1], "BAND");
    EXPECT_EQ(tokens[2], "GRID_4");
    using V = std::vector<std::string>;
    EXPECT_EQ(stepTokens(tokens, 1, 0), (V{"B_3", "BL", "H_kick_3", "H_closed-hat_0"}));  // four notes, one low
    EXPECT_EQ(stepTokens(tokens, 1, 1), (V{"B_1"}));                                      // one high note
    EXPECT_EQ(stepTokens(tokens, 1, 4), (V{"B_3", "H_snare_2"}));                         // a chord of four
    EXPECT_EQ(stepTokens(tokens, 1, 2), V{});                                             // silence: nothing
    EXPECT_EQ(stepTokens(tokens, 1, 15), V{});  // the early note is not the 4/4 bar's last step...
    EXPECT_EQ(stepTokens(tokens, 2, 0), (V{"B_1"}));  // ...but the 6/8 bar's downbeat (D3 is not low)
    // Band tokens are read past: the pattern decodes as it does without them, and without the setting the tokens
    // are what they were.
    const auto plain = makeTokenizer(drumSettings())->encode(beatWithBand(), "band.mid");
    EXPECT_EQ(plain, makeTokenizer(drumSettings())->encode(beat(), "band.mid"));
    EXPECT_EQ(drumPatternFromTokens(tokens), drumPatternFromTokens(plain));
    std::vector<std::string> withoutBand;
    for (const std::string& t : tokens)
        if (!isBandToken(t)) withoutBand.push_back(t);
    EXPECT_EQ(withoutBand, plain);
}

TEST(DrumTokenizer, WithBandOnsetsADrumPartAloneHasNoBand) {
    TokenizerSettings settings = drumSettings();
    settings.bandOnsets = true;
    EXPECT_EQ(makeTokenizer(settings)->encode(beat(), "beat.mid"), makeTokenizer(drumSettings())->encode(beat(), "beat.mid"));
}

// bandOnsets is the drums representation's, stored only when on (so other models' settings and token-cache keys
// keep their bytes) and read back.
TEST(DrumTokenizer, BandOnsetsIsADrumsSettingStoredOnlyWhenOn) {
    TokenizerSettings settings = drumSettings();
    EXPECT_FALSE(nlohmann::json::parse(settings.toJson()).contains("bandOnsets"));
    settings.bandOnsets = true;
    EXPECT_TRUE(nlohmann::json::parse(settings.toJson()).at("bandOnsets").get<bool>());
    EXPECT_TRUE(TokenizerSettings::fromJson(settings.toJson()).bandOnsets);
    settings.kind = TokenizerKind::Remi;
    EXPECT_THROW(settings.validate(), std::invalid_argument);
    // The paper's drum GAN generator writes bars from noise and hears nothing: the setting is refused for it, not
    // ignored. NoteForge's LSTM generator hears the band when its data has it and its settings say so, both or
    // neither; it alone can hear the bar before too.
    TrainingConfig gan = TrainingConfig::forModel(ModelKind::DrumGan);
    gan.tokenizer.kind = TokenizerKind::Drums;
    gan.model.vocabSize = 20;
    EXPECT_NO_THROW(gan.validate());
    gan.tokenizer.bandOnsets = true;
    EXPECT_THROW(gan.validate(), std::invalid_argument);
    gan.model.gan.band = true;
    EXPECT_THROW(gan.validate(), std::invalid_argument) << "the paper's generator";
    gan.model.gan.generator = DrumGanGenerator::Lstm;
    EXPECT_NO_THROW(gan.validate());
    gan.tokenizer.bandOnsets = false;
    EXPECT_THROW(gan.validate(), std::invalid_argument) << "a GAN that hears a band its data does not have";
    gan.model.gan.band = false;
    gan.model.gan.primer = true;
    EXPECT_NO_THROW(gan.validate());
    gan.model.gan.generator = DrumGanGenerator::Paper;
    EXPECT_THROW(gan.validate(), std::invalid_argument) << "the paper's generator hears no bar before either";
    // Both are written with the configuration and read back.
    gan.model.gan.generator = DrumGanGenerator::Lstm;
    gan.model.gan.band = gan.tokenizer.bandOnsets = true;
    const TrainingConfig back = TrainingConfig::fromJson(gan.toJson());
    EXPECT_TRUE(back.model.gan.band);
    EXPECT_TRUE(back.model.gan.primer);
}

}  // namespace
}  // namespace nf
