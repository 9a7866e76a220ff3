// SPDX-License-Identifier: GPL-3.0-or-later
// Per-user files live under the XDG folders (test_ui's main points XDG_CONFIG_HOME, XDG_DATA_HOME, XDG_STATE_HOME
// and the music folder at throw-away folders), and a session writes nothing next to the program.
#include <QCoreApplication>
#include <QDir>
#include <QFileInfo>
#include <QFile>
#include <QSettings>
#include <QStandardPaths>
#include <QTemporaryDir>

#include <gtest/gtest.h>

#include "MainWindow.h"
#include "studio/StudioFiles.h"
#include "UiTestUtil.h"
#include "controllers/LogHub.h"
#include "project/StudioPaths.h"

namespace nf {

namespace {
QStringList entries(const QString& dir) {
    return QDir(dir).entryList(QDir::AllEntries | QDir::NoDotAndDotDot | QDir::Hidden, QDir::Name);
}
}  // namespace

TEST(StudioPaths, EverythingIsUnderTheXdgFolders) {
    const QString data = qEnvironmentVariable("XDG_DATA_HOME");
    const QString config = qEnvironmentVariable("XDG_CONFIG_HOME");
    const QString state = qEnvironmentVariable("XDG_STATE_HOME");
    const QString music = QStandardPaths::writableLocation(QStandardPaths::MusicLocation);
    ASSERT_FALSE(data.isEmpty());
    ASSERT_FALSE(config.isEmpty());
    ASSERT_FALSE(state.isEmpty());
    ASSERT_TRUE(music.startsWith(QDir::tempPath())) << "test_ui's main did not point the music folder away";
    // One folder name for the data, lowercase like the cache's and the soundfonts'.
    for (const QString& p : {StudioPaths::models(), StudioPaths::autosave(), StudioFiles::autosavePath()})
        EXPECT_TRUE(p.startsWith(data + "/noteforge/")) << p.toStdString();
    // Projects are the user's work: beside their music, not hidden; logs are state.
    EXPECT_EQ(StudioPaths::projects(), music + "/NoteForge");
    for (const QString& p : {StudioPaths::logs(), StudioPaths::logFile()})
        EXPECT_TRUE(p.startsWith(state + "/noteforge/logs")) << p.toStdString();
    EXPECT_TRUE(StudioPaths::settingsFile().startsWith(config + "/")) << StudioPaths::settingsFile().toStdString();
    ASSERT_TRUE(StudioPaths::makeFolders());
    EXPECT_TRUE(QDir(StudioPaths::models()).exists());
    EXPECT_TRUE(StudioPaths::describe().contains("models: " + StudioPaths::models()));
}

TEST(StudioPaths, ASessionWritesNothingNextToTheProgram) {
    const QString programDir = QCoreApplication::applicationDirPath();
    const QStringList before = entries(programDir);
    {
        MainWindow w;
        w.show();
        bool ready = false;
        QObject::connect(&w, &MainWindow::datasetReady, [&] { ready = true; });
        w.openInitial(uitest::demoDir() + "/midi/pianobooster");
        ASSERT_TRUE(uitest::waitFor([&] { return ready; }));
        QDir().mkpath(StudioPaths::projects());
        ASSERT_EQ(w.files()->saveProjectTo(StudioPaths::projects() + "/paths.nfproject"), QString());
        ASSERT_TRUE(w.log()->writeTo(StudioPaths::logFile()));
        w.log()->info("a line");
        QCoreApplication::processEvents();
        w.close();
        QSettings().sync();
    }
    EXPECT_TRUE(QFile::exists(StudioPaths::projects() + "/paths.nfproject"));
    EXPECT_TRUE(QFile::exists(StudioPaths::logFile()));
    EXPECT_TRUE(QFile::exists(StudioPaths::settingsFile()));
    EXPECT_EQ(entries(programDir), before);
}

// An older version kept everything in $XDG_DATA_HOME/NoteForge/NoteForge: its models move to the new folder.
TEST(StudioPaths, AnOlderDataFolderMovesToTheNewName) {
    QTemporaryDir data;
    const QByteArray saved = qgetenv("XDG_DATA_HOME");
    qputenv("XDG_DATA_HOME", data.path().toUtf8());
    ASSERT_TRUE(QDir().mkpath(data.filePath("NoteForge/NoteForge/models")));
    QFile model(data.filePath("NoteForge/NoteForge/models/tunes.nfmodel"));
    ASSERT_TRUE(model.open(QIODevice::WriteOnly));
    model.write("weights");
    model.close();
    const bool made = StudioPaths::makeFolders();
    const QString moved = StudioPaths::models() + "/tunes.nfmodel";
    qputenv("XDG_DATA_HOME", saved);
    EXPECT_TRUE(made);
    EXPECT_TRUE(moved.startsWith(data.path() + "/noteforge/")) << moved.toStdString();
    EXPECT_TRUE(QFile::exists(moved)) << "the trained model was left behind";
    EXPECT_FALSE(QFileInfo::exists(data.filePath("NoteForge/NoteForge")));
}

TEST(LogHub, WritesTheLogFileAndKeepsThePreviousSession) {
    QTemporaryDir dir;
    const QString path = dir.filePath("logs/studio.log");
    {
        LogHub hub;
        ASSERT_TRUE(hub.writeTo(path));
        EXPECT_EQ(hub.logFilePath(), path);
        hub.error("first session failed here");
        QCoreApplication::processEvents();
    }
    {
        LogHub hub;
        ASSERT_TRUE(hub.writeTo(path));
        hub.info("second session");
        QCoreApplication::processEvents();
    }
    QFile now(path), previous(path + ".1");
    ASSERT_TRUE(now.open(QIODevice::ReadOnly));
    ASSERT_TRUE(previous.open(QIODevice::ReadOnly));
    const QString current = QString::fromUtf8(now.readAll()), old = QString::fromUtf8(previous.readAll());
    EXPECT_TRUE(current.contains("info: second session")) << current.toStdString();
    EXPECT_FALSE(current.contains("first session"));
    EXPECT_TRUE(old.contains("error: first session failed here")) << old.toStdString();
}

}  // namespace nf

namespace nf {

TEST(StudioPaths, ExportDialogsStartInTheLastExportFolderElseMusicOrHome) {
    const QString fresh = StudioPaths::exportStart({}, "BoosterMusic-04-FrereJacques.mid \u2013 Frere Jacques", "wav");
    EXPECT_TRUE(fresh.endsWith("/BoosterMusic-04-FrereJacques.wav")) << fresh.toStdString();
    const QString dir = QFileInfo(fresh).absolutePath();
    EXPECT_TRUE(dir == QDir::homePath() || dir == QStandardPaths::writableLocation(QStandardPaths::MusicLocation))
        << fresh.toStdString();
    QTemporaryDir last;
    EXPECT_EQ(StudioPaths::exportStart(last.filePath("old.flac"), "jigs.abc X:3 \u2013 Tune", "flac"),
              last.path() + "/jigs.flac");
    EXPECT_TRUE(StudioPaths::exportStart({}, "", "mid").endsWith("/piece.mid"));
}

// A MIDI export, then the audio and ABC dialogs: each starts where the last export of any kind went.
TEST(StudioPaths, EveryExportDialogStartsInTheLastExportFolder) {
    QTemporaryDir folder;
    StudioPaths::rememberExport(folder.filePath("song.mid"));
    EXPECT_EQ(StudioPaths::exportStart(StudioPaths::lastExport(), "song.mid", "wav"), folder.path() + "/song.wav");
    EXPECT_EQ(StudioPaths::exportStart(StudioPaths::lastExport(), "song.mid", "abc"), folder.path() + "/song.abc");
    QSettings().remove("export/last");
}

}  // namespace nf
