// SPDX-License-Identifier: GPL-3.0-or-later
// Nothing the musician made is lost without a question: unsaved edits before another piece replaces them, every
// generated result of the session kept (Regenerate adds), and a question on quit about results not yet saved.
#include <QAction>
#include <QMessageBox>
#include <QTableWidget>
#include <QTemporaryDir>
#include <QUndoStack>

#include <gtest/gtest.h>

#include "MainWindow.h"
#include "studio/StudioActions.h"
#include "studio/StudioFiles.h"
#include "UiTestUtil.h"
#include "document/ScoreDocument.h"
#include "models/DatasetTableModel.h"
#include "pianoroll/PianoRollCanvas.h"
#include "pianoroll/PianoRollView.h"
#include "widgets/DatasetPanel.h"
#ifdef NF_TEST_HAVE_TRAINING
#include "generation/GenerationController.h"
#include "generation/GenerationPanel.h"
#include "generation/StudioGeneration.h"
#endif

namespace nf {

namespace {
bool openDemo(MainWindow& w) {
    bool ready = false;
    QObject::connect(&w, &MainWindow::datasetReady, [&] { ready = true; });
    w.openInitial(uitest::demoDir());
    return uitest::waitFor([&] { return ready; });
}

int rowOf(DatasetTableModel* model, const char* fileEnd) {
    for (int r = 0; r < model->rowCount(); ++r)
        if (QString::fromStdString(model->fileAt(r)->file).endsWith(fileEnd)) return r;
    return -1;
}
}  // namespace

TEST(UnsavedWork, AsksBeforeAnotherFileReplacesEditedNotes) {
    MainWindow w;
    w.show();
    ASSERT_TRUE(openDemo(w));
    const int row = rowOf(w.datasetModel(), "FrereJacques.mid");
    ASSERT_GE(row, 0);
    w.pianoRoll()->canvas()->setFocus();
    w.actions()->selectAll->trigger();
    w.actions()->transposeUp->trigger();
    const QString name = w.document()->name();
    const Score edited = w.document()->score();

    {  // Cancel keeps the edited piece, edits and all.
        uitest::QuestionAnswerer cancel(QMessageBox::Cancel);
        emit w.datasetPanel()->fileActivated(row);
        EXPECT_TRUE(cancel.asked()) << "the edits were replaced without a question";
        EXPECT_TRUE(cancel.text().contains("not saved")) << cancel.text().toStdString();
    }
    EXPECT_EQ(w.document()->name(), name);
    EXPECT_TRUE(w.document()->score() == edited);
    EXPECT_FALSE(w.document()->undoStack()->isClean());

    {  // Discard opens the other file.
        uitest::QuestionAnswerer discard(QMessageBox::Discard);
        emit w.datasetPanel()->fileActivated(row);
        EXPECT_TRUE(discard.asked());
    }
    EXPECT_TRUE(w.document()->name().contains("FrereJacques"));

    // With nothing unsaved, no question.
    uitest::QuestionAnswerer none(QMessageBox::Cancel);
    emit w.datasetPanel()->fileActivated(row);
    EXPECT_FALSE(none.asked());
}

#ifdef NF_TEST_HAVE_TRAINING
namespace {
GenerationResult result(int seed, int pitch) {
    GenerationResult r;
    r.piece.score = Score(480);
    r.piece.score.tracks.resize(1);
    r.piece.score.addNote(0, Note{0, pitch, 90, 0, 480});
    r.piece.recipe.settings.sampling.seed = static_cast<std::uint64_t>(seed);
    return r;
}
}  // namespace

TEST(UnsavedWork, EveryGeneratedResultIsKeptUntilRemoved) {
    GenerationController controller;
    GenerationPanel panel(&controller, {});
    emit controller.finished({result(1, 60), result(2, 62)});
    emit controller.finished({result(3, 64), result(4, 65)});  // what Regenerate brings: added, not replacing
    ASSERT_EQ(panel.results().size(), 4u);
    EXPECT_EQ(panel.table()->rowCount(), 4);
    EXPECT_EQ(panel.results()[0].piece.recipe.settings.sampling.seed, 1u);
    EXPECT_EQ(panel.results()[3].piece.recipe.settings.sampling.seed, 4u);
    EXPECT_EQ(panel.unsavedCount(), 4);
    panel.markSaved();
    EXPECT_EQ(panel.unsavedCount(), 0);
    panel.removeResult(1);
    ASSERT_EQ(panel.results().size(), 3u);
    EXPECT_EQ(panel.results()[1].piece.recipe.settings.sampling.seed, 3u);
    emit controller.finished({result(5, 67)});
    EXPECT_EQ(panel.unsavedCount(), 1);
}

TEST(UnsavedWork, QuittingWithUnsavedResultsAsksFirst) {
    MainWindow w;
    w.show();
    ASSERT_TRUE(QTest::qWaitForWindowExposed(&w));
    ASSERT_NE(w.module<StudioGeneration>(), nullptr);
    emit w.module<StudioGeneration>()->controller()->finished({result(7, 60)});
    {
        uitest::QuestionAnswerer cancel(QMessageBox::Cancel);
        EXPECT_FALSE(w.close()) << "the window closed and the generated piece was lost";
        EXPECT_TRUE(cancel.asked());
        EXPECT_TRUE(cancel.text().contains("generated")) << cancel.text().toStdString();
    }
    EXPECT_TRUE(w.isVisible());
    // Once saved in a project, quitting asks nothing.
    QTemporaryDir dir;
    w.files()->saveProjectTo(dir.filePath("x.nfproject"));
    emit w.files()->projectSaved(dir.filePath("x.nfproject"));
    uitest::QuestionAnswerer none(QMessageBox::Cancel);
    EXPECT_TRUE(w.close());
    EXPECT_FALSE(none.asked());
}
#endif

}  // namespace nf
