// SPDX-License-Identifier: GPL-3.0-or-later
// MIDI I/O against a real JACK server (output through RtMidi's JACK API, recording through NoteForge's own JACK
// client, JackMidiInput): a known sequence sent to a virtual input arrives intact; a score played to a port is
// recorded back note for note; events of one period keep their frame offsets; stopping sends all-notes-off. Runs
// under the audio_jack fixture (see tests.cmake).
#include <gtest/gtest.h>

#include <algorithm>
#include <atomic>
#include <chrono>
#include <set>
#include <thread>
#include <vector>

#include <filesystem>

#include <signal.h>
#include <sys/wait.h>
#include <unistd.h>

#include "AudioTestSupport.h"
#include "JackMidiBurst.h"
#include "JackTestSupport.h"
#include "audio/JackProbe.h"
#include "audio/MidiBackend.h"
#include "audio/MidiOutPlayer.h"
#include "audio/MidiOutput.h"
#include "audio/MidiRecorder.h"

namespace nf {
namespace {

std::vector<std::vector<std::uint8_t>> knownSequence() {
    std::vector<std::vector<std::uint8_t>> seq;
    seq.push_back({0xc0, 19});        // program change
    seq.push_back({0xb0, 7, 100});    // volume
    seq.push_back({0xe1, 0x00, 0x50});  // pitch bend, channel 2
    for (int i = 0; i < 60; ++i) {
        const auto key = static_cast<std::uint8_t>(40 + i);
        const auto ch = static_cast<std::uint8_t>(i % 16);
        seq.push_back({static_cast<std::uint8_t>(0x90 | ch), key, static_cast<std::uint8_t>(1 + i * 2)});
        seq.push_back({static_cast<std::uint8_t>(0x80 | ch), key, 0});
    }
    seq.push_back({0xd3, 77});  // channel pressure
    return seq;
}

TEST(JackMidi, KnownSequenceReachesAVirtualInput) {
    if (!test::jackReady()) GTEST_SKIP() << "no JACK server (ctest's audio_jack fixture starts one)";
    MidiRecorder rec("jack", "NoteForge rec");
    rec.openVirtual("nf-test-in");
    MidiOutput out("jack", "NoteForge send");
    out.open("nf-test-in");
    ASSERT_TRUE(test::waitUntilConnectionLive(out, rec)) << test::jackDiagnostics();
    const auto seq = knownSequence();
    for (const auto& m : seq) out.sendBytes(m.data(), m.size());
    ASSERT_TRUE(test::waitFor(
        [&] {
            rec.poll();
            return rec.messages().size() >= seq.size();
        },
        20))
        << "received " << rec.messages().size() << " of " << seq.size();
    ASSERT_EQ(rec.messages().size(), seq.size());
    for (std::size_t i = 0; i < seq.size(); ++i) {
        const auto& got = rec.messages()[i];
        ASSERT_EQ(got.size, seq[i].size()) << "message " << i;
        for (std::size_t b = 0; b < seq[i].size(); ++b) EXPECT_EQ(got.bytes[b], seq[i][b]) << "message " << i;
        if (i > 0) {
            EXPECT_GE(got.seconds, rec.messages()[i - 1].seconds);
        }
    }
    EXPECT_EQ(rec.dropped(), 0u);
}

TEST(JackMidi, ScorePlayedToAPortIsRecordedBack) {
    if (!test::jackReady()) GTEST_SKIP() << "no JACK server";
    Score score(480);
    Track t;
    t.program = 33;
    score.tracks.push_back(t);
    for (int i = 0; i < 24; ++i) score.addNote(0, Note{0, 48 + i, 30 + 4 * i, i * 120, 100});  // 16ths at 120 BPM
    score.normalize();

    MidiRecorder rec("jack", "NoteForge rec");
    rec.openVirtual("nf-play-in");
    {
        auto out = std::make_unique<MidiOutput>("jack", "NoteForge play");
        out->open("nf-play-in");
        ASSERT_TRUE(test::waitUntilConnectionLive(*out, rec)) << test::jackDiagnostics();
        MidiOutPlayer player(std::move(out));
        player.setScore(score);
        player.play();
        ASSERT_TRUE(test::waitFor([&] { return player.finished(); }, 30));
    }  // destroying the player sends all-notes-off
    ASSERT_TRUE(test::waitFor(
        [&] {
            rec.poll();
            return rec.messages().size() >= 1 + 48 + 48;
        },
        20))
        << "received " << rec.messages().size() << " messages, dropped " << rec.dropped() << ": "
        << test::describe(rec.messages());
    RecordOptions ro;
    ro.quantize = 120;  // the score's own grid absorbs JACK period jitter
    const Score back = rec.toScore(ro);
    ASSERT_EQ(back.tracks.size(), 1u);
    EXPECT_EQ(back.tracks[0].program, 33);
    ASSERT_EQ(back.tracks[0].notes.size(), 24u);
    for (int i = 0; i < 24; ++i) {
        EXPECT_EQ(back.tracks[0].notes[i].pitch, 48 + i);
        EXPECT_EQ(back.tracks[0].notes[i].velocity, 30 + 4 * i);
        EXPECT_EQ(back.tracks[0].notes[i].start, i * 120) << "note " << i;
    }
    int allNotesOff = 0;
    for (const auto& m : rec.messages())
        if ((m.bytes[0] & 0xf0) == 0xb0 && m.bytes[1] == 123) ++allNotesOff;
    EXPECT_GE(allNotesOff, 16) << "all-notes-off on every channel when playback ends";
}

// A keyboard's driver hands JACK several events inside one period, each at its own frame. The recorder must keep
// those frames: RtMidi 5.0's JACK input stamped every event with the time its process callback ran, so events of
// one period got one time, and a callback that ran late (a loaded machine) stamped them late: a note-on could land
// on its own note-off's grid step.
TEST(JackMidi, EventsInOnePeriodKeepTheirFrameOffsets) {
    if (!test::jackReady()) GTEST_SKIP() << "no JACK server";
    test::JackMidiBurst keys("NoteForge test burst", "nf-burst-out");
    MidiRecorder rec("jack", "NoteForge rec");
    rec.open("nf-burst-out");
    keys.setPinging(true);
    ASSERT_TRUE(test::waitFor(
        [&] {
            rec.poll();
            return !rec.messages().empty();
        },
        20));
    keys.setPinging(false);
    std::this_thread::sleep_for(std::chrono::milliseconds(200));
    rec.clear();

    const std::uint32_t n = keys.bufferSize();
    ASSERT_GE(n, 16u);
    const double frame = 1.0 / keys.sampleRate();
    using Event = test::JackMidiBurst::Event;
    for (int round = 0; round < 3; ++round) {
        const auto key = static_cast<std::uint8_t>(60 + 2 * round);
        const auto next = static_cast<std::uint8_t>(key + 1);
        const Event burst[] = {{1, {0x90, key, 100}}, {n / 2, {0x80, key, 0}}, {n - 2, {0x90, next, 90}}};
        ASSERT_TRUE(keys.sendInOnePeriod(burst, 3)) << "round " << round;
        ASSERT_TRUE(test::waitFor(
            [&] {
                rec.poll();
                return rec.messages().size() >= 3;
            },
            10))
            << "round " << round << ": " << test::describe(rec.messages());
        const auto& take = rec.messages();
        ASSERT_EQ(take.size(), 3u) << test::describe(take);
        for (int i = 1; i < 3; ++i)
            EXPECT_NEAR(take[i].seconds - take[0].seconds, (burst[i].offset - burst[0].offset) * frame, frame)
                << "round " << round << ", event " << i << ": " << test::describe(take);
        rec.clear();
    }
}

// Closing a port sends all-notes-off on every channel; it must reach the receiving synth, or notes hang there.
// RtMidi's JACK close could unregister the port with those messages still queued (see MidiOutput.cpp).
TEST(JackMidi, AClosingPortsAllNotesOffArrives) {
    if (!test::jackReady()) GTEST_SKIP() << "no JACK server";
    MidiRecorder rec("jack", "NoteForge rec");
    rec.openVirtual("nf-close-in");
    // The lost close shows on a loaded machine (JACK's threads preempted mid-cycle): with three busy loops beside it
    // on two cores the old close failed every run (5 of 5), this one passes. The test adds no load itself: a
    // non-realtime JACK server starved of every core skips whole periods (an xrun), and MIDI lost in an xrun is
    // JACK's behaviour, not the close's ("received 0 of 49" whatever the close does).
    // A round that lost MIDI while the server reported xruns is run again (at most 8 times in all): MIDI sent in a
    // skipped period is gone whatever the close does.
    int retries = 0;
    for (int round = 0; round < 16; ++round) {
        const std::size_t xrunsBefore = rec.inputXruns();
        {
            MidiOutput out("jack", "NoteForge close");
            out.open("nf-close-in");
            ASSERT_TRUE(test::waitUntilConnectionLive(out, rec)) << test::jackDiagnostics();
            const std::uint8_t noteOn[] = {0x90, 60, 100};
            out.sendBytes(noteOn, 3);
        }  // closes at once: note-on, then sustain off, all notes off and all sound off on 16 channels
        const bool all = test::waitFor(
            [&] {
                rec.poll();
                return rec.messages().size() >= 1 + 48;
            },
            5);
        if (!all && rec.inputXruns() > xrunsBefore && retries < 8) {
            ++retries;
            --round;
            rec.clear();
            continue;
        }
        ASSERT_TRUE(all) << "round " << round << ": received " << rec.messages().size() << " of 49 ("
                         << rec.inputXruns() - xrunsBefore << " xruns): " << test::describe(rec.messages())
                         << test::jackDiagnostics();
        // After the note-on, all notes off on each of the 16 channels. (Late copies of the handshake's all notes off
        // on channel 16 can arrive before the note-on on a loaded machine: they are not the close's.)
        const auto& take = rec.messages();
        const auto noteOn = std::find_if(take.begin(), take.end(), [](const RecordedMessage& m) {
            return m.size == 3 && m.bytes[0] == 0x90 && m.bytes[1] == 60;
        });
        ASSERT_NE(noteOn, take.end()) << "round " << round << ": " << test::describe(take);
        std::set<int> channels;
        for (auto it = noteOn; it != take.end(); ++it)
            if ((it->bytes[0] & 0xf0) == 0xb0 && it->bytes[1] == 123) channels.insert(it->bytes[0] & 0x0f);
        EXPECT_EQ(channels.size(), 16u) << "round " << round << ": " << test::describe(take);
        rec.clear();
    }
}

// A private server for a test that stops it: the shared one stays up for the others. JACK_DEFAULT_SERVER names it
// while the object lives.
class PrivateJackServer {
public:
    PrivateJackServer() : name_("nf-private-" + std::to_string(getpid())) {
        if (const char* env = std::getenv("JACK_DEFAULT_SERVER")) previous_ = env;
        pid_ = fork();
        if (pid_ == 0) {
            std::freopen("/dev/null", "w", stdout);
            std::freopen("/dev/null", "w", stderr);
            execlp("jackd", "jackd", "-r", "-n", name_.c_str(), "-d", "dummy", "-r", "48000", "-p", "256", nullptr);
            _exit(127);
        }
        setenv("JACK_DEFAULT_SERVER", name_.c_str(), 1);
    }
    ~PrivateJackServer() {
        stop();
        setenv("JACK_DEFAULT_SERVER", previous_.c_str(), 1);
    }
    bool started() const { return pid_ > 0 && test::waitFor([] { return jackServerRunning(); }, 20); }
    void stop() {
        if (pid_ <= 0) return;
        kill(pid_, SIGTERM);
        waitpid(pid_, nullptr, 0);
        pid_ = -1;
    }

private:
    std::string name_, previous_;
    pid_t pid_ = -1;
};

// A server that stops in the middle of a take (quit, crashed, or threw the client out) must not leave the recorder
// recording silence without a word: it says its input is lost (the CLI then ends the take with an error).
TEST(JackMidi, AServerThatStopsMidTakeLeavesTheRecorderSayingSo) {
    if (!test::jackReady()) GTEST_SKIP() << "no JACK server (ctest's audio_jack fixture starts one)";
    PrivateJackServer server;
    ASSERT_TRUE(server.started());
    MidiRecorder rec("jack", "NoteForge rec");
    rec.openVirtual("nf-lost-in");
    EXPECT_FALSE(rec.inputLost());
    server.stop();
    EXPECT_TRUE(test::waitFor([&] { return rec.inputLost(); }, 10));
}

TEST(JackMidi, PortsAreListedAndFoundByName) {
    if (!test::jackReady()) GTEST_SKIP() << "no JACK server";
    MidiRecorder rec("jack", "NoteForge list test");
    rec.openVirtual("nf-listed-in");
    const MidiPortList list = listMidiPorts("jack");
    ASSERT_TRUE(list.backend.usable) << list.backend.note;
    EXPECT_GE(findMidiPort(list.outputs, "nf-listed-in"), 0);
    MidiOutput out("jack", "NoteForge list out");
    EXPECT_THROW(out.open("no-such-port-anywhere"), std::exception);
}

TEST(JackMidi, WithoutAlsaTheBackendFallsBackToJackAndSaysSo) {
    if (!test::jackReady()) GTEST_SKIP() << "no JACK server";
    if (std::filesystem::exists("/dev/snd/seq")) GTEST_SKIP() << "ALSA sequencer present";
    const MidiBackendChoice c = chooseMidiBackend();
    EXPECT_EQ(c.backend, MidiBackend::Jack);
    EXPECT_TRUE(c.usable);
    EXPECT_NE(c.note.find("ALSA sequencer not available"), std::string::npos) << c.note;
    EXPECT_NE(c.note.find("using JACK"), std::string::npos) << c.note;
}

TEST(MidiBackend, NoMidiSystemIsAClearError) {
    if (std::filesystem::exists("/dev/snd/seq") || test::jackReady()) GTEST_SKIP() << "a MIDI system is available";
    const MidiBackendChoice c = chooseMidiBackend();
    EXPECT_FALSE(c.usable);
    EXPECT_NE(c.note.find("no JACK server running"), std::string::npos) << c.note;
    EXPECT_THROW(MidiOutput{}, std::exception);
}

TEST(MidiRecorder, PairsNotesAndQuantises) {
    std::vector<RecordedMessage> take = {
        {0.000, {0x90, 60, 100}, 3}, {0.010, {0x90, 64, 90}, 3},  {0.240, {0x80, 60, 0}, 3},
        {0.260, {0x90, 64, 0}, 3},   {0.500, {0xb0, 64, 127}, 3}, {0.510, {0x99, 36, 120}, 3},
        {0.990, {0x90, 67, 70}, 3},  // still held when the take ends
    };
    RecordOptions o;
    o.quantize = 120;
    const Score s = MidiRecorder::toScore(take, o);
    ASSERT_EQ(s.tracks.size(), 2u);
    const Track& melody = s.tracks[0];
    ASSERT_EQ(melody.notes.size(), 3u);
    EXPECT_EQ(melody.notes[0].pitch, 60);
    EXPECT_EQ(melody.notes[0].start, 0);
    EXPECT_EQ(melody.notes[0].duration, 240);  // 0.24 s at 120 BPM = 230 ticks, snapped to 240
    EXPECT_EQ(melody.notes[1].pitch, 64);
    EXPECT_EQ(melody.notes[1].duration, 240);
    EXPECT_EQ(melody.notes[2].pitch, 67);
    EXPECT_EQ(melody.notes[2].duration, 120);  // closed at the last message, at least one grid step
    ASSERT_EQ(melody.controls.size(), 1u);
    EXPECT_EQ(melody.controls[0].number, 64);
    EXPECT_TRUE(s.tracks[1].isDrum);
    EXPECT_EQ(s.tracks[1].notes.size(), 1u);
}

}  // namespace
}  // namespace nf
