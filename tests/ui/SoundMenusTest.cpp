// SPDX-License-Identifier: GPL-3.0-or-later
// Transport > Soundfont lists the soundfonts found on the system and picks one (remembered), or goes back to the
// automatic choice; Transport > Output always offers the internal synthesizer.
#ifdef NF_HAVE_AUDIO

#include <QAction>
#include <QMenu>
#include <QSettings>

#include <gtest/gtest.h>

#include "MainWindow.h"
#include "StudioActions.h"
#include "audio/SoundfontLocator.h"
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
    ASSERT_NE(w.sound(), nullptr);
    QMenu* menu = w.actions()->soundfontMenu;
    emit menu->aboutToShow();
    EXPECT_TRUE(w.actions()->automaticSoundfont->isChecked());
    for (const SoundfontInfo& info : scan.found)
        EXPECT_NE(entryFor(menu, QString::fromStdString(info.path)), nullptr) << info.path;
    const QString pick = QString::fromStdString(scan.found.back().path);
    entryFor(menu, pick)->trigger();
    EXPECT_EQ(QSettings().value("sound/soundfont").toString(), pick);
    EXPECT_EQ(w.sound()->playback()->soundfont(), pick);

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
    EXPECT_TRUE(w.sound()->playback()->outputPort().isEmpty());
}

}  // namespace nf

#endif  // NF_HAVE_AUDIO
