// SPDX-License-Identifier: GPL-3.0-or-later
// Playback from the studio through the real sound engine on a private JACK server (dummy backend): ctest's
// audio_jack fixture starts it; run alone, these tests skip unless a JACK server is up.
#ifdef NF_HAVE_AUDIO

#include <QAction>
#include <QSignalSpy>
#include <QTemporaryDir>

#include <algorithm>
#include <cmath>
#include <cstdio>
#include <limits>
#include <set>
#include <utility>
#include <vector>

#include <gtest/gtest.h>

#include "MainWindow.h"
#include "studio/StudioActions.h"
#include "JackLevelMeter.h"
#include "UiTestUtil.h"
#include "audio/AudioAnalysis.h"
#include "audio/AudioFileReader.h"
#include "audio/JackProbe.h"
#include "audio/MidiEvent.h"
#include "audio/MidiOutput.h"
#include "document/ScoreDocument.h"
#include "pianoroll/PianoRollView.h"
#include "sound/AudioExporter.h"
#include "sound/MidiRecordController.h"
#include "sound/PlaybackController.h"
#include "sound/StudioPhraseRecorder.h"
#include "sound/StudioSound.h"
#include "widgets/MessageBar.h"

namespace nf {

TEST(JackPlayback, PlaysPausesAndStopsWithAMovingPosition) {
    if (!jackServerRunning()) GTEST_SKIP() << "no JACK server (run through ctest's audio_jack fixture)";
    ScoreDocument doc;
    doc.setScore(uitest::demoScore(), "play");
    PlaybackController playback(&doc);
    QSignalSpy errors(&playback, &PlaybackController::error);
    Tick last = -1;
    QObject::connect(&playback, &PlaybackController::positionChanged, [&](Tick t) { last = t; });
    playback.play();
    ASSERT_EQ(errors.count(), 0) << errors.first().at(0).toString().toStdString();
    ASSERT_TRUE(playback.isPlaying());
    const Tick beat = doc.score().ppq();
    ASSERT_TRUE(uitest::waitFor([&] { return last > beat; }, 20000)) << "the position did not advance";
    playback.pause();
    EXPECT_FALSE(playback.isPlaying());
    QTest::qWait(100);  // the pause reaches the audio thread with its next buffer
    const double paused = playback.positionSeconds();
    QTest::qWait(200);
    EXPECT_DOUBLE_EQ(playback.positionSeconds(), paused);
    // Resume carries on from where it paused.
    playback.play();
    ASSERT_TRUE(uitest::waitFor([&] { return playback.positionSeconds() > paused; }, 20000));
    playback.stop();
    EXPECT_FALSE(playback.isPlaying());
    EXPECT_EQ(last, 0);  // stop returns the playhead to where playback started
}

namespace {
bool connectedToSpeakers(const std::vector<std::pair<std::string, std::string>>& wiring) {
    return std::any_of(wiring.begin(), wiring.end(), [](const auto& c) { return c.second.rfind("system:playback_", 0) == 0; });
}

// The first two bars of a real multi-track piece: short enough to play in real time.
Score openingBars() {
    Score s = uitest::demoScore();
    const Tick end = 2 * s.ticksPerBar(0);
    for (Track& t : s.tracks) std::erase_if(t.notes, [end](const Note& n) { return n.start >= end; });
    return s;
}
}  // namespace

// A JACK user hears the studio without wiring anything: after Play, the synthesizer's outputs (a client called
// NoteForge) are connected to the physical outputs.
TEST(JackPlayback, TheSynthIsConnectedToTheSpeakersAndCalledNoteForge) {
    if (!jackServerRunning()) GTEST_SKIP() << "no JACK server (run through ctest's audio_jack fixture)";
    ScoreDocument doc;
    doc.setScore(uitest::demoScore(), "wired");
    PlaybackController playback(&doc);
    playback.setAudioDriver("jack");
    QSignalSpy errors(&playback, &PlaybackController::error);
    playback.play();
    ASSERT_EQ(errors.count(), 0) << errors.first().at(0).toString().toStdString();
    std::vector<std::pair<std::string, std::string>> wiring;
    EXPECT_TRUE(uitest::waitFor([&] { return connectedToSpeakers(wiring = jackOutputConnections("NoteForge")); }, 20000))
        << "no output of a client named NoteForge reaches system:playback (" << wiring.size() << " connections)";
    playback.stop();
    EXPECT_EQ(PlaybackController(&doc).audioDriver(), "jack") << "the driver choice is remembered";
    playback.setAudioDriver({});
}

// What is heard is what is exported: the studio's live output and File > Export Audio (not normalised) of the same
// passage peak within 1 dB of each other.
TEST(JackPlayback, LivePlaybackIsAsLoudAsTheExportedAudio) {
    if (!jackServerRunning()) GTEST_SKIP() << "no JACK server (run through ctest's audio_jack fixture)";
    const Score passage = openingBars();
    ASSERT_GT(passage.noteCount(), 0u);

    QTemporaryDir dir;
    const QString wav = dir.filePath("passage.wav");
    AudioExporter exporter;
    QSignalSpy finished(&exporter, &AudioExporter::finished);
    exporter.start(passage, wav, QString(), Mix{});
    ASSERT_TRUE(uitest::waitFor([&] { return finished.count() == 1; }, 120000));
    ASSERT_TRUE(finished.first().at(1).toBool()) << finished.first().at(2).toString().toStdString();
    const double exported = peakLevel(readAudioFile(wav.toStdString()));
    ASSERT_GT(exported, 0.0);

    ScoreDocument doc;
    doc.setScore(passage, "passage");
    PlaybackController playback(&doc);
    playback.setAudioDriver("jack");
    uitest::JackLevelMeter meter;
    ASSERT_TRUE(meter.isOpen());
    playback.play();  // opens the synthesizer's client, so the meter can be wired to it
    playback.stop();
    ASSERT_GT(meter.listenTo("NoteForge"), 0) << "no NoteForge outputs to listen to";
    const auto heard = meter.framesHeard();
    ASSERT_TRUE(uitest::waitFor([&] { return meter.framesHeard() > heard + 4096; }, 20000));
    meter.reset();
    playback.seekTick(0);
    playback.play();
    // To the end of the passage and its release tail.
    const double length = passage.durationSeconds() + 1.5;
    ASSERT_TRUE(uitest::waitFor([&] { return playback.positionSeconds() >= length || !playback.isPlaying(); }, 60000));
    QTest::qWait(300);
    playback.stop();
    playback.setAudioDriver({});
    const double live = meter.peak();
    ASSERT_GT(live, 0.0) << "nothing was heard";
    const double differenceDb = 20 * std::log10(live / exported);
    std::printf("[ level ] live peak %.4f, exported peak %.4f: %+.2f dB\n", live, exported, differenceDb);
    EXPECT_LT(std::abs(differenceDb), 1.0) << "live " << live << " vs exported " << exported;
}

TEST(JackPlayback, ThePlayActionMovesThePianoRollPlayhead) {
    if (!jackServerRunning()) GTEST_SKIP() << "no JACK server (run through ctest's audio_jack fixture)";
    MainWindow w;
    w.show();
    bool ready = false;
    QObject::connect(&w, &MainWindow::datasetReady, [&] { ready = true; });
    w.openInitial(uitest::demoDir());
    ASSERT_TRUE(uitest::waitFor([&] { return ready; }));
    ASSERT_NE(w.module<StudioSound>(), nullptr);
    w.pianoRoll()->setPlayhead(w.document()->score().ppq() * 4);  // start at beat 5
    w.actions()->play->trigger();
    ASSERT_TRUE(w.module<StudioSound>()->playback()->isPlaying());
    ASSERT_TRUE(uitest::waitFor([&] { return w.pianoRoll()->playhead() > w.document()->score().ppq() * 5; }, 20000));
    w.actions()->play->trigger();  // Space again pauses
    EXPECT_FALSE(w.module<StudioSound>()->playback()->isPlaying());
    // Muting every track while paused and auditioning a key must not disturb anything.
    w.module<StudioSound>()->playback()->setTrackMute(0, true);
    w.module<StudioSound>()->playback()->auditionOn(60);
    w.module<StudioSound>()->playback()->auditionOff(60);
    w.actions()->stop->trigger();
}

TEST(JackPlayback, RecordsAPhraseFromAMidiKeyboard) {
    if (!jackServerRunning()) GTEST_SKIP() << "no JACK server (run through ctest's audio_jack fixture)";
    MidiRecordController recorder;
    std::vector<std::pair<int, int>> heard;  // what the monitor passed on to the synth: (pitch, velocity)
    recorder.setMonitor([&heard](int pitch, int velocity, double) { heard.emplace_back(pitch, velocity); });
    ASSERT_EQ(recorder.startVirtual("nf-ui-keyboard", "jack"), "nf-ui-keyboard");
    MidiOutput keyboard("jack", "NoteForge test keyboard");
    keyboard.open("nf-ui-keyboard");
    QTest::qWait(500);  // JACK makes the new connection live a few periods later (late on a loaded machine)
    // C E G played one after another, each held briefly.
    for (int pitch : {60, 64, 67}) {
        keyboard.send({MidiEvent::NoteOn, 0, static_cast<std::uint8_t>(pitch), 90, 0});
        QTest::qWait(60);
        keyboard.send({MidiEvent::NoteOff, 0, static_cast<std::uint8_t>(pitch), 0, 0});
    }
    ASSERT_TRUE(uitest::waitFor([&] { return recorder.messageCount() >= 6; }, 20000))
        << "received " << recorder.messageCount() << " of 6 messages";
    const std::vector<std::pair<int, int>> monitored{{60, 90}, {60, 0}, {64, 90}, {64, 0}, {67, 90}, {67, 0}};
    EXPECT_EQ(heard, monitored) << "the keyboard is heard while recording";
    const Score phrase = recorder.stop(120, false);
    EXPECT_FALSE(recorder.isRecording());
    ASSERT_EQ(phrase.noteCount(), 3u);
    std::vector<int> pitches;
    for (const Note& n : phrase.tracks.at(0).notes) pitches.push_back(n.pitch);
    EXPECT_EQ(pitches, (std::vector<int>{60, 64, 67}));
    EXPECT_EQ(phrase.tracks[0].notes[0].start, 0);  // the take starts at its first message
    EXPECT_LT(phrase.tracks[0].notes[0].start, phrase.tracks[0].notes[1].start);
}

// Record Phrase in the studio: the keyboard is the MIDI input there is, opened without freezing the window; what is
// played is heard, and Stop puts the phrase into the editor, selected for Generate to continue.
TEST(JackPlayback, RecordPhraseInTheStudioPutsThePhraseInTheEditor) {
    if (!jackServerRunning()) GTEST_SKIP() << "no JACK server (run through ctest's audio_jack fixture)";
    MainWindow w;
    w.show();
    ASSERT_TRUE(QTest::qWaitForWindowExposed(&w));
    MidiOutput keyboard("jack", "NoteForge test phrase keyboard");
    keyboard.openVirtual("phrase-keys");
    auto* module = w.module<StudioPhraseRecorder>();
    module->record();
    ASSERT_NE(module->recorder(), nullptr);
    auto* bar = w.findChild<MessageBar*>();
    ASSERT_TRUE(uitest::waitFor([&] { return module->recorder()->isRecording(); }, 30000)) << bar->text().toStdString();
    EXPECT_TRUE(bar->text().contains("phrase-keys")) << bar->text().toStdString();
    QTest::qWait(500);  // JACK makes the connection live a few periods later
    for (int pitch : {67, 71, 74}) {
        keyboard.send({MidiEvent::NoteOn, 0, static_cast<std::uint8_t>(pitch), 80, 0});
        QTest::qWait(80);
        keyboard.send({MidiEvent::NoteOff, 0, static_cast<std::uint8_t>(pitch), 0, 0});
    }
    ASSERT_TRUE(uitest::waitFor([&] { return module->recorder()->messageCount() >= 6; }, 20000));
    bar->answer(true);  // Stop
    EXPECT_FALSE(module->recorder()->isRecording());
    std::vector<int> pitches;
    for (const Track& t : w.document()->score().tracks)
        for (const Note& n : t.notes) pitches.push_back(n.pitch);
    EXPECT_EQ(pitches, (std::vector<int>{67, 71, 74}));
}

// Transport > Output: the piece goes to an external MIDI port (here a port NoteForge's own recorder offers, as a
// hardware synth or a DAW would), and back to the internal synth.
TEST(JackPlayback, PlaysToAnExternalMidiPort) {
    if (!jackServerRunning()) GTEST_SKIP() << "no JACK server (run through ctest's audio_jack fixture)";
    MidiRecordController synth;
    ASSERT_EQ(synth.startVirtual("nf-ui-synth", "jack"), "nf-ui-synth");
    ScoreDocument doc;
    doc.setScore(uitest::demoScore(), "to a port");
    PlaybackController playback(&doc);
    QSignalSpy errors(&playback, &PlaybackController::error);
    QSignalSpy changed(&playback, &PlaybackController::outputChanged);
    playback.setOutputPort("nf-ui-synth", "jack");
    EXPECT_EQ(changed.count(), 1);
    EXPECT_EQ(playback.outputPort(), "nf-ui-synth");
    playback.play();
    ASSERT_EQ(errors.count(), 0) << errors.first().at(0).toString().toStdString();
    EXPECT_TRUE(playback.usesExternalOutput());
    ASSERT_TRUE(uitest::waitFor([&] { return synth.messageCount() >= 4; }, 20000))
        << "the port received " << synth.messageCount() << " messages";
    playback.stop();
    const Score heard = synth.stop(120, false);
    ASSERT_GT(heard.noteCount(), 0u);
    // The first notes the port heard are the piece's first notes.
    Tick opening = std::numeric_limits<Tick>::max();
    for (const Track& t : doc.score().tracks)
        for (const Note& n : t.notes) opening = std::min(opening, n.start);
    std::multiset<int> first;
    for (const Track& t : doc.score().tracks)
        for (const Note& n : t.notes)
            if (n.start == opening) first.insert(n.pitch);
    bool found = false;
    for (const Track& t : heard.tracks)
        for (const Note& n : t.notes) found = found || first.count(n.pitch) > 0;
    EXPECT_TRUE(found) << "none of the piece's opening pitches reached the port";
    // The choice is remembered for the next session; empty goes back to the internal synthesizer.
    EXPECT_EQ(PlaybackController(&doc).outputPort(), "nf-ui-synth");
    playback.setOutputPort({});
    EXPECT_FALSE(playback.usesExternalOutput());
    EXPECT_EQ(PlaybackController(&doc).outputPort(), QString());
}

}  // namespace nf

#endif  // NF_HAVE_AUDIO
