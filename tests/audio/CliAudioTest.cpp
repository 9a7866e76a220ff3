// SPDX-License-Identifier: GPL-3.0-or-later
// noteforge-cli's sound and MIDI subcommands, end to end: every output format checked against fluidsynth's CLI,
// soundfont/port listings as JSON, the render benchmark, and (under the JACK fixture) play, Ctrl+C and record.
#include <gtest/gtest.h>
#include <nlohmann/json.hpp>

#include <chrono>
#include <filesystem>
#include <thread>

#include "AudioTestSupport.h"
#include "CliProcess.h"
#include "JackTestSupport.h"
#include "audio/AudioAnalysis.h"
#include "audio/AudioFileReader.h"
#include "audio/FluidsynthCli.h"
#include "audio/MidiOutput.h"
#include "smf/MidiFileReader.h"

namespace nf {
namespace {

namespace fs = std::filesystem;

#ifdef NF_CLI_PATH
const std::string kCli = NF_CLI_PATH;
#else
const std::string kCli;
#endif

const std::string kDemoMidi = std::string(NF_SOURCE_DIR) + "/resources/demo/midi/pianobooster/BoosterMusic-04-FrereJacques.mid";

#define REQUIRE_CLI()                                                                  \
    if (kCli.empty() || !fs::exists(kCli)) GTEST_SKIP() << "noteforge-cli not built"; \
    if (!fs::exists(kDemoMidi)) GTEST_SKIP() << kDemoMidi << " missing"

double trimmedSeconds(AudioBuffer a) {
    std::int64_t f = a.frames();
    while (f > 0 && std::abs(a.samples[2 * (f - 1)]) < 1e-4 && std::abs(a.samples[2 * f - 1]) < 1e-4) --f;
    return double(f) / a.sampleRate;
}

TEST(CliRender, EveryFormatMatchesFluidsynthsOwnRendering) {
    REQUIRE_CLI();
    if (findFluidsynthCli().empty()) GTEST_SKIP() << "fluidsynth CLI not installed";
    test::TempDir dir("cli-render");
    const std::string sf2 = test::chipSoundfont();
    ASSERT_EQ(runFluidsynthCli(kDemoMidi, sf2, dir.file("ref.wav"), SynthOptions{}).exitCode, 0);
    const AudioBuffer ref = readAudioFile(dir.file("ref.wav"));
    const auto refEnv = rmsEnvelope(ref);
    struct Out { std::string name; std::vector<std::string> extra; };
    for (const Out& o : {Out{"a.wav", {}}, Out{"b.wav", {"--bits", "24"}}, Out{"c.wav", {"--bits", "32"}},
                         Out{"d.flac", {}}, Out{"e.ogg", {}}, Out{"f.mp3", {}}}) {
        std::vector<std::string> args = {kCli, "render", kDemoMidi, "--out", dir.file(o.name), "--soundfont", sf2, "-q"};
        args.insert(args.end(), o.extra.begin(), o.extra.end());
        std::string err;
        ASSERT_EQ(test::CliProcess::run(args, dir.file(o.name), nullptr, &err), 0) << o.name << ": " << err;
        const AudioBuffer got = readAudioFile(dir.file(o.name));
        EXPECT_EQ(got.sampleRate, 44100);
        EXPECT_NEAR(trimmedSeconds(got), trimmedSeconds(ref), 0.5) << o.name;
        EXPECT_GE(correlation(rmsEnvelope(got), refEnv), 0.9) << o.name;
    }
}

TEST(CliRender, NormaliseRateAndBadInputs) {
    REQUIRE_CLI();
    test::TempDir dir("cli-render2");
    const std::string out = dir.file("n.wav");
    ASSERT_EQ(test::CliProcess::run({kCli, "render", kDemoMidi, "--out", out, "--normalize", "--sample-rate", "48000",
                                     "--soundfont", test::chipSoundfont(), "-q"}, out), 0);
    const AudioBuffer a = readAudioFile(out);
    EXPECT_EQ(a.sampleRate, 48000);
    EXPECT_NEAR(peakLevel(a), 0.891, 0.01);
    // Not normalised: the line gives the peak, and a quiet file says how to raise it.
    std::string said;
    const std::string plain = dir.file("plain.wav");
    ASSERT_EQ(test::CliProcess::run({kCli, "render", kDemoMidi, "--out", plain, "--soundfont", test::chipSoundfont()}, plain + ".log",
                                    &said),
              0);
    const bool quiet = peakLevel(readAudioFile(plain)) < 0.25;  // -12 dBFS
    EXPECT_NE(said.find("dBFS"), std::string::npos) << said;
    EXPECT_EQ(said.find("--normalize raises it") != std::string::npos, quiet) << said;

    std::string err;
    EXPECT_EQ(test::CliProcess::run({kCli, "render", kDemoMidi, "--out", dir.file("x.xyz")}, dir.file("e1"), nullptr, &err), 2);
    EXPECT_NE(err.find("unknown audio format"), std::string::npos) << err;
    EXPECT_EQ(test::CliProcess::run({kCli, "render", kDemoMidi, "--out", dir.file("y.wav"), "--soundfont",
                                     dir.file("none.sf2")}, dir.file("e2"), nullptr, &err), 1);
    EXPECT_NE(err.find("none.sf2"), std::string::npos) << err;
    EXPECT_FALSE(fs::exists(dir.file("y.wav")));
}

TEST(CliSoundfonts, JsonListsPresetsAndTheDefaultRule) {
    REQUIRE_CLI();
    test::TempDir dir("cli-sf");
    std::string out;
    ASSERT_EQ(test::CliProcess::run({kCli, "soundfonts", "--json", "--dir", dir.path().string()}, dir.file("o"), &out), 0);
    const auto j = nlohmann::json::parse(out);
    EXPECT_EQ(j["default"]["reason"], "NoteForge's bundled chip soundfont");
    ASSERT_EQ(j["soundfonts"].size(), 1u);
    EXPECT_EQ(j["soundfonts"][0]["preset_count"], 129);
    EXPECT_EQ(j["soundfonts"][0]["presets"][0]["name"], "Chip Keys");
    EXPECT_TRUE(j["soundfonts"][0]["bundled"].get<bool>());
}

TEST(CliPorts, JsonDescribesMidiAndAudio) {
    REQUIRE_CLI();
    test::TempDir dir("cli-ports");
    std::string out;
    ASSERT_EQ(test::CliProcess::run({kCli, "ports", "--json"}, dir.file("o"), &out), 0);
    const auto j = nlohmann::json::parse(out);
    EXPECT_TRUE(j["midi"].contains("inputs"));
    EXPECT_TRUE(j["midi"].contains("outputs"));
    EXPECT_FALSE(j["audio"]["drivers"].empty());
}

TEST(CliBenchmark, RenderReportsBothRenderers) {
    REQUIRE_CLI();
    test::TempDir dir("cli-bench");
    std::string out;
    ASSERT_EQ(test::CliProcess::run({kCli, "benchmark", "render", kDemoMidi, "--repeats", "1", "--json"}, dir.file("o"), &out), 0);
    const auto j = nlohmann::json::parse(out);
    EXPECT_GT(j["noteforge"]["x_real_time"].get<double>(), 1.0);
    if (!findFluidsynthCli().empty()) {
        EXPECT_GT(j["fluidsynth_cli"]["x_real_time"].get<double>(), 1.0);
    }
    EXPECT_GT(j["piece_seconds"].get<double>(), 1.0);
}

TEST(CliJack, PlayRunsToTheEndThroughJack) {
    REQUIRE_CLI();
    if (!test::jackReady()) GTEST_SKIP() << "no JACK server";
    test::TempDir dir("cli-play");
    std::string out, err;
    const std::string shortFile = std::string(NF_SOURCE_DIR) + "/resources/demo/midi/abc2midi-nottingham/jigs100.mid";
    EXPECT_EQ(test::CliProcess::run({kCli, "play", shortFile, "--audio-driver", "jack", "--tempo", "4", "-q"},
                                    dir.file("p"), &out, &err), 0) << err;
}

TEST(CliJack, CtrlCStopsPlaybackCleanly) {
    REQUIRE_CLI();
    if (!test::jackReady()) GTEST_SKIP() << "no JACK server";
    test::TempDir dir("cli-sigint");
    test::CliProcess play({kCli, "play", kDemoMidi, "--audio-driver", "jack"}, dir.file("p"));
    ASSERT_TRUE(test::waitFor([&] { return play.out().find("playing") != std::string::npos; }, 30)) << play.err();
    std::this_thread::sleep_for(std::chrono::milliseconds(500));
    play.signal(SIGINT);
    EXPECT_EQ(play.wait(), 0) << play.err();
    EXPECT_NE(play.out().find("stopped"), std::string::npos);
}

TEST(CliJack, RecordWritesWhatAKeyboardPlayed) {
    REQUIRE_CLI();
    if (!test::jackReady()) GTEST_SKIP() << "no JACK server";
    test::TempDir dir("cli-record");
    const std::string mid = dir.file("take.mid");
    // A long take ended with Ctrl+C once the keys are played: a fixed short window could close before a slow start
    // (a loaded machine) had the port up and connected, and record nothing.
    test::CliProcess rec({kCli, "record", "--virtual", "nf-cli-keys", "--seconds", "120", "--out", mid, "--quantize",
                          "16", "--midi-backend", "jack"}, dir.file("r"));
    MidiOutput keyboard("jack", "NoteForge test keyboard");
    ASSERT_TRUE(test::waitFor([&] { return findMidiPort(keyboard.ports(), "nf-cli-keys") >= 0; }, 20))
        << rec.err() << test::jackDiagnostics();
    keyboard.open("nf-cli-keys");
    // JACK makes the new connection live at a later process cycle (late on a loaded machine): touch a harmless
    // control (all notes off on channel 16, not music) until the recorder says it hears the keyboard.
    const std::uint8_t allNotesOff16[] = {0xbf, 123, 0};
    ASSERT_TRUE(test::waitFor(
        [&] {
            keyboard.sendBytes(allNotesOff16, sizeof allNotesOff16);
            std::this_thread::sleep_for(std::chrono::milliseconds(50));
            return rec.err().find("receiving MIDI") != std::string::npos;
        },
        20))
        << rec.err() << test::jackDiagnostics();
    for (int key : {60, 62, 64, 65, 67}) {
        keyboard.send({MidiEvent::NoteOn, 0, static_cast<std::uint8_t>(key), 90, 0});
        std::this_thread::sleep_for(std::chrono::milliseconds(125));
        keyboard.send({MidiEvent::NoteOff, 0, static_cast<std::uint8_t>(key), 0, 0});
    }
    std::this_thread::sleep_for(std::chrono::milliseconds(500));  // the last note-off reaches the recorder
    rec.signal(SIGINT);
    ASSERT_EQ(rec.wait(), 0) << rec.err();
    const MidiReadResult back = readMidiFile(mid);
    std::vector<int> pitches;
    for (const auto& t : back.score.tracks)
        for (const auto& n : t.notes) pitches.push_back(n.pitch);
    EXPECT_EQ(pitches, (std::vector<int>{60, 62, 64, 65, 67})) << rec.out() << rec.err();
}

}  // namespace
}  // namespace nf
