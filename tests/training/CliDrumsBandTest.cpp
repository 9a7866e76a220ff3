// SPDX-License-Identifier: GPL-3.0-or-later
// Drums that follow the band (issue 19): `train --model drums --follow-band` learns each step's hits after the
// band's onsets on that step; Add Part (`accompany --add drums`) gives the model the piece's own onsets; `loss`
// scores the drums alone, so its figures compare with an unconditioned model's on the same pieces.
#include <gtest/gtest.h>

#include <filesystem>
#include <nlohmann/json.hpp>
#include <tuple>

#include "TrainingTestUtil.h"
#include "dataset/Dataset.h"
#include "drums/BandOnsets.h"
#include "drums/DrumBars.h"
#include "drums/DrumPart.h"
#include "drums/DrumTokenizer.h"
#include "generation/GenerationModel.h"
#include "smf/MidiFileReader.h"
#include "smf/MidiFileWriter.h"
#include "support/CliRunner.h"

namespace fs = std::filesystem;

#ifdef NF_CLI_PATH

namespace {

using nf::test::CliRun;

CliRun cli(const nf::test::TempDir& dir, const std::vector<std::string>& args) {
    return nf::test::runCli(NF_CLI_PATH, dir.file(""), args);
}

// The demo's PianoBooster arrangements: piano and backing with drums on channel 10.
std::string bandFolder() { return (fs::path(NF_SOURCE_DIR) / "resources/demo/midi/pianobooster").string(); }

using NoteKey = std::tuple<int, int, nf::Tick, nf::Tick>;
std::vector<NoteKey> notesOf(const nf::Track& t) {
    std::vector<NoteKey> out;
    for (const nf::Note& n : t.notes) out.emplace_back(n.pitch, n.velocity, n.start, n.duration);
    return out;
}

}  // namespace

TEST(CliDrumsBand, LearnsTheBandsOnsetsAndHearsThePiecesOwnWhenAddingDrums) {
#ifndef NF_TEST_HAVE_TRAINING
    GTEST_SKIP() << "no training module in this build";
#endif
    nf::test::TempDir dir("drums-band");
    const std::string model = dir.file("band.nfm");
    const CliRun train = cli(dir, {"train", "--model", "drums", "--follow-band", "--data", bandFolder(), "--out", model,
                                   "--epochs", "2", "--threads", "1", "--quiet", "--no-cache"});
    ASSERT_EQ(train.code, 0) << train.err;
    const nf::GenerationModel drums = nf::GenerationModel::open(model);
    EXPECT_TRUE(drums.config().tokenizer.bandOnsets);
    ASSERT_TRUE(nf::drumModelFollowsBand(drums));
    for (const char* t : {"BAND", "B_1", "B_2", "B_3", "BL"}) EXPECT_TRUE(drums.vocabulary().find(t).has_value()) << t;

    // The band's tokens are given, not scored: the loss counts the drum tokens alone, as many as the drums
    // representation without the band writes for the same pieces (after each piece's first), and their hits.
    nf::TokenizerSettings plain;
    plain.kind = nf::TokenizerKind::Drums;
    const auto plainTokenizer = nf::makeTokenizer(plain);
    long long tokens = 0, hits = 0;
    for (const nf::Piece& p : nf::loadDataset(bandFolder()).pieces) {
        if (!nf::hasDrumPart(p.score)) continue;
        const auto written = plainTokenizer->encode(p);
        tokens += static_cast<long long>(written.size()) - 1;
        for (const std::string& t : written) hits += nf::drumHitOf(t) ? 1 : 0;
    }
    const CliRun loss = cli(dir, {"loss", "--model", model, "--data", bandFolder(), "--threads", "1", "--json"});
    ASSERT_EQ(loss.code, 0) << loss.err;
    const auto l = nlohmann::json::parse(loss.out);
    ASSERT_EQ(l.at("skipped_pieces").get<int>(), 0) << "every file has drums and its tokens are in the vocabulary";
    EXPECT_EQ(l.at("tokens").get<long long>(), tokens);
    EXPECT_EQ(l.at("notes").get<long long>(), hits);
    EXPECT_GT(l.at("nats_per_note").get<double>(), 0.0);

    // A piece of the band without its drums: Add Part gives the model each step's band onsets as training read
    // them from the whole piece (the model's own tokenizer on the file with its drums).
    const nf::Score whole = nf::readMidiFile((fs::path(bandFolder()) / "BeginnerCourse-02-ChordOfCMajor.mid").string()).score;
    const auto trained = drums.tokenizer().encode(whole, "whole.mid");
    ASSERT_GE(trained.size(), 3u);
    ASSERT_EQ(trained[1], "BAND");
    ASSERT_EQ(trained[2], "GRID_4") << "the piece is read on the model's grid";
    std::vector<std::vector<std::vector<std::string>>> trainedBand;  // per bar, per step, its band tokens
    for (const std::string& t : trained) {
        if (t == "BAR") trainedBand.emplace_back(1);
        else if (t == "S" && !trainedBand.empty()) trainedBand.back().emplace_back();
        else if (nf::isBandToken(t) && t != "BAND") trainedBand.back().back().push_back(t);
    }
    for (auto& bar : trainedBand) bar.pop_back();  // after the bar's last S
    nf::Score piece = whole;
    std::erase_if(piece.tracks, [](const nf::Track& t) { return nf::isDrumTrack(t); });
    ASSERT_TRUE(nf::hasBand(piece));
    const std::string in = dir.file("no-drums.mid");
    nf::writeMidiFile(piece, in);
    piece = nf::readMidiFile(in).score;
    nf::DrumBarsRequest request = nf::drumBarsOfPiece(drums, piece);
    EXPECT_TRUE(request.band);
    ASSERT_GE(request.bars.size(), trainedBand.size()) << "Add Part drums every bar; training read them to the last hit";
    int stepsWithBand = 0;
    for (std::size_t b = 0; b < trainedBand.size(); ++b) {
        ASSERT_EQ(request.bars[b].band.size(), trainedBand[b].size()) << "bar " << b;
        for (std::size_t s = 0; s < trainedBand[b].size(); ++s) {
            std::vector<std::string> given;
            for (int id : request.bars[b].band[s]) given.push_back(drums.vocabulary().token(id));
            EXPECT_EQ(given, trainedBand[b][s]) << "bar " << b << " step " << s;
            stepsWithBand += given.empty() ? 0 : 1;
        }
    }
    EXPECT_GT(stepsWithBand, 4);
    // Generation: the primer says BAND, and every step written begins with exactly the band tokens given.
    request.sampling.seed = 5;
    request.threads = 1;
    const nf::DrumBars written = nf::generateDrumBars(drums, request);
    ASSERT_GE(written.primer.size(), 4u);
    EXPECT_EQ((std::vector<std::string>(written.primer.begin(), written.primer.begin() + 4)),
              (std::vector<std::string>{"DRUMS", "BAND", "GRID_4", "BAR"}));
    std::size_t bar = 0, step = 0, inStep = 0, checked = 0;
    for (int id : written.sequences.at(0).tokens) {
        const std::string& t = drums.vocabulary().token(id);
        if (t == "END") break;
        if (t == "BAR") {
            ++bar;
            step = inStep = 0;
        } else if (t == "S") {
            ++step;
            inStep = 0;
        } else if (t.rfind("TS_", 0) != 0) {
            ASSERT_LT(bar, request.bars.size());
            const auto& given = request.bars[bar].band.at(step);
            if (inStep < given.size()) {
                EXPECT_EQ(id, given[inStep]) << "bar " << bar << " step " << step;
                ++checked;
            } else {
                EXPECT_FALSE(nf::isBandToken(t)) << "a band token the band did not give, bar " << bar << " step " << step;
            }
            ++inStep;
        }
    }
    EXPECT_EQ(bar + 1, request.bars.size()) << "every bar written";
    std::size_t givenTokens = 0;
    for (const auto& b : request.bars)
        for (const auto& s : b.band) givenTokens += s.size();
    EXPECT_EQ(checked, givenTokens) << "every band token given was written where it belongs";

    const CliRun add = cli(dir, {"accompany", in, "--model", model, "--add", "drums", "--seed", "3", "--candidates", "2",
                                 "--threads", "1", "--out", dir.file("drummed.mid")});
    ASSERT_EQ(add.code, 0) << add.err;
    EXPECT_NE(add.out.find("follows the band"), std::string::npos) << add.out;
    for (const char* name : {"drummed-1.mid", "drummed-2.mid"}) {
        const nf::Score out = nf::readMidiFile(dir.file(name)).score;
        ASSERT_EQ(out.tracks.size(), piece.tracks.size() + 1) << name;
        for (std::size_t t = 0; t < piece.tracks.size(); ++t)
            EXPECT_EQ(notesOf(out.tracks[t]), notesOf(piece.tracks[t])) << name << ": the band is untouched, track " << t;
        EXPECT_EQ(out.tracks.back().channel, 9) << name;
        EXPECT_FALSE(out.tracks.back().notes.empty()) << name;
    }

    // A drums model trained without the band says it hears only the bar lines; controls are remi models'.
    const std::string unconditioned = (fs::path(NF_TEST_DATA_DIR) / "models" / "drums-lstm-0.1.0.nfm").string();
    const CliRun deaf = cli(dir, {"accompany", in, "--model", unconditioned, "--add", "drums", "--threads", "1",
                                  "--out", dir.file("deaf.mid")});
    ASSERT_EQ(deaf.code, 0) << deaf.err;
    EXPECT_NE(deaf.out.find("does not hear the band"), std::string::npos) << deaf.out;
    const CliRun controls = cli(dir, {"accompany", in, "--model", model, "--add", "drums", "--density", "3", "--out",
                                      dir.file("x.mid")});
    EXPECT_EQ(controls.code, 2);
    EXPECT_NE(controls.err.find("steer remi models"), std::string::npos) << controls.err;
    const CliRun bass = cli(dir, {"accompany", in, "--model", model, "--add", "bass", "--out", dir.file("y.mid")});
    EXPECT_EQ(bass.code, 2);
    EXPECT_NE(bass.err.find("adds drums only"), std::string::npos) << bass.err;
    const CliRun notDrums = cli(dir, {"train", "--model", "lstm", "--follow-band", "--out", dir.file("z.nfm")});
    EXPECT_EQ(notDrums.code, 2);
    EXPECT_NE(notDrums.err.find("--follow-band"), std::string::npos) << notDrums.err;
}

#endif
