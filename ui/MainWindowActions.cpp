// SPDX-License-Identifier: GPL-3.0-or-later
// MainWindow, part two: what the menus, toolbar and panels are connected to, and files dropped on the window.
// (Kept apart from MainWindow.cpp, which builds the window, so each file reads as one job.)
#include <QAction>
#include <QActionGroup>
#include <QComboBox>
#include <QDesktopServices>
#include <QDockWidget>
#include <QDragEnterEvent>
#include <QDropEvent>
#include <QFileInfo>
#include <QLabel>
#include <QMimeData>
#include <QSettings>
#include <QStatusBar>
#include <QUndoStack>

#include "MainWindow.h"

#include "generation/SpanControls.h"
#include "studio/StudioActions.h"
#include "studio/StudioFiles.h"
#include "controllers/DatasetLoader.h"
#include "controllers/EditController.h"
#include "controllers/LogHub.h"
#include "controllers/RecentFiles.h"
#include "document/ScoreDocument.h"
#include "controllers/VocabularyCounter.h"
#include "models/DatasetTableModel.h"
#include "pianoroll/PianoRollView.h"
#include "project/StudioPaths.h"
#include "widgets/DatasetPanel.h"
#include "widgets/EncodingCheckDialog.h"
#include "widgets/HelpDialogs.h"

namespace nf {

void MainWindow::connectActions() {
    StudioActions* a = actions_;
    connect(a->openFolder, &QAction::triggered, files_, &StudioFiles::chooseFolder);
    connect(a->openFile, &QAction::triggered, files_, &StudioFiles::chooseFile);
    connect(a->saveProject, &QAction::triggered, files_, &StudioFiles::saveProject);
    connect(a->saveProjectAs, &QAction::triggered, files_, &StudioFiles::saveProjectAs);
    connect(a->quit, &QAction::triggered, this, &QWidget::close);
    connect(a->exportMidi, &QAction::triggered, files_, [this] { files_->exportMidi(false); });
    connect(a->exportSelection, &QAction::triggered, files_, [this] { files_->exportMidi(true); });
    connect(a->exportAbc, &QAction::triggered, files_, &StudioFiles::exportAbc);
    connect(a->cut, &QAction::triggered, editor_, &EditController::cut);
    connect(a->copy, &QAction::triggered, editor_, &EditController::copy);
    connect(a->paste, &QAction::triggered, editor_, &EditController::paste);
    connect(a->del, &QAction::triggered, editor_, &EditController::deleteSelection);
    connect(a->selectAll, &QAction::triggered, editor_, &EditController::selectAll);
    connect(a->selectTrack, &QAction::triggered, editor_, &EditController::selectTrack);
    connect(a->selectNone, &QAction::triggered, editor_, &EditController::selectNone);
    connect(a->transposeUp, &QAction::triggered, editor_, [this] { editor_->transpose(1); });
    connect(a->transposeDown, &QAction::triggered, editor_, [this] { editor_->transpose(-1); });
    connect(a->octaveUp, &QAction::triggered, editor_, [this] { editor_->transpose(12); });
    connect(a->octaveDown, &QAction::triggered, editor_, [this] { editor_->transpose(-12); });
    connect(a->quantize, &QAction::triggered, editor_, &EditController::quantize);
    connect(editor_, &EditController::status, this, [this](const QString& t) { statusBar()->showMessage(t, 4000); });

    connect(a->toolSelect, &QAction::triggered, this, [this] { pianoRoll_->setTool(PianoRollView::ToolKind::Select); });
    connect(a->toolDraw, &QAction::triggered, this, [this] { pianoRoll_->setTool(PianoRollView::ToolKind::Draw); });
    connect(a->toolErase, &QAction::triggered, this, [this] { pianoRoll_->setTool(PianoRollView::ToolKind::Erase); });
    connect(pianoRoll_, &PianoRollView::toolChanged, this, [a](PianoRollView::ToolKind k) {
        (k == PianoRollView::ToolKind::Draw ? a->toolDraw
                                            : (k == PianoRollView::ToolKind::Erase ? a->toolErase : a->toolSelect))
            ->setChecked(true);
    });
    connect(a->grid, &QActionGroup::triggered, this, [this](QAction* act) {
        pianoRoll_->setGridDivision(static_cast<SnapGrid::Division>(act->data().toInt()));
    });
    connect(gridBox_, &QComboBox::activated, this,
            [this](int i) { pianoRoll_->setGridDivision(static_cast<SnapGrid::Division>(i)); });
    connect(pianoRoll_, &PianoRollView::gridChanged, this, [this](SnapGrid::Division d) {
        const int i = static_cast<int>(d);
        gridBox_->setCurrentIndex(i);
        actions_->gridActions[static_cast<std::size_t>(i)]->setChecked(true);
        QSettings().setValue("editor/grid", i);
    });
    const int savedGrid = QSettings().value("editor/grid", static_cast<int>(SnapGrid::Division::Sixteenth)).toInt();
    gridBox_->setCurrentIndex(static_cast<int>(pianoRoll_->grid().division()));
    actions_->gridActions[static_cast<std::size_t>(pianoRoll_->grid().division())]->setChecked(true);
    if (savedGrid >= 0 && savedGrid < SnapGrid::kDivisionCount)
        pianoRoll_->setGridDivision(static_cast<SnapGrid::Division>(savedGrid));

    connect(a->zoomIn, &QAction::triggered, pianoRoll_, &PianoRollView::zoomIn);
    connect(a->zoomOut, &QAction::triggered, pianoRoll_, &PianoRollView::zoomOut);
    connect(a->zoomInVertically, &QAction::triggered, pianoRoll_, &PianoRollView::zoomInVertically);
    connect(a->zoomOutVertically, &QAction::triggered, pianoRoll_, &PianoRollView::zoomOutVertically);
    connect(a->zoomFit, &QAction::triggered, pianoRoll_, &PianoRollView::zoomToFit);
    connect(a->velocityLane, &QAction::toggled, pianoRoll_, &PianoRollView::setVelocityLaneVisible);
    connect(a->confidenceColours, &QAction::toggled, pianoRoll_, &PianoRollView::setColourByConfidence);
    pianoRoll_->setVelocityLaneVisible(a->velocityLane->isChecked());  // as the last session left them
    pianoRoll_->setColourByConfidence(a->confidenceColours->isChecked());
    connect(a->scaleGuide, &QActionGroup::triggered, this, [this](QAction* chosen) {
        const QString data = chosen->data().toString();
        if (data.isEmpty()) return pianoRoll_->setScaleGuide(std::nullopt);
        pianoRoll_->setScaleGuide(data == "piece" ? estimateScale(document_->score()) : parseScale(data.toStdString()));
    });
    connect(document_, &ScoreDocument::scoreReplaced, this, [this] {  // "the piece's key" follows the piece
        if (QAction* chosen = actions_->scaleGuide->checkedAction(); chosen && chosen->data().toString() == "piece")
            pianoRoll_->setScaleGuide(estimateScale(document_->score()));
    });
    connect(a->resetLayout, &QAction::triggered, this, [this] { restoreState(defaultState_); });
    connect(a->shortcuts, &QAction::triggered, this, [this] { HelpDialogs::showShortcuts(this); });
    connect(a->about, &QAction::triggered, this, [this] { HelpDialogs::showAbout(this); });
    connect(a->openDataFolder, &QAction::triggered, this, [this] {
        StudioPaths::makeFolders();
        if (!QDesktopServices::openUrl(QUrl::fromLocalFile(StudioPaths::dataRoot())))
            log_->warning(tr("No file manager to show %1").arg(StudioPaths::dataRoot()));
    });
    connect(recent_, &RecentFiles::changed, files_, &StudioFiles::rebuildRecentMenu);
    files_->rebuildRecentMenu();

    connect(pianoRoll_, &PianoRollView::hoverText, positionLabel_, &QLabel::setText);
    connect(document_->undoStack(), &QUndoStack::cleanChanged, this, &MainWindow::updateTitle);
    connect(document_, &ScoreDocument::scoreReplaced, this, &MainWindow::updateTitle);
    connect(document_, &ScoreDocument::scoreReplaced, this, [this] {
        if (showingPiece_) return;
        // A piece that is not from the dataset (a generated one): the tune list no longer applies.
        shownPiece_ = -1;
        pieceBox_->clear();
        pieceBox_->setEnabled(false);
    });

    connect(loader_, &DatasetLoader::started, datasetPanel_, &DatasetPanel::setLoading);
    connect(loader_, &DatasetLoader::progress, datasetPanel_, &DatasetPanel::setProgress);
    connect(loader_, &DatasetLoader::loaded, this, &MainWindow::onDatasetLoaded);
    connect(loader_, &DatasetLoader::failed, this, &MainWindow::onLoadFailed);
    connect(datasetPanel_, &DatasetPanel::cancelRequested, loader_, &DatasetLoader::cancel);
    connect(datasetPanel_, &DatasetPanel::openFolderRequested, files_, &StudioFiles::chooseFolder);
    connect(datasetPanel_, &DatasetPanel::fileActivated, this, &MainWindow::onFileActivated);
    connect(datasetPanel_, &DatasetPanel::encodingCheckRequested, this, [this](int row) {
        const auto& pieces = datasetModel_->piecesOfRow(row);
        if (pieces.empty()) return;
        const int p = shownPiece_ >= 0 && datasetModel_->rowOfPiece(shownPiece_) == row ? shownPiece_ : pieces.front();
        auto* dialog = new EncodingCheckDialog(datasetModel_->dataset()->pieces[static_cast<std::size_t>(p)], this);
        dialog->setAttribute(Qt::WA_DeleteOnClose);
        dialog->show();  // not modal: the studio stays usable beside it
    });
    connect(loader_, &DatasetLoader::loaded, vocabulary_, &VocabularyCounter::count);
    connect(vocabulary_, &VocabularyCounter::counted, datasetPanel_,
            [this](const std::vector<VocabularyCounter::Count>& c) { datasetPanel_->setVocabulary(VocabularyCounter::summary(c)); });
    connect(pieceBox_, &QComboBox::activated, this, [this](int i) {
        const int piece = pieceBox_->itemData(i).toInt();
        if (piece == shownPiece_) return;
        if (files_->confirmDiscardEdits()) return showPiece(piece);
        pieceBox_->setCurrentIndex(pieceBox_->findData(shownPiece_));  // the user kept the piece
    });
}

bool MainWindow::canOpen(const QString& path) {
    const QFileInfo f(path);
    if (f.isDir()) return true;
    static const QStringList kinds = {"mid", "midi", "kar", "smf", "abc", "nfproject"};
    return f.isFile() && kinds.contains(f.suffix().toLower());
}

void MainWindow::dragEnterEvent(QDragEnterEvent* event) {
    for (const QUrl& url : event->mimeData()->urls())
        if (url.isLocalFile() && canOpen(url.toLocalFile())) return event->acceptProposedAction();
}

void MainWindow::dropEvent(QDropEvent* event) {
    // The dataset is one folder or one file: the first usable thing dropped is opened.
    QStringList usable;
    for (const QUrl& url : event->mimeData()->urls())
        if (url.isLocalFile() && canOpen(url.toLocalFile())) usable << url.toLocalFile();
    if (usable.isEmpty()) return;
    event->acceptProposedAction();
    if (usable.size() > 1)
        log_->warning(tr("%1 items dropped; opening %2 (put the files in one folder and drop the folder to use them all)")
                          .arg(usable.size())
                          .arg(usable.first()));
    openPath(usable.first());
}

}  // namespace nf
