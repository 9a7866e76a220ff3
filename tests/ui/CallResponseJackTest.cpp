// SPDX-License-Identifier: GPL-3.0-or-later
// Call and response against a real JACK server: a phrase played into NoteForge's MIDI input is heard on the
// keyboard's channel, ends after the silence, and is answered by the remi model from the next downbeat; the click
// and the answer play through the studio's synthesizer, and the take holds the phrase and the answer. Runs under
// ctest's audio_jack fixture with the other JackPlayback tests.
#ifdef NF_HAVE_AUDIO

#include <QAction>
#include <QSettings>
#include <QSignalSpy>
#include <QTest>

#include <cstdio>
#include <filesystem>
#include <vector>

#include <gtest/gtest.h>

#include "MainWindow.h"
#include "UiTestUtil.h"
#include "audio/JackProbe.h"
#include "audio/MidiEvent.h"
#include "audio/MidiOutput.h"
#include "document/ScoreDocument.h"
#include "sound/CallResponseController.h"
#include "generation/GenerationPanel.h"
#include "smf/MidiFileReader.h"
#include "sound/PlaybackController.h"
#include "sound/StudioCallResponse.h"
#include "sound/StudioSound.h"
#include "studio/StudioActions.h"
#include "widgets/MessageBar.h"

namespace nf {

namespace {
const std::filesystem::path kRemiModel = std::filesystem::path(NF_TEST_DATA_DIR) / "models" / "remi-lstm-0.1.0.nfm";
const std::filesystem::path kPaperModel = std::filesystem::path(NF_TEST_DATA_DIR) / "models" / "paper-abc-0.1.0.nfm";
}  // namespace

TEST(JackPlayback, CallAndResponseAnswersAPhraseFromTheNextDownbeat) {
    if (!jackServerRunning()) GTEST_SKIP() << "no JACK server (run through ctest's audio_jack fixture)";
    ScoreDocument doc;
    PlaybackController playback(&doc);
    playback.setAudioDriver("jack");
    CallResponseController jam;
    jam.setSeed(12);
    JamOptions options;
    options.clock.bpm = 240;  // a bar is one second
    options.silenceBars = 0.5;
    options.answerBars = 2;
    std::vector<std::array<int, 3>> heard;  // (channel, pitch, velocity) passed on to be heard
    QObject::connect(&jam, &CallResponseController::notePlayed, [&](int ch, int pitch, int vel) {
        heard.push_back({ch, pitch, vel});
        playback.playNote(ch, pitch, vel);
    });
    Score played;
    QObject::connect(&jam, &CallResponseController::playingChanged, [&](const Score& score) {
        played = score;
        playback.preview(score, 0, 0);
    });
    std::vector<JamAnswer> answers;
    QObject::connect(&jam, &CallResponseController::answered, [&](const JamAnswer& a) { answers.push_back(a); });
    QSignalSpy phrases(&jam, &CallResponseController::phraseHeard);
    QSignalSpy started(&jam, &CallResponseController::started);
    QSignalSpy errors(&playback, &PlaybackController::error);

    jam.start(QString::fromStdString(kRemiModel.string()), options, "nf-ui-jam", "jack", true);
    EXPECT_FALSE(jam.isRunning()) << "the model and the port open on a worker";
    ASSERT_TRUE(uitest::waitFor([&] { return started.count() == 1; }, 30000));
    EXPECT_EQ(started.first().at(0).toString(), "nf-ui-jam");
    playback.preview(jam.playing(), 0, 0);
    jam.begin([&] { return playback.positionSeconds(); });
    ASSERT_EQ(errors.count(), 0) << errors.first().at(0).toString().toStdString();
    ASSERT_TRUE(playback.isPreviewing());

    MidiOutput keyboard("jack", "NoteForge test jam keyboard");
    keyboard.open("nf-ui-jam");
    QTest::qWait(500);  // JACK makes the new connection live a few periods later
    const std::vector<int> phrase = {62, 66, 69, 74};
    for (int pitch : phrase) {
        keyboard.send({MidiEvent::NoteOn, 0, static_cast<std::uint8_t>(pitch), 90, 0});
        QTest::qWait(150);
        keyboard.send({MidiEvent::NoteOff, 0, static_cast<std::uint8_t>(pitch), 0, 0});
        QTest::qWait(100);
    }
    ASSERT_TRUE(uitest::waitFor([&] { return !answers.empty(); }, 30000)) << "no answer";
    ASSERT_EQ(phrases.count(), 1);
    EXPECT_EQ(phrases.first().at(0).toInt(), 4) << "four notes in the phrase";
    ASSERT_EQ(heard.size(), 8u) << "every key press and release is heard";
    for (const auto& h : heard) EXPECT_EQ(h[0], kJamCallChannel);

    const JamAnswer a = answers.front();
    std::printf("[ answer ] %d notes, ready %.0f ms after the phrase ended, %.0f ms before its downbeat\n", a.notes,
                1000 * a.readySeconds(), 1000 * (a.budgetSeconds() - a.readySeconds()));
    EXPECT_GT(a.notes, 0);
    // The answer was planned for the first downbeat after the phrase's end.
    EXPECT_GT(a.downbeatAt, a.phraseEndedAt);
    EXPECT_LE(a.downbeatAt - a.phraseEndedAt, options.clock.barSeconds() + 1e-9);
    // What plays holds the answer at the bar it was placed at, within its two bars.
    const Tick bar = played.ticksPerBar(0);
    ASSERT_EQ(played.tracks.size(), 3u);
    ASSERT_EQ(static_cast<int>(played.tracks[2].notes.size()), a.notes);
    for (const Note& n : played.tracks[2].notes) {
        EXPECT_GE(n.start, a.bar * bar);
        EXPECT_LE(n.end(), (a.bar + 2) * bar);
    }
    // And the synthesizer plays it: its position passes the answer's first downbeat.
    ASSERT_TRUE(uitest::waitFor([&] { return playback.positionSeconds() > options.clock.downbeat(a.bar) + 0.2; }, 20000))
        << "playback did not reach the answer";
    EXPECT_EQ(errors.count(), 0);

    const Score take = jam.stop();
    EXPECT_FALSE(jam.isRunning());
    ASSERT_EQ(take.tracks.size(), 2u);
    std::vector<int> calls;
    for (const Note& n : take.tracks[0].notes) calls.push_back(n.pitch);
    EXPECT_EQ(calls, phrase);
    ASSERT_EQ(static_cast<int>(take.tracks[1].notes.size()), a.notes);
    // The take starts at the phrase's first bar; the answer sits where it was heard, within its two bars.
    const Tick answerStart = (a.bar - a.callBar) * bar;
    EXPECT_LT(take.tracks[0].notes.front().start, bar);
    for (const Note& n : take.tracks[1].notes) {
        EXPECT_GE(n.start, answerStart);
        EXPECT_LE(n.end(), answerStart + 2 * bar);
    }
    playback.endPreview();
}

TEST(JackPlayback, CallAndResponseRefusesAModelThatCannotContinueBars) {
    CallResponseController jam;
    QSignalSpy failed(&jam, &CallResponseController::startFailed);
    jam.start(QString::fromStdString(kPaperModel.string()), JamOptions{}, "nf-ui-jam-2", "jack", true);
    ASSERT_TRUE(uitest::waitFor([&] { return failed.count() == 1; }, 30000));
    EXPECT_TRUE(failed.first().at(0).toString().contains("paper-abc-0.1.0.nfm")) << failed.first().at(0).toString().toStdString();
    EXPECT_FALSE(jam.isRunning());
}

// The same in the studio, as a musician does it: a keyboard is the MIDI input there is, Compose > Call and Response
// with the remi model chosen, a phrase, the answer heard, then Stop and Keep the Take puts the phrase and the answer
// into the editor as a new piece (as opening a file does: the unsaved-edits question comes first), and into a MIDI
// file in the takes folder.
TEST(JackPlayback, CallAndResponseInTheStudioKeepsTheTakeInTheEditor) {
    if (!jackServerRunning()) GTEST_SKIP() << "no JACK server (run through ctest's audio_jack fixture)";
    struct Settings {  // tests share one settings file: these go whatever happens below
        Settings() {
            QSettings().setValue("callResponse/silenceBars", 0.5);
            QSettings().setValue("callResponse/answerBars", 1);
        }
        ~Settings() { QSettings().remove("callResponse"); }
    } settings;
    MainWindow w;
    w.show();
    ASSERT_TRUE(QTest::qWaitForWindowExposed(&w));
    w.module<StudioSound>()->playback()->setAudioDriver("jack");
    // The keyboard: a port of its own, which the studio finds as the first MIDI input.
    MidiOutput keyboard("jack", "NoteForge test studio keyboard");
    keyboard.openVirtual("keys");
    w.findChild<GenerationPanel*>()->addModel(QString::fromStdString(kRemiModel.string()));
    auto* module = w.module<StudioCallResponse>();
    QAction* jam = w.actions()->callAndResponse;
    jam->setChecked(true);
    ASSERT_TRUE(uitest::waitFor([&] { return module->controller()->isRunning() || !jam->isChecked(); }, 30000));
    ASSERT_TRUE(jam->isChecked()) << w.findChild<MessageBar*>()->text().toStdString();
    EXPECT_TRUE(w.findChild<MessageBar*>()->text().contains("keys")) << w.findChild<MessageBar*>()->text().toStdString();
    ASSERT_TRUE(w.module<StudioSound>()->playback()->isPreviewing()) << "the click plays";
    std::vector<JamAnswer> answers;
    QObject::connect(module->controller(), &CallResponseController::answered, [&](const JamAnswer& a) { answers.push_back(a); });
    QTest::qWait(500);  // JACK makes the connection live a few periods later
    for (int pitch : {60, 62, 64}) {
        keyboard.send({MidiEvent::NoteOn, 0, static_cast<std::uint8_t>(pitch), 90, 0});
        QTest::qWait(120);
        keyboard.send({MidiEvent::NoteOff, 0, static_cast<std::uint8_t>(pitch), 0, 0});
        QTest::qWait(60);
    }
    ASSERT_TRUE(uitest::waitFor([&] { return !answers.empty(); }, 30000)) << "no answer";

    // The message bar's first button: Stop and Keep the Take.
    w.findChild<MessageBar*>()->answer(true);
    EXPECT_FALSE(jam->isChecked());
    EXPECT_FALSE(module->controller()->isRunning());
    EXPECT_FALSE(w.module<StudioSound>()->playback()->isPreviewing()) << "the click stopped";
    const Score& take = w.document()->score();
    ASSERT_EQ(take.tracks.size(), 2u);
    std::vector<int> calls;
    for (const Note& n : take.tracks[0].notes) calls.push_back(n.pitch);
    EXPECT_EQ(calls, (std::vector<int>{60, 62, 64}));
    EXPECT_EQ(static_cast<int>(take.tracks[1].notes.size()), answers.front().notes);
    // The same take, saved.
    ASSERT_FALSE(module->lastTakeFile().isEmpty());
    const Score saved = readMidiFile(module->lastTakeFile().toStdString()).score;
    EXPECT_EQ(saved.noteCount(), take.noteCount());
}

}  // namespace nf

#endif  // NF_HAVE_AUDIO
