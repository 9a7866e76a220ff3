// SPDX-License-Identifier: GPL-3.0-or-later
// The drum GAN conditioned as issue 19 asks (NoteForge's LSTM generator): `train --model paper-drums-gan
// --gan-generator lstm --follow-band --gan-primer` learns each bar against the band's onsets on its steps and the
// bar before; Add Part (`accompany --add drums`) gives it the piece's band, and `generate --primer` continues a
// file's last bar. What cannot be conditioned is refused with a reason.
#include <gtest/gtest.h>

#include <algorithm>
#include <filesystem>

#include "TrainingTestUtil.h"
#include "drums/BandOnsets.h"
#include "drums/DrumBars.h"
#include "drums/DrumGanData.h"
#include "drums/DrumGenerator.h"
#include "drums/DrumPart.h"
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

nf::Score withoutDrums(nf::Score s) {
    std::erase_if(s.tracks, [](const nf::Track& t) { return nf::isDrumTrack(t); });
    return s;
}

}  // namespace

TEST(CliDrumGanBand, TheLstmGanHearsThePiecesBandAndContinuesAFilesLastBar) {
#ifndef NF_TEST_HAVE_TRAINING
    GTEST_SKIP() << "no training module in this build";
#endif
    nf::test::TempDir dir("drum-gan-band");
    const std::string model = dir.file("gan.nfm");
    const CliRun train = cli(dir, {"train", "--model", "paper-drums-gan", "--gan-generator", "lstm", "--follow-band",
                                   "--gan-primer", "--data", bandFolder(), "--out", model, "--epochs", "1", "--threads",
                                   "1", "--quiet", "--no-cache"});
    ASSERT_EQ(train.code, 0) << train.err;
    const nf::GenerationModel gan = nf::GenerationModel::open(model);
    ASSERT_NE(gan.drumGan(), nullptr);
    EXPECT_TRUE(gan.config().tokenizer.bandOnsets);
    EXPECT_TRUE(gan.config().model.gan.band);
    EXPECT_TRUE(gan.config().model.gan.primer);
    EXPECT_TRUE(nf::drumModelFollowsBand(gan));
    const nf::DrumGanSettings& g = gan.config().model.gan;

    // A band file of the GAN's form, without its drums.
    std::string file;
    std::optional<nf::DrumBar> last;
    for (const auto& entry : fs::directory_iterator(bandFolder())) {
        const nf::Score s = nf::readMidiFile(entry.path().string()).score;
        last = nf::lastDrumBarIn(s, nf::DrumBarForm{g.stepsPerQuarter, g.numerator, g.denominator, 0});
        if (last && nf::hasBand(s)) {
            file = entry.path().string();
            break;
        }
    }
    ASSERT_FALSE(file.empty()) << "the data's common form is in some file";
    const nf::Score whole = nf::readMidiFile(file).score;
    const std::string in = dir.file("no-drums.mid");
    nf::writeMidiFile(withoutDrums(whole), in);
    const nf::Score piece = nf::readMidiFile(in).score;

    const CliRun acc = cli(dir, {"accompany", in, "--model", model, "--add", "drums", "--seed", "3", "--out", dir.file("acc.mid")});
    ASSERT_EQ(acc.code, 0) << acc.err;
    EXPECT_NE(acc.out.find("a drum GAN that follows the band"), std::string::npos) << acc.out;
    const nf::Score accompanied = nf::readMidiFile(dir.file("acc.mid")).score;
    ASSERT_EQ(accompanied.tracks.size(), piece.tracks.size() + 1);
    EXPECT_TRUE(nf::hasDrumPart(accompanied));

    // The band reaches the generator: the same seed over the same bars and onsets, the band three octaves lower
    // (every onset now with a bass note), gives other drums.
    nf::Score moved = piece;
    for (nf::Track& t : moved.tracks)
        for (nf::Note& n : t.notes) n.pitch = std::max(0, n.pitch - 36);
    ASSERT_EQ(moved.endTick(), piece.endTick()) << "the same bars";
    nf::DrumPartRequest request;
    request.sampling.seed = 3;
    const auto drumsOf = [](const nf::SteeredPiece& p) {
        std::vector<std::pair<int, nf::Tick>> out;
        for (const nf::Note& n : p.score.tracks.back().notes) out.emplace_back(n.pitch, n.start);
        return out;
    };
    const auto heard = drumsOf(nf::addDrumPart(gan, piece, request));
    ASSERT_FALSE(heard.empty());
    EXPECT_EQ(heard, drumsOf(nf::addDrumPart(gan, piece, request))) << "the seed decides the rest";
    EXPECT_NE(heard, drumsOf(nf::addDrumPart(gan, moved, request))) << "another band, other drums";

    // Continuing a file's last bar: the part starts with it, then the bars asked for.
    const CliRun gen = cli(dir, {"generate", "--model", model, "--primer", file, "--bars", "3", "--seed", "2", "--out", dir.file("cont.mid")});
    ASSERT_EQ(gen.code, 0) << gen.err;
    EXPECT_NE(gen.out.find("the primer's last bar, then 3 bars"), std::string::npos) << gen.out;
    const nf::DrumPattern continued = nf::drumPatternOf(nf::readMidiFile(dir.file("cont.mid")).score,
                                                        g.stepsPerQuarter == 3 ? nf::DrumGrid::Triplets : nf::DrumGrid::Sixteenths);
    ASSERT_GE(continued.bars.size(), 2u);
    EXPECT_EQ(continued.bars[0].steps, last->steps) << "the file's last whole bar comes first";
}

TEST(CliDrumGanBand, RefusesConditionsTheModelCannotTake) {
    nf::test::TempDir dir("drum-gan-band-errors");
    const CliRun paper = cli(dir, {"train", "--model", "paper-drums-gan", "--follow-band", "--data", bandFolder(), "--out", dir.file("x.nfm")});
    EXPECT_EQ(paper.code, 2);
    EXPECT_NE(paper.err.find("--gan-generator lstm"), std::string::npos) << paper.err;
    const CliRun primerForDrums = cli(dir, {"train", "--model", "drums", "--gan-primer", "--data", bandFolder(), "--out", dir.file("y.nfm")});
    EXPECT_EQ(primerForDrums.code, 2);
    EXPECT_NE(primerForDrums.err.find("--gan-primer starts a new --model paper-drums-gan run"), std::string::npos) << primerForDrums.err;
    const std::string drums = (fs::path(NF_TEST_DATA_DIR) / "models" / "drums-lstm-0.1.0.nfm").string();
    const std::string file = (fs::path(bandFolder()) / "BeginnerCourse-02-ChordOfCMajor.mid").string();
    const CliRun cont = cli(dir, {"generate", "--model", drums, "--primer", file, "--bars", "2", "--out", dir.file("z.mid")});
    EXPECT_EQ(cont.code, 2);
    EXPECT_NE(cont.err.find("only a drum GAN trained with --gan-primer continues a bar"), std::string::npos) << cont.err;
}

#endif
