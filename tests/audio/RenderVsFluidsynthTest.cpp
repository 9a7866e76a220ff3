// SPDX-License-Identifier: GPL-3.0-or-later
// NoteForge's offline render against fluidsynth's own CLI rendering the same MIDI file with the same soundfont,
// gain, reverb and chorus: same length within 0.5 s and 50 ms RMS envelopes correlated at 0.9 or more. Both outputs
// go through one tail rule (trailing silence below -80 dBFS removed), since the CLI keeps a fixed margin of silence.
#include <gtest/gtest.h>

#include <filesystem>

#include "AudioTestSupport.h"
#include "audio/AudioAnalysis.h"
#include "audio/AudioFileReader.h"
#include "audio/FluidsynthCli.h"
#include "audio/OfflineRenderer.h"
#include "audio/ScoreFile.h"

namespace nf {
namespace {

namespace fs = std::filesystem;

constexpr double kSilence = 1e-4;

void trimTrailingSilence(AudioBuffer& a) {
    std::int64_t frames = a.frames();
    while (frames > 0) {
        bool loud = false;
        for (int c = 0; c < a.channels; ++c) loud |= std::abs(a.samples[(frames - 1) * a.channels + c]) >= kSilence;
        if (loud) break;
        --frames;
    }
    a.samples.resize(static_cast<std::size_t>(frames * a.channels));
}


class RenderVsFluidsynth : public ::testing::TestWithParam<std::string> {};

void compare(const std::string& midi, const std::string& sf2, const SynthOptions& synth, const std::string& tag) {
    test::TempDir dir("vs-cli-" + tag);
    const std::string cliWav = dir.file("cli.wav");
    const FluidsynthCliRun run = runFluidsynthCli(midi, sf2, cliWav, synth);
    ASSERT_EQ(run.exitCode, 0) << "fluidsynth failed on " << midi;
    AudioBuffer theirs = readAudioFile(cliWav);

    RenderOptions o;
    o.synth = synth;
    AudioBuffer ours = OfflineRenderer(sf2, o).render(loadScoreFile(midi).score);
    ASSERT_EQ(theirs.sampleRate, ours.sampleRate);
    trimTrailingSilence(theirs);
    trimTrailingSilence(ours);
    EXPECT_NEAR(ours.seconds(), theirs.seconds(), 0.5) << midi;
    const double r = correlation(rmsEnvelope(ours, 0.05), rmsEnvelope(theirs, 0.05));
    EXPECT_GE(r, 0.9) << midi << " (" << sf2 << ")";
    ::testing::Test::RecordProperty("correlation_" + tag, std::to_string(r));
}

TEST_P(RenderVsFluidsynth, SameLengthAndEnvelope) {
    if (findFluidsynthCli().empty()) GTEST_SKIP() << "fluidsynth CLI not installed";
    const std::string midi = std::string(NF_SOURCE_DIR) + "/resources/demo/midi/" + GetParam();
    if (!fs::exists(midi)) GTEST_SKIP() << midi << " missing";
    const std::string tag = fs::path(GetParam()).stem().string();
    const std::string gm = test::systemGmSoundfont();
    SynthOptions defaults;
    if (!gm.empty()) compare(midi, gm, defaults, tag + "-gm");
    SynthOptions dry;
    dry.sampleRate = 48000;
    dry.gain = 0.5;
    dry.reverb = false;
    dry.chorus = false;
    compare(midi, test::chipSoundfont(), dry, tag + "-chip");
}

INSTANTIATE_TEST_SUITE_P(DemoFiles, RenderVsFluidsynth,
                         ::testing::Values("pianobooster/BoosterMusic-06-Greensleeves.mid",
                                           "pianobooster/BeginnerCourse-04-ClairDeLaLune.mid",
                                           "abc2midi-nottingham/jigs100.mid"),
                         [](const auto& info) {
                             std::string n = fs::path(info.param).stem().string();
                             for (char& c : n)
                                 if (!std::isalnum(static_cast<unsigned char>(c))) c = '_';
                             return n;
                         });

}  // namespace
}  // namespace nf
