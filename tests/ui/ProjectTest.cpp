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
#include "studio/StudioActions.h"
#include "studio/StudioFiles.h"
#include "UiTestUtil.h"
#include "document/ScoreDocument.h"
#include "pianoroll/PianoRollView.h"
#include "widgets/TracksPanel.h"
#ifdef NF_HAVE_AUDIO
#include "sound/PlaybackController.h"
#include "sound/StudioSound.h"
#endif
#include "models/DatasetTableModel.h"
#include "project/ProjectFile.h"
#include "dataset/BaseModels.h"
#include "widgets/MessageBar.h"
#ifdef NF_TEST_HAVE_TRAINING
#include <QTableWidget>

#include "generation/GenerationController.h"
#include "generation/GenerationPanel.h"
#include "generation/StudioGeneration.h"
#endif

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
    p.current = ProjectPiece{"edited", {}, uitest::demoScore(), {}, {}};
    p.generated.push_back(
        {"Generated 1", "NoteForge recipe {\"x\":1}", uitest::demoScore("midi/abc2midi-nottingham/jigs100.mid"), {}, {}});
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
    const Mix& mix = again.module<StudioSound>()->playback()->mix();
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

namespace {
// A piece of three notes with the model's view of two of them, and evaluation figures, as a generation leaves it.
ProjectPiece generatedPiece() {
    ProjectPiece p;
    p.name = "Generated 1 (seed 5)";
    p.score = Score(480);
    p.score.tracks.resize(2);
    const NoteId a = p.score.addNote(1, Note{0, 60, 96, 0, 720});
    p.score.addNote(1, Note{0, 64, 80, 480, 480});
    const NoteId c = p.score.addNote(1, Note{0, 67, 70, 960, 240});
    p.insights[a] = NoteInsight{0.25f, {{"ON_60", 0.25f}, {"ON_62", 0.5f}}};
    p.insights[c] = NoteInsight{0.75f, {{"ON_67", 0.75f}}};
    PieceEvaluation e;
    e.notes = 3;
    e.repetition.repeatShare = 0.5;
    e.tonal.key.tonic = 7;
    e.tonal.inScaleShare = 1.0;
    NoveltyFigures n;
    n.pitch8.share = 0.8;
    n.longestCopy.length = 4;
    n.longestCopy.file = "/data/tune.abc";
    e.novelty = n;
    p.evaluation = e;
    return p;
}

// The insight of the note at (pitch, start), looked up the way the piano roll does: by the note's id.
const NoteInsight* insightAt(const Score& score, const std::map<NoteId, NoteInsight>& insights, int pitch, Tick start) {
    for (const Track& t : score.tracks)
        for (const Note& n : t.notes)
            if (n.pitch == pitch && n.start == start) {
                auto it = insights.find(n.id);
                return it == insights.end() ? nullptr : &it->second;
            }
    return nullptr;
}
}  // namespace

TEST(ProjectFile, KeepsConfidenceAlternativesAndEvaluation) {
    ProjectData p;
    p.current = generatedPiece();
    p.generated.push_back(generatedPiece());
    QTemporaryDir dir;
    const QString path = dir.filePath("g.nfproject");
    ProjectFile::write(path, p);
    const ProjectData back = ProjectFile::read(path);
    ASSERT_TRUE(back.current.has_value());
    ASSERT_EQ(back.generated.size(), 1u);
    for (const ProjectPiece* piece : {&*back.current, &back.generated[0]}) {
        EXPECT_EQ(piece->insights.size(), 2u);
        const NoteInsight* first = insightAt(piece->score, piece->insights, 60, 0);
        ASSERT_NE(first, nullptr) << "the first note lost its confidence";
        EXPECT_FLOAT_EQ(first->probability, 0.25f);
        ASSERT_EQ(first->alternatives.size(), 2u);
        EXPECT_EQ(first->alternatives[1].first, "ON_62");
        EXPECT_FLOAT_EQ(first->alternatives[1].second, 0.5f);
        EXPECT_EQ(insightAt(piece->score, piece->insights, 64, 480), nullptr) << "a note without one got one";
        const NoteInsight* last = insightAt(piece->score, piece->insights, 67, 960);
        ASSERT_NE(last, nullptr);
        EXPECT_FLOAT_EQ(last->probability, 0.75f);
    }
    ASSERT_TRUE(back.generated[0].evaluation.has_value());
    const PieceEvaluation& e = *back.generated[0].evaluation;
    EXPECT_DOUBLE_EQ(e.repetition.repeatShare, 0.5);
    EXPECT_EQ(e.tonal.key.tonic, 7);
    EXPECT_DOUBLE_EQ(e.tonal.inScaleShare, 1.0);
    ASSERT_TRUE(e.novelty.has_value());
    EXPECT_DOUBLE_EQ(e.novelty->pitch8.share, 0.8);
    EXPECT_EQ(e.novelty->longestCopy.length, 4);
    EXPECT_EQ(e.novelty->longestCopy.file, "/data/tune.abc");
}

namespace {
// The session checked in by release 0.1.0 (tests/data/projects/README.md): what it was written from.
ProjectData session010() {
    ProjectData p;
    p.datasetPath = "/data/tunes";
    p.models = {"/m/remi-lstm-0.1.0.nfm"};
    p.datasetPiece = 3;
    p.current = ProjectPiece{"edited", {}, uitest::demoScore(), {}, {}};
    p.generated.push_back(generatedPiece());
    p.tracks = {{true, false, 90, 30}, {false, true, -1, -1}};
    p.view = ProjectView{0.25, 17.0, 1234.0, 560.0};
    return p;
}
const QString kSession010 = QStringLiteral(NF_TEST_DATA_DIR "/projects/session-0.1.0.nfproject");
}  // namespace

// Projects written by an earlier release keep opening, whole (issues 14 and 15). NF_WRITE_PROJECT_FIXTURE=1 wrote
// the file once, with release 0.1.0's code; it is never rewritten.
TEST(ProjectFile, ASessionOfRelease010StillOpens) {
    if (qEnvironmentVariableIsSet("NF_WRITE_PROJECT_FIXTURE")) ProjectFile::write(kSession010, session010());
    const ProjectData expected = session010();
    const ProjectData back = ProjectFile::read(kSession010);
    EXPECT_EQ(back.datasetPath, expected.datasetPath);
    EXPECT_EQ(back.models, expected.models);
    EXPECT_EQ(back.datasetPiece, 3);
    ASSERT_TRUE(back.current.has_value());
    EXPECT_EQ(uitest::notesOf(back.current->score), uitest::notesOf(expected.current->score));
    EXPECT_EQ(back.current->score.tracks.size(), expected.current->score.tracks.size());
    ASSERT_EQ(back.generated.size(), 1u);
    EXPECT_EQ(back.generated[0].name, expected.generated[0].name);
    EXPECT_EQ(back.generated[0].insights.size(), 2u);
    const NoteInsight* first = insightAt(back.generated[0].score, back.generated[0].insights, 60, 0);
    ASSERT_NE(first, nullptr);
    EXPECT_FLOAT_EQ(first->probability, 0.25f);
    ASSERT_TRUE(back.generated[0].evaluation.has_value());
    EXPECT_EQ(back.generated[0].evaluation->novelty->longestCopy.length, 4);
    EXPECT_EQ(back.tracks, expected.tracks);
    ASSERT_TRUE(back.view.has_value());
    EXPECT_DOUBLE_EQ(back.view->scrollX, 1234.0);
}

#ifdef NF_TEST_HAVE_TRAINING
// The base models generate with no training: the Generation panel offers them from the start, the first chosen.
// The model the panel generates with is part of the session: a reopened project chooses it again, a base model
// keeping its name in the list.
TEST(Project, TheGenerationModelIsOfferedAndComesBackWithTheProject) {
    const std::vector<BaseModelFile> bases = findBaseModels();
    ASSERT_GE(bases.size(), 2u) << "the shipped base models (resources/models)";
    QTemporaryDir dir;
    const QString path = dir.filePath("session.nfproject");
    const QString second = QString::fromStdString(bases[1].path);
    {
        MainWindow w;
        GenerationPanel* panel = w.module<StudioGeneration>()->panel();
        EXPECT_EQ(panel->modelPath(), QString::fromStdString(bases[0].path)) << "a base model chosen from the start";
        EXPECT_GE(panel->modelBox()->findText(QString::fromStdString(bases[1].name) + " (base model)"), 0);
        panel->addModel(second);
        EXPECT_EQ(panel->modelPath(), second);
        ASSERT_EQ(w.files()->saveProjectTo(path), QString());
        w.document()->undoStack()->setClean();
    }
    EXPECT_EQ(ProjectFile::read(path).generationModel, QString::fromStdString(bases[1].name))
        << "a base model by its name: another installation has its own copy";
    MainWindow again;
    ASSERT_EQ(again.files()->openProject(path), QString());
    GenerationPanel* panel = again.module<StudioGeneration>()->panel();
    EXPECT_EQ(panel->modelPath(), second) << "the project's generation model is chosen again";
    EXPECT_EQ(panel->modelBox()->currentText(), QString::fromStdString(bases[1].name) + " (base model)");
}

// The studio's side: a generated piece in the editor and in the Generation list comes back from a saved project
// with its confidence colours, alternatives and the list's figures.
TEST(Project, ReopenedProjectKeepsTheGenerationDetail) {
    const ProjectPiece piece = generatedPiece();
    GenerationResult result;
    result.piece.score = piece.score;
    result.piece.confidence = {};
    for (const auto& [id, in] : piece.insights) {
        NoteConfidence c;
        c.probability = in.probability;
        for (const auto& [token, p] : in.alternatives) c.alternatives.push_back({token, p});
        result.piece.confidence.emplace(id, c);
    }
    result.evaluation = piece.evaluation;
    QTemporaryDir dir;
    const QString path = dir.filePath("session.nfproject");
    QStringList figures;
    {
        MainWindow w;
        ASSERT_NE(w.module<StudioGeneration>(), nullptr);
        emit w.module<StudioGeneration>()->controller()->finished({result});  // opens in the editor: nothing unsaved there
        ASSERT_TRUE(w.document()->hasInsights());
        QTableWidget* table = w.module<StudioGeneration>()->panel()->table();
        for (int col = 0; col < table->columnCount(); ++col)
            figures << (table->item(0, col) ? table->item(0, col)->text() : QString());
        ASSERT_EQ(w.files()->saveProjectTo(path), QString());
        emit w.files()->projectSaved(path);
    }
    MainWindow again;
    ASSERT_EQ(again.files()->openProject(path), QString());
    ScoreDocument* doc = again.document();
    ASSERT_TRUE(doc->hasInsights()) << "the piece in the editor lost its confidence colours";
    const NoteInsight* first = insightAt(doc->score(), doc->insights(), 60, 0);
    ASSERT_NE(first, nullptr);
    EXPECT_FLOAT_EQ(first->probability, 0.25f);
    EXPECT_EQ(first->alternatives.size(), 2u);
    const GenerationPanel* panel = again.module<StudioGeneration>()->panel();
    ASSERT_EQ(panel->results().size(), 1u);
    EXPECT_EQ(panel->results()[0].piece.confidence.size(), 2u);
    QStringList back;
    for (int col = 0; col < panel->table()->columnCount(); ++col)
        back << (panel->table()->item(0, col) ? panel->table()->item(0, col)->text() : QString());
    EXPECT_EQ(back, figures) << "the evaluation figures changed";
    EXPECT_TRUE(figures.join(' ').contains("80")) << figures.join(' ').toStdString();  // novel 8-grams, 80 %
}
#endif

}  // namespace nf
