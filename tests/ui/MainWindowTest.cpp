// SPDX-License-Identifier: GPL-3.0-or-later
// The real main window: opens, loads the demo folder in the background, fills the table, shows a piece in the
// piano roll, switches pieces on double-click, edits and undoes through its actions, and keeps its layout.
#include <QAction>
#include <QComboBox>
#include <QDockWidget>
#include <QLabel>
#include <QMenuBar>
#include <QSettings>
#include <QSortFilterProxyModel>
#include <QTableView>
#include <QTreeWidget>
#include <QUndoStack>

#include <gtest/gtest.h>

#include "MainWindow.h"
#include "studio/StudioActions.h"
#include "UiTestUtil.h"
#include "document/ScoreDocument.h"
#include "models/DatasetFilterProxy.h"
#include "models/DatasetTableModel.h"
#include "pianoroll/PianoRollCanvas.h"
#include "pianoroll/PianoRollView.h"
#include "widgets/DatasetPanel.h"
#include "widgets/TracksPanel.h"

namespace nf {

namespace {
bool waitForDataset(MainWindow& w) {
    bool ready = false;
    QObject::connect(&w, &MainWindow::datasetReady, [&] { ready = true; });
    return uitest::waitFor([&] { return ready; });
}
}  // namespace

TEST(MainWindow, OpensTheDemoAndShowsItsFilesAndFirstPiece) {
    MainWindow w;
    w.show();
    ASSERT_TRUE(QTest::qWaitForWindowExposed(&w));
    w.openInitial(uitest::demoDir());
    ASSERT_TRUE(waitForDataset(w));
    DatasetTableModel* model = w.datasetModel();
    ASSERT_NE(model->dataset(), nullptr);
    // The table lists the 42 music files; the licence and manifest files only on request.
    EXPECT_EQ(w.datasetPanel()->table()->model()->rowCount(), 42);
    w.datasetPanel()->proxy()->setShowSkipped(true);
    EXPECT_EQ(w.datasetPanel()->table()->model()->rowCount(), model->rowCount());
    EXPECT_GT(model->rowCount(), 42);
    EXPECT_EQ(model->totals().pieces, 100u);
    EXPECT_NE(w.datasetPanel()->totalsLabel()->text().indexOf("100 pieces"), -1)
        << w.datasetPanel()->totalsLabel()->text().toStdString();
    // The first piece is on screen.
    EXPECT_FALSE(w.document()->isEmpty());
    EXPECT_TRUE(w.document()->score() == [&] {
        Score s = model->dataset()->pieces[0].score;
        s.assignMissingIds();
        s.normalize();
        return s;
    }());
    EXPECT_TRUE(w.windowTitle().contains("NoteForge"));

    // Activating a MIDI file's row shows that file; its tracks appear in the Tracks panel.
    int midiRow = -1;
    for (int r = 0; r < model->rowCount(); ++r)
        if (QString::fromStdString(model->fileAt(r)->file).endsWith("FrereJacques.mid")) midiRow = r;
    ASSERT_GE(midiRow, 0);
    emit w.datasetPanel()->fileActivated(midiRow);
    const Piece& piece = model->dataset()->pieces[static_cast<std::size_t>(model->piecesOfRow(midiRow)[0])];
    EXPECT_EQ(w.document()->score().noteCount(), piece.score.noteCount());
    EXPECT_TRUE(w.document()->name().contains("FrereJacques"));
    EXPECT_EQ(w.tracksPanel()->tree()->topLevelItemCount(), static_cast<int>(piece.score.tracks.size()));
    EXPECT_FALSE(w.pieceBox()->isEnabled());  // one piece in a MIDI file

    // An ABC file lists its tunes in the piece box; choosing one shows it.
    int abcRow = -1;
    for (int r = 0; r < model->rowCount(); ++r)
        if (QString::fromStdString(model->fileAt(r)->file).endsWith(".abc")) abcRow = r;
    ASSERT_GE(abcRow, 0);
    emit w.datasetPanel()->fileActivated(abcRow);
    EXPECT_EQ(w.pieceBox()->count(), 30);
    const int third = model->piecesOfRow(abcRow)[2];
    w.showPiece(third);
    EXPECT_EQ(w.pieceBox()->currentIndex(), 2);
    EXPECT_EQ(w.document()->score().noteCount(), model->dataset()->pieces[static_cast<std::size_t>(third)].score.noteCount());
}

TEST(MainWindow, EditsThroughItsActionsAndUndoes) {
    MainWindow w;
    w.show();
    w.openInitial(uitest::demoDir());
    ASSERT_TRUE(waitForDataset(w));
    const Score before = w.document()->score();
    w.pianoRoll()->canvas()->setFocus();
    w.actions()->selectAll->trigger();
    ASSERT_FALSE(w.document()->selection().empty());
    w.actions()->transposeUp->trigger();
    w.actions()->octaveDown->trigger();
    EXPECT_EQ(w.document()->undoStack()->count(), 2);
    EXPECT_TRUE(w.isWindowModified());
    w.actions()->del->trigger();
    EXPECT_TRUE(w.document()->score().tracks[0].notes.empty());
    w.actions()->undo->trigger();
    w.actions()->undo->trigger();
    w.actions()->undo->trigger();
    EXPECT_TRUE(w.document()->score() == before);
    EXPECT_FALSE(w.isWindowModified());
    w.actions()->redo->trigger();
    EXPECT_FALSE(w.document()->score() == before);
}

TEST(MainWindow, EveryMenuActionHasAHint) {
    MainWindow w;
    for (QAction* menu : w.menuBar()->actions()) {
        ASSERT_NE(menu->menu(), nullptr);
        for (QAction* a : menu->menu()->actions()) {
            if (a->isSeparator() || a->menu()) continue;
            EXPECT_FALSE(a->statusTip().isEmpty()) << "no status-bar hint: " << a->text().toStdString();
        }
    }
    EXPECT_EQ(w.actions()->openFolder->shortcut(), QKeySequence(QKeySequence::Open));
    EXPECT_EQ(w.actions()->undo->shortcut(), QKeySequence(QKeySequence::Undo));
}

TEST(MainWindow, KeepsItsLayoutAcrossRuns) {
    {
        MainWindow w;
        w.show();
        ASSERT_TRUE(QTest::qWaitForWindowExposed(&w));
        w.findChild<QDockWidget*>("logDock")->hide();
        w.close();
    }
    EXPECT_TRUE(QSettings().contains("window/state"));
    MainWindow again;
    again.show();
    ASSERT_TRUE(QTest::qWaitForWindowExposed(&again));
    EXPECT_FALSE(again.findChild<QDockWidget*>("logDock")->isVisible());
    EXPECT_TRUE(again.findChild<QDockWidget*>("datasetDock")->isVisible());
    again.findChild<QDockWidget*>("logDock")->show();
    again.close();
}

}  // namespace nf
