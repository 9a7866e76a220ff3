// SPDX-License-Identifier: GPL-3.0-or-later
// Projects: the file round trip, bad project files, saving a session with edits and opening it in a fresh
// window, and restoring autosaved work after a crash.
#include <QFile>
#include <QTemporaryDir>
#include <QUndoStack>

#include <gtest/gtest.h>

#include "MainWindow.h"
#include "StudioActions.h"
#include "StudioFiles.h"
#include "UiTestUtil.h"
#include "controllers/ScoreDocument.h"
#include "models/DatasetTableModel.h"
#include "project/ProjectFile.h"
#include "widgets/MessageBar.h"

namespace nf {

namespace {
bool openAndWait(MainWindow& w, const QString& path) {
    bool ready = false;
    QObject::connect(&w, &MainWindow::datasetReady, &w, [&] { ready = true; }, Qt::SingleShotConnection);
    w.openInitial(path);
    return uitest::waitFor([&] { return ready; });
}
}  // namespace

TEST(ProjectFile, RoundTripsPiecesAndRecipes) {
    ProjectData p;
    p.datasetPath = "/data/tunes";
    p.models = {"/m/a.nfmodel", "/m/b.nfmodel"};
    p.datasetPiece = 7;
    p.current = ProjectPiece{"edited", {}, uitest::demoScore()};
    p.generated.push_back({"Generated 1", "NoteForge recipe {\"x\":1}", uitest::demoScore("midi/abc2midi-nottingham/jigs100.mid")});
    QTemporaryDir dir;
    const QString path = dir.filePath("p.nfproject");
    ProjectFile::write(path, p);
    const ProjectData back = ProjectFile::read(path);
    EXPECT_EQ(back.datasetPath, p.datasetPath);
    EXPECT_EQ(back.models, p.models);
    EXPECT_EQ(back.datasetPiece, 7);
    ASSERT_TRUE(back.current.has_value());
    EXPECT_EQ(back.current->name, "edited");
    EXPECT_EQ(uitest::notesOf(back.current->score), uitest::notesOf(p.current->score));
    EXPECT_EQ(back.current->score.tracks.size(), p.current->score.tracks.size());
    EXPECT_EQ(back.current->score.tracks[1].program, p.current->score.tracks[1].program);
    ASSERT_EQ(back.generated.size(), 1u);
    EXPECT_EQ(back.generated[0].recipe, p.generated[0].recipe);
    EXPECT_EQ(uitest::notesOf(back.generated[0].score), uitest::notesOf(p.generated[0].score));
}

TEST(ProjectFile, BadFilesAreRefusedWithTheirName) {
    QTemporaryDir dir;
    auto writeText = [&](const char* name, const QByteArray& text) {
        QFile f(dir.filePath(name));
        EXPECT_TRUE(f.open(QIODevice::WriteOnly));
        f.write(text);
        return dir.filePath(name);
    };
    const QString garbage = writeText("garbage.nfproject", "{ not json");
    const QString foreign = writeText("foreign.nfproject", "{\"format\": \"something-else\"}");
    const QString newer = writeText("newer.nfproject", "{\"format\": \"noteforge-project\", \"version\": 99}");
    for (const QString& path : {garbage, foreign, newer, dir.filePath("missing.nfproject")}) {
        try {
            ProjectFile::read(path);
            ADD_FAILURE() << "accepted " << path.toStdString();
        } catch (const std::runtime_error& e) {
            EXPECT_NE(std::string(e.what()).find(path.toStdString()), std::string::npos) << e.what();
        }
    }
}

TEST(Project, SavedSessionReopensWithItsEdits) {
    QTemporaryDir dir;
    const QString path = dir.filePath("session.nfproject");
    std::vector<std::vector<std::tuple<int, Tick, Tick, int>>> edited;
    {
        MainWindow w;
        ASSERT_TRUE(openAndWait(w, uitest::demoDir()));
        w.showPiece(96);
        w.actions()->selectAll->trigger();
        w.actions()->transposeUp->trigger();
        edited = uitest::notesOf(w.document()->score());
        ASSERT_EQ(w.files()->saveProjectTo(path), QString());
        w.document()->undoStack()->setClean();
    }
    MainWindow again;
    bool ready = false;
    QObject::connect(&again, &MainWindow::datasetReady, [&] { ready = true; });
    ASSERT_EQ(again.files()->openProject(path), QString());
    ASSERT_TRUE(uitest::waitFor([&] { return ready && uitest::notesOf(again.document()->score()) == edited; }))
        << "the edited piece did not come back";
    EXPECT_NE(again.datasetModel()->rowCount(), 0);  // the project's dataset was loaded too
    EXPECT_EQ(again.files()->projectPath(), path);
}

TEST(Project, AutosavedWorkIsOfferedBackAfterACrash) {
    std::vector<std::vector<std::tuple<int, Tick, Tick, int>>> edited;
    {
        MainWindow w;
        ASSERT_TRUE(openAndWait(w, uitest::demoDir()));
        w.actions()->selectAll->trigger();
        w.actions()->octaveUp->trigger();
        edited = uitest::notesOf(w.document()->score());
        ASSERT_EQ(w.files()->saveProjectTo(StudioFiles::autosavePath()), QString());
        w.document()->undoStack()->setClean();
        // No close(): the "crash" leaves the autosave behind.
    }
    MainWindow w;
    ASSERT_TRUE(openAndWait(w, uitest::demoDir()));
    ASSERT_TRUE(w.messageBar()->asking()) << "no restore offered";
    w.messageBar()->answer(true);
    ASSERT_TRUE(uitest::waitFor([&] { return uitest::notesOf(w.document()->score()) == edited; }));
    w.files()->discardAutosave();
    EXPECT_FALSE(QFile::exists(StudioFiles::autosavePath()));
}

}  // namespace nf
