// SPDX-License-Identifier: GPL-3.0-or-later
// Live playback through a real JACK server (dummy backend, 256-frame buffers): every event of a dense score reaches
// the synth in order; transport, loop, tempo and audition behave. Runs under ctest's audio_jack fixture.
#include <gtest/gtest.h>
#include <fluidsynth.h>

#include <chrono>
#include <filesystem>

#include "AudioTestSupport.h"
#include "JackTestSupport.h"
#include "audio/AudioError.h"
#include "audio/LivePlayer.h"
#include "audio/Sf2Writer.h"

namespace nf {
namespace {

std::unique_ptr<LivePlayer> jackPlayer(PlaybackLog* log = nullptr) {
    SynthOptions o;
    o.audioDriver = "jack";
    o.periodSize = 256;
    auto p = std::make_unique<LivePlayer>(o);
    p->synth().loadSoundfont(test::chipSoundfont());
    p->setEventLog(log);
    p->start();
    return p;
}

// Frames of audio the driver asked for since `from`, in seconds: the audio-thread clock tests wait on.
double audioSecondsSince(const LivePlayer& p, std::int64_t from) {
    return double(p.framesRendered() - from) / p.sampleRate();
}

// Changing the soundfont while playing: the sound goes on while the new one loads (the audio thread keeps
// rendering: it never waits on the loading), every note of the score still arrives, and the rest plays through the
// new soundfont with the programs in force.
TEST(JackPlayback, SoundfontChangesWhilePlayingWithoutStoppingTheSound) {
    if (!test::jackReady()) GTEST_SKIP() << "no JACK server (ctest's audio_jack fixture starts one)";
    // A soundfont heavier than a real General MIDI one (96 MiB of samples; every program and the drum kit), so
    // that loading it takes many audio buffers even from the page cache of a fast machine (64 MiB loaded in 46 ms,
    // under the 50 ms this test once asked for, on a new machine on 6 Dec 2026).
    test::TempDir dir("swap-sf");
    const std::string next = (dir.path() / "heavy.sf2").string();
    {
        Sf2Bank bank;
        bank.name = "Heavy";
        Sf2Sample sample;
        sample.name = "long";
        sample.data.assign(48u << 20, 0);
        for (std::size_t i = 0; i < sample.data.size(); i += 64) sample.data[i] = static_cast<std::int16_t>(i % 20000);
        bank.samples.push_back(std::move(sample));
        bank.instruments.push_back({"Long", {Sf2Zone{}}});
        for (int program = 0; program < 128; ++program)
            bank.presets.push_back({std::string("P").append(std::to_string(program)), 0, program, {Sf2Zone{}}});
        bank.presets.push_back({"Kit", 128, 0, {Sf2Zone{}}});
        writeSf2File(bank, next);
    }
    const Score score = test::denseScore(600, 6);
    PlaybackLog log(4000);
    auto player = jackPlayer(&log);
    player->setScore(score);
    player->play();
    const std::int64_t start = player->framesRendered();
    ASSERT_TRUE(test::waitFor([&] { return audioSecondsSince(*player, start) > 1.5; }, 20));

    const std::int64_t framesBefore = player->framesRendered();
    const auto t0 = std::chrono::steady_clock::now();
    player->replaceSoundfont(next);
    const double loadSeconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - t0).count();
    const std::int64_t framesDuring = player->framesRendered() - framesBefore;
    // A load long enough to span several buffers must not have held the audio thread back (the old way, loading
    // into the live synth under its lock, rendered nothing until the file was read: one period at most, the one
    // under way when the load began). 40 ms is eight of the JACK fixture's 256-frame periods at 48 kHz
    // (tests/audio/jack_fixture.sh); more than two must have been rendered. Not more: on 2 busy cores (a compile
    // beside the tests) the dummy driver itself fell behind, 4 periods in a 55 ms load, on 6 Dec 2026.
    EXPECT_GT(loadSeconds, 0.04) << "the soundfont loaded too fast to tell";
    if (loadSeconds > 0.04) {
        EXPECT_GT(framesDuring, 2 * 256) << "no audio for " << loadSeconds << " s while " << next << " loaded";
    }
    ASSERT_TRUE(player->synth().soundfont().has_value());
    EXPECT_EQ(player->synth().soundfont()->path, next);

    ASSERT_TRUE(test::waitFor([&] { return player->finished(); }, 60)) << "playback did not finish";
    std::size_t noteOns = 0;
    for (std::size_t i = 0; i < log.count(); ++i)
        if (log[i].event.type == MidiEvent::NoteOn) {
            ++noteOns;
            EXPECT_EQ(log[i].result, FLUID_OK) << "note-on " << i << " refused";
        }
    EXPECT_EQ(noteOns, 600u);
    EXPECT_EQ(player->droppedCommands(), 0u);
}

TEST(JackPlayback, DenseScoreArrivesCompleteAndInOrder) {
    if (!test::jackReady()) GTEST_SKIP() << "no JACK server (ctest's audio_jack fixture starts one)";
    const Score score = test::denseScore(3000, 20);
    PlaybackLog log(20000);
    auto player = jackPlayer(&log);
    EXPECT_EQ(player->driverName(), "jack");
    player->setScore(score);
    player->play();

    // Poll the position as the UI would (well over 30 times a second); it only moves forward.
    double last = 0;
    int reads = 0;
    bool monotonic = true;
    ASSERT_TRUE(test::waitFor(
        [&] {
            const double pos = player->positionSeconds();
            monotonic &= pos >= last;
            last = pos;
            ++reads;
            return player->finished();
        },
        120))
        << "playback did not finish";
    EXPECT_TRUE(monotonic);
    EXPECT_GE(last, 20.0 - 0.5);
    EXPECT_GT(reads, 30 * 15);

    std::vector<MidiEvent> expected;
    const EventSchedule schedule(score);
    for (const auto& e : schedule.events())
        if (e.event.type == MidiEvent::NoteOn || e.event.type == MidiEvent::NoteOff) expected.push_back(e.event);
    std::vector<MidiEvent> arrived;
    for (std::size_t i = 0; i < log.count(); ++i) {
        const auto& entry = log[i];
        if (entry.event.type == MidiEvent::NoteOn) {
            EXPECT_EQ(entry.result, FLUID_OK) << "note-on " << i << " refused";
        }
        if (entry.event.type == MidiEvent::NoteOn || entry.event.type == MidiEvent::NoteOff)
            arrived.push_back(entry.event);
    }
    EXPECT_EQ(log.dropped(), 0u);
    EXPECT_EQ(player->droppedCommands(), 0u);
    ASSERT_EQ(arrived.size(), expected.size());
    EXPECT_EQ(arrived.size(), 6000u);
    for (std::size_t i = 0; i < expected.size(); ++i) ASSERT_EQ(arrived[i], expected[i]) << "event " << i;
    // Each event went out no earlier than it was due, and frames only move forward.
    for (std::size_t i = 1; i < log.count(); ++i) EXPECT_GE(log[i].frame, log[i - 1].frame);
}

TEST(JackPlayback, LoopKeepsThePositionInsideTheRegion) {
    if (!test::jackReady()) GTEST_SKIP() << "no JACK server";
    const Score score = test::denseScore(400, 8);
    PlaybackLog log(20000);
    auto player = jackPlayer(&log);
    player->setScore(score);
    player->setLoop(2.0, 3.0);
    player->seek(2.0);
    player->play();
    ASSERT_TRUE(test::waitFor([&] { return player->state() == TransportState::Playing; }, 5));
    const std::int64_t start = player->framesRendered();
    bool inside = true;
    ASSERT_TRUE(test::waitFor(
        [&] {
            const double pos = player->positionSeconds();
            inside &= pos >= 2.0 - 1e-9 && pos <= 3.0 + 256.0 / 48000;
            return audioSecondsSince(*player, start) > 3.5;  // more than three passes
        },
        60));
    player->stop();
    EXPECT_TRUE(inside);
    EXPECT_FALSE(player->finished());
    std::size_t wraps = 0;
    for (std::size_t i = 0; i < log.count(); ++i) {
        EXPECT_GE(log[i].scheduledSeconds, 2.0 - 1e-9);
        EXPECT_LT(log[i].scheduledSeconds, 3.0);
        if (i > 0 && log[i].scheduledSeconds < log[i - 1].scheduledSeconds) ++wraps;
    }
    EXPECT_GE(wraps, 2u);
}

TEST(JackPlayback, PauseHoldsThePositionAndTempoScalesIt) {
    if (!test::jackReady()) GTEST_SKIP() << "no JACK server";
    auto player = jackPlayer();
    player->setScore(test::denseScore(300, 30));
    player->setTempoScale(2.0);
    player->play();
    ASSERT_TRUE(test::waitFor([&] { return player->positionSeconds() > 2.0; }, 30));
    player->pause();
    ASSERT_TRUE(test::waitFor([&] { return player->state() == TransportState::Paused; }, 5));
    const double held = player->positionSeconds();
    const std::int64_t frames = player->framesRendered();
    ASSERT_TRUE(test::waitFor([&] { return audioSecondsSince(*player, frames) > 0.5; }, 10));
    EXPECT_EQ(player->positionSeconds(), held);

    // At tempo x2 the score advances two seconds per second of audio, give or take a buffer at each end.
    const std::int64_t resumeFrames = player->framesRendered();
    player->play();
    ASSERT_TRUE(test::waitFor([&] { return audioSecondsSince(*player, resumeFrames) > 1.0; }, 10));
    player->pause();
    ASSERT_TRUE(test::waitFor([&] { return player->state() == TransportState::Paused; }, 5));
    const double advanced = player->positionSeconds() - held;
    const double audio = audioSecondsSince(*player, resumeFrames);
    EXPECT_NEAR(advanced, 2.0 * audio, 2.0 * 3 * 256.0 / 48000 + 0.05);

    player->stop();
    ASSERT_TRUE(test::waitFor([&] { return player->state() == TransportState::Stopped; }, 5));
    EXPECT_EQ(player->positionSeconds(), 0.0);
}

TEST(JackPlayback, AuditionSoundsWhileStopped) {
    if (!test::jackReady()) GTEST_SKIP() << "no JACK server";
    auto player = jackPlayer();
    EXPECT_EQ(player->synth().activeVoices(), 0);
    player->noteOn(0, 60, 100);
    player->noteOn(0, 64, 100);
    ASSERT_TRUE(test::waitFor([&] { return player->synth().activeVoices() >= 2; }, 5)) << "audition never sounded";
    player->allNotesOff();
    ASSERT_TRUE(test::waitFor([&] { return player->synth().activeVoices() == 0; }, 5)) << "notes hang";
}

TEST(JackPlayback, JackRateIsAdopted) {
    if (!test::jackReady()) GTEST_SKIP() << "no JACK server";
    auto player = jackPlayer();  // asked for 44.1 kHz; the fixture's server runs at 48 kHz
    EXPECT_EQ(player->sampleRate(), 48000);
    EXPECT_DOUBLE_EQ(player->synth().sampleRate(), 48000);
}

TEST(LivePlayer, MissingAudioDeviceIsAClearErrorAndNothingBreaks) {
    if (std::filesystem::exists("/dev/snd")) GTEST_SKIP() << "this machine has ALSA devices";
    SynthOptions o;
    o.audioDriver = "alsa";
    LivePlayer player(o);
    player.synth().loadSoundfont(test::chipSoundfont());
    try {
        player.start();
        FAIL() << "ALSA opened without /dev/snd";
    } catch (const AudioError& e) {
        const std::string msg = e.what();
        EXPECT_NE(msg.find("alsa"), std::string::npos) << msg;
        EXPECT_EQ(msg.find('\n'), std::string::npos) << msg;
    }
    EXPECT_FALSE(player.started());
    player.setScore(test::denseScore(50, 2));
    player.play();
    player.seek(1.0);
    EXPECT_DOUBLE_EQ(player.positionSeconds(), 1.0);
    player.stop();
    EXPECT_EQ(player.state(), TransportState::Stopped);
}

}  // namespace
}  // namespace nf
