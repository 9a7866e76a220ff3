// SPDX-License-Identifier: GPL-3.0-or-later
// Projects: the file round trip, bad project files, saving a session with edits and opening it in a fresh
// window, and restoring autosaved work after a crash.
#include <QComboBox>
#include <QFile>
#include <QSlider>
#include <QTemporaryDir>
#include <QUndoStack>

#include <gtest/gtest.h>

#include "MainWindow.h"
#include "StudioActions.h"
#include "StudioFiles.h"
#include "UiTestUtil.h"
#include "controllers/ScoreDocument.h"
#include "pianoroll/PianoRollView.h"
#include "widgets/TracksPanel.h"
#ifdef NF_HAVE_AUDIO
#include "sound/PlaybackController.h"
#include "sound/StudioSound.h"
#endif
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

namespace nf {

// A project keeps how the piece was being heard and looked at: mute/solo/volume/pan per track, a changed instrument and the
// piano roll's zoom and scroll, not only the notes.
TEST(Project, KeepsMuteSoloInstrumentsAndTheZoom) {
    QTemporaryDir dir;
    const QString path = dir.filePath("listening.nfproject");
    double pixelsPerTick = 0, keyHeight = 0;
    int program = -1;
    {
        MainWindow w;
        w.show();
        ASSERT_TRUE(openAndWait(w, uitest::demoDir()));
        w.showPiece(96);
        ASSERT_GE(w.document()->score().tracks.size(), 2u);
        w.tracksPanel()->setListening(0, false, true);
        w.tracksPanel()->setListening(1, true, false);
        w.document()->setActiveTrack(0);
        w.tracksPanel()->volumeSlider()->setValue(70);  // moved by the user
        w.tracksPanel()->panSlider()->setValue(20);
        // A new instrument for track 2, chosen the way a user does it.
        w.document()->setActiveTrack(1);
        program = (w.document()->score().tracks[1].program + 7) % 128;
        w.tracksPanel()->instrumentBox()->setCurrentIndex(program);
        emit w.tracksPanel()->instrumentBox()->activated(program);
        ASSERT_EQ(w.document()->score().tracks[1].program, program);
        w.pianoRoll()->zoomIn();
        w.pianoRoll()->zoomIn();
        w.pianoRoll()->zoomInVertically();
        pixelsPerTick = w.pianoRoll()->geometry().pixelsPerTick();
        keyHeight = w.pianoRoll()->geometry().keyHeight();
        ASSERT_EQ(w.files()->saveProjectTo(path), QString());
        w.document()->undoStack()->setClean();
    }
    MainWindow again;
    again.show();
    bool ready = false;
    QObject::connect(&again, &MainWindow::datasetReady, [&] { ready = true; });
    ASSERT_EQ(again.files()->openProject(path), QString());
    ASSERT_TRUE(uitest::waitFor([&] { return ready && again.tracksPanel()->isMuted(1); })) << "mute did not come back";
    EXPECT_TRUE(again.tracksPanel()->isSoloed(0));
    EXPECT_FALSE(again.tracksPanel()->isMuted(0));
    EXPECT_FALSE(again.tracksPanel()->isSoloed(1));
    EXPECT_EQ(again.document()->score().tracks[1].program, program);
    EXPECT_EQ(again.tracksPanel()->volume(0), 70);
    EXPECT_EQ(again.tracksPanel()->pan(0), 20);
    EXPECT_EQ(again.tracksPanel()->volume(1), -1);
    EXPECT_DOUBLE_EQ(again.pianoRoll()->geometry().pixelsPerTick(), pixelsPerTick);
    EXPECT_DOUBLE_EQ(again.pianoRoll()->geometry().keyHeight(), keyHeight);
#ifdef NF_HAVE_AUDIO
    // What is heard follows the restored boxes.
    const Mix& mix = again.sound()->playback()->mix();
    EXPECT_TRUE(mix.at(1).mute);
    EXPECT_TRUE(mix.at(0).solo);
    EXPECT_FALSE(mix.audible(1));
    EXPECT_EQ(mix.at(0).volume, 70);
    EXPECT_EQ(mix.at(0).pan, 20);
    EXPECT_FALSE(mix.at(1).volume.has_value());
#endif
}

TEST(ProjectFile, ListeningStateAndViewRoundTrip) {
    ProjectData p;
    p.tracks = {{true, false, 90, 30}, {false, true, -1, -1}, {false, false, 0, 127}};
    p.view = ProjectView{0.25, 17.0, 1234.0, 560.0};
    QTemporaryDir dir;
    ProjectFile::write(dir.filePath("v.nfproject"), p);
    const ProjectData back = ProjectFile::read(dir.filePath("v.nfproject"));
    EXPECT_EQ(back.tracks, p.tracks);
    ASSERT_TRUE(back.view.has_value());
    EXPECT_DOUBLE_EQ(back.view->pixelsPerTick, 0.25);
    EXPECT_DOUBLE_EQ(back.view->keyHeight, 17.0);
    EXPECT_DOUBLE_EQ(back.view->scrollX, 1234.0);
    EXPECT_DOUBLE_EQ(back.view->scrollY, 560.0);
}

}  // namespace nf
