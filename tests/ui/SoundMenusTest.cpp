// SPDX-License-Identifier: GPL-3.0-or-later
// Transport > Soundfont lists the soundfonts found on the system and picks one (remembered), or goes back to the
// automatic choice; Transport > Output always offers the internal synthesizer.
#ifdef NF_HAVE_AUDIO

#include <QAction>
#include <QMenu>
#include <QSettings>
#include <QSignalSpy>

#include <gtest/gtest.h>

#include "MainWindow.h"
#include "studio/StudioActions.h"
#include "UiTestUtil.h"
#include "audio/SoundfontLocator.h"
#include "document/ScoreDocument.h"
#include "sound/PlaybackController.h"
#include "sound/StudioSound.h"

namespace nf {

namespace {
QAction* entryFor(QMenu* menu, const QString& path) {
    for (QAction* a : menu->actions())
        if (a->toolTip().startsWith(path + ":")) return a;
    return nullptr;
}
}  // namespace

TEST(SoundMenus, SoundfontMenuListsInstalledSoundfontsAndRemembersTheChoice) {
    const SoundfontScan scan = SoundfontLocator().scan();
    if (scan.found.empty()) GTEST_SKIP() << "no soundfont on this machine, not even the bundled one";
    QSettings().remove("sound/soundfont");
    MainWindow w;
    ASSERT_NE(w.module<StudioSound>(), nullptr);
    QMenu* menu = w.actions()->soundfontMenu;
    emit menu->aboutToShow();
    EXPECT_TRUE(w.actions()->automaticSoundfont->isChecked());
    for (const SoundfontInfo& info : scan.found)
        EXPECT_NE(entryFor(menu, QString::fromStdString(info.path)), nullptr) << info.path;
    const QString pick = QString::fromStdString(scan.found.back().path);
    entryFor(menu, pick)->trigger();
    EXPECT_EQ(QSettings().value("sound/soundfont").toString(), pick);
    EXPECT_EQ(w.module<StudioSound>()->playback()->soundfont(), pick);

    emit menu->aboutToShow();  // listed again, the choice ticked
    EXPECT_TRUE(entryFor(menu, pick)->isChecked());
    EXPECT_FALSE(w.actions()->automaticSoundfont->isChecked());
    w.actions()->automaticSoundfont->trigger();
    EXPECT_EQ(QSettings().value("sound/soundfont").toString(), QString());
}

TEST(SoundMenus, OutputMenuOffersTheInternalSynthesizer) {
    QSettings().remove("sound/output");
    MainWindow w;
    QMenu* menu = w.actions()->outputMenu;
    emit menu->aboutToShow();
    ASSERT_FALSE(menu->actions().isEmpty());
    QAction* internal = menu->actions().first();
    EXPECT_TRUE(internal->isCheckable());
    EXPECT_TRUE(internal->isChecked());
    EXPECT_TRUE(w.module<StudioSound>()->playback()->outputPort().isEmpty());
}

// Transport > Audio Driver lists the four choices, and picking one is remembered for the next session.
TEST(SoundMenus, AudioDriverMenuOffersTheChoicesAndRemembersOne) {
    QSettings().remove("sound/audioDriver");
    MainWindow w;
    ASSERT_NE(w.module<StudioSound>(), nullptr);
    QStringList labels;
    QAction* jack = nullptr;
    for (QAction* a : w.actions()->audioDriverMenu->actions()) {
        labels << a->text();
        EXPECT_FALSE(a->statusTip().isEmpty()) << a->text().toStdString();
        if (a->data().toString() == "jack") jack = a;
    }
    EXPECT_EQ(labels, (QStringList{"Automatic", "PipeWire / PulseAudio", "JACK", "ALSA"}));
    EXPECT_TRUE(w.actions()->audioDriverMenu->actions().front()->isChecked());
    ASSERT_NE(jack, nullptr);
    jack->trigger();
    EXPECT_EQ(w.module<StudioSound>()->playback()->audioDriver(), "jack");
    MainWindow again;
    EXPECT_EQ(again.module<StudioSound>()->playback()->audioDriver(), "jack");
    for (QAction* a : again.actions()->audioDriverMenu->actions())
        EXPECT_EQ(a->isChecked(), a->data().toString() == "jack") << a->text().toStdString();
    again.module<StudioSound>()->playback()->setAudioDriver({});
}

// Without a device every Play says what is wrong, not only the first.
TEST(SoundMenus, EveryPlayWithoutADeviceSaysWhy) {
    const QByteArray server = qgetenv("JACK_DEFAULT_SERVER");
    qputenv("JACK_DEFAULT_SERVER", "nf-no-such-server");  // JACK chosen, and certainly no such server runs
    ScoreDocument doc;
    doc.setScore(uitest::demoScore(), "silent");
    PlaybackController playback(&doc);
    playback.setAudioDriver("jack");
    QSignalSpy errors(&playback, &PlaybackController::error);
    playback.play();
    playback.play();
    playback.auditionOn(60);  // a key click after the failure stays quiet
    playback.play();
    playback.setAudioDriver({});
    server.isNull() ? qunsetenv("JACK_DEFAULT_SERVER") : qputenv("JACK_DEFAULT_SERVER", server);
    ASSERT_EQ(errors.count(), 3);
    for (const QList<QVariant>& e : errors) EXPECT_TRUE(e.at(0).toString().contains("JACK")) << e.at(0).toString().toStdString();
    EXPECT_FALSE(playback.isPlaying());
}

}  // namespace nf

#endif  // NF_HAVE_AUDIO
