// SPDX-License-Identifier: GPL-3.0-or-later
#include "MainWindow.h"

#include <QAction>
#include <QActionGroup>
#include <QCloseEvent>
#include <QComboBox>
#include <QCoreApplication>
#include <QDockWidget>
#include <QFileDialog>
#include <QFileInfo>
#include <QLabel>
#include <QMenu>
#include <QMenuBar>
#include <QMessageBox>
#include <QMimeData>
#include <QSettings>
#include <QStatusBar>
#include <QTableView>
#include <QToolBar>
#include <QUndoStack>
#include <QVBoxLayout>

#include "StudioActions.h"
#include "StudioFiles.h"
#include "controllers/DatasetLoader.h"
#include "controllers/EditController.h"
#include "controllers/ExportController.h"
#include "controllers/LogHub.h"
#include "controllers/RecentFiles.h"
#include "controllers/ScoreDocument.h"
#include "controllers/VocabularyCounter.h"
#include "dataset/DemoData.h"
#include "models/DatasetTableModel.h"
#include "pianoroll/PianoRollView.h"
#include "widgets/DatasetPanel.h"
#include "widgets/EncodingCheckDialog.h"
#include "widgets/HelpDialogs.h"
#include "widgets/IconFactory.h"
#include "widgets/LogPanel.h"
#include "widgets/MessageBar.h"
#include "widgets/TaskProgress.h"
#include "widgets/TracksPanel.h"
#ifdef NF_HAVE_AUDIO
#include "sound/StudioSound.h"
#endif
#ifdef NF_HAVE_TORCH
#include "generation/StudioGeneration.h"
#include "training/StudioTraining.h"
#endif

namespace nf {

namespace {
constexpr int kMaxLoggedProblems = 200;  // per load; the table keeps every error anyway
}

MainWindow::MainWindow(QWidget* parent)
    : QMainWindow(parent),
      document_(new ScoreDocument(this)),
      datasetModel_(new DatasetTableModel(this)),
      loader_(new DatasetLoader(this)),
      log_(new LogHub(this)),
      recent_(new RecentFiles(this)),
      vocabulary_(new VocabularyCounter(this)),
      pianoRoll_(new PianoRollView(this)),
      editor_(new EditController(document_, pianoRoll_, this)),
      messageBar_(new MessageBar(this)) {
    setObjectName("mainWindow");
    setWindowIcon(IconFactory::icon(IconFactory::Icon::App));
    setAcceptDrops(true);
    setDockNestingEnabled(true);
    pianoRoll_->setDocument(document_);

    auto* central = new QWidget(this);
    auto* layout = new QVBoxLayout(central);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->setSpacing(0);
    layout->addWidget(messageBar_);
    layout->addWidget(pianoRoll_, 1);
    setCentralWidget(central);

    actions_ = new StudioActions(this, document_->undoStack(), pianoRoll_);
    files_ = new StudioFiles(this);
    createDocks();
    actions_->buildMenus(menuBar(), {datasetDock_->toggleViewAction(), tracksDock_->toggleViewAction(),
                                     logDock_->toggleViewAction()});
    QToolBar* toolbar = actions_->buildToolBar(this);
    toolbar->addSeparator();
    toolbar->addWidget(new QLabel(tr(" Grid "), toolbar));
    gridBox_ = new QComboBox(toolbar);
    for (QAction* a : actions_->gridActions) gridBox_->addItem(a->text());
    gridBox_->setToolTip(tr("Snap grid for drawing, moving, resizing and quantizing"));
    gridBox_->setStatusTip(gridBox_->toolTip());
    toolbar->addWidget(gridBox_);
    toolbar->addSeparator();
    toolbar->addWidget(new QLabel(tr(" Piece "), toolbar));
    pieceBox_ = new QComboBox(toolbar);
    pieceBox_->setMinimumContentsLength(24);
    pieceBox_->setSizeAdjustPolicy(QComboBox::AdjustToMinimumContentsLengthWithIcon);
    pieceBox_->setToolTip(tr("Tunes of the file shown (ABC files hold many)"));
    pieceBox_->setStatusTip(pieceBox_->toolTip());
    toolbar->addWidget(pieceBox_);
    addToolBar(Qt::TopToolBarArea, toolbar);
    transportBar_ = actions_->buildTransportBar(this);
    addToolBar(Qt::TopToolBarArea, transportBar_);
    exporter_ = new ExportController(document_, this);
    taskProgress_ = new TaskProgress(this);
    statusBar()->addPermanentWidget(taskProgress_);

    positionLabel_ = new QLabel(this);
    positionLabel_->setMinimumWidth(260);
    statusBar()->addPermanentWidget(positionLabel_);
    statusBar()->showMessage(tr("Ready"));

    connect(log_, &LogHub::message, logPanel_, &LogPanel::append);
    connect(log_, &LogHub::message, this, [this](const QDateTime&, LogHub::Level level, const QString& text) {
        if (level == LogHub::Level::Error) messageBar_->showError(text);
    });
    connect(messageBar_, &MessageBar::detailsRequested, this, [this] {
        logDock_->show();
        logDock_->raise();
    });
    connectActions();
#ifdef NF_HAVE_AUDIO
    sound_ = new StudioSound(this);
#else
    actions_->disableSound(tr("This NoteForge was built without sound (NF_WITH_AUDIO=OFF)"));
#endif
#ifdef NF_HAVE_TORCH
    training_ = new StudioTraining(this);
    generation_ = new StudioGeneration(this);
#endif
    logDock_->raise();  // the engine panels tab onto the Log; the Log is what a first start should show
    defaultState_ = saveState();
    restoreLayout();
    updateTitle();
}

MainWindow::~MainWindow() = default;

void MainWindow::createDocks() {
    datasetPanel_ = new DatasetPanel(datasetModel_, this);
    tracksPanel_ = new TracksPanel(document_, this);
    logPanel_ = new LogPanel(this);
    auto makeDock = [this](const QString& title, const char* name, QWidget* content, Qt::DockWidgetArea area) {
        auto* dock = new QDockWidget(title, this);
        dock->setObjectName(name);
        dock->setWidget(content);
        dock->toggleViewAction()->setStatusTip(tr("Show or hide the %1 panel").arg(title));
        addDockWidget(area, dock);
        return dock;
    };
    datasetDock_ = makeDock(tr("Dataset"), "datasetDock", datasetPanel_, Qt::LeftDockWidgetArea);
    tracksDock_ = makeDock(tr("Tracks"), "tracksDock", tracksPanel_, Qt::RightDockWidgetArea);
    logDock_ = makeDock(tr("Log"), "logDock", logPanel_, Qt::BottomDockWidgetArea);
    resizeDocks({datasetDock_, tracksDock_}, {470, 290}, Qt::Horizontal);
    // Tall enough for the Training and Generation panels tabbed with the Log.
    resizeDocks({logDock_}, {220}, Qt::Vertical);
}

QDockWidget* MainWindow::addPanel(const QString& title, const char* objectName, QWidget* panel) {
    auto* dock = new QDockWidget(title, this);
    dock->setObjectName(objectName);
    dock->setWidget(panel);
    dock->toggleViewAction()->setStatusTip(tr("Show or hide the %1 panel").arg(title));
    addDockWidget(Qt::BottomDockWidgetArea, dock);
    tabifyDockWidget(logDock_, dock);
    actions_->panelsMenu->addAction(dock->toggleViewAction());
    return dock;
}

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
    connect(a->resetLayout, &QAction::triggered, this, [this] { restoreState(defaultState_); });
    connect(a->shortcuts, &QAction::triggered, this, [this] { HelpDialogs::showShortcuts(this); });
    connect(a->about, &QAction::triggered, this, [this] { HelpDialogs::showAbout(this); });
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
        if (piece != shownPiece_) showPiece(piece);
    });
}

void MainWindow::restoreLayout() {
    QSettings s;
    if (!restoreGeometry(s.value("window/geometry").toByteArray())) resize(1440, 900);
    restoreState(s.value("window/state").toByteArray());
}

void MainWindow::closeEvent(QCloseEvent* event) {
    if (!files_->confirmClose()) {
        event->ignore();
        return;
    }
    files_->discardAutosave();
    QSettings s;
    s.setValue("window/geometry", saveGeometry());
    s.setValue("window/state", saveState());
    loader_->cancel();
    event->accept();
}

void MainWindow::openInitial(const QString& commandLinePath) {
    QString path = commandLinePath;
    if (path.isEmpty()) {
        const QString last = QSettings().value("dataset/last").toString();
        path = !last.isEmpty() && QFileInfo::exists(last) ? last : QString::fromStdString(demoDataPath());
    }
    if (path.isEmpty()) {
        log_->warning(tr("No dataset to open: the bundled demo data was not found. Use File > Open Folder."));
        return;
    }
    openPath(path);
    files_->offerRestore();
}

void MainWindow::openPath(const QString& path) {
    if (path.endsWith(QStringLiteral(".nfproject"))) {
        files_->openProject(path);
        return;
    }
    if (!QFileInfo::exists(path)) {
        log_->error(tr("%1: no such file or folder").arg(path));
        recent_->remove(path);
        return;
    }
    const QString abs = QFileInfo(path).absoluteFilePath();
    recent_->add(abs);
    QSettings().setValue("dataset/last", abs);
    log_->info(tr("Loading %1").arg(abs));
    statusBar()->showMessage(tr("Loading %1...").arg(abs));
    loader_->load(abs);
}

void MainWindow::onDatasetLoaded(std::shared_ptr<const Dataset> dataset) {
    datasetPanel_->setIdle();
    datasetModel_->setDataset(dataset);
    const auto& t = datasetModel_->totals();
    log_->info(tr("%1: %2 files read, %3 failed, %4 pieces, %5 notes%6")
                   .arg(QString::fromStdString(dataset->root))
                   .arg(t.filesRead)
                   .arg(t.filesFailed)
                   .arg(t.pieces)
                   .arg(t.notes)
                   .arg(dataset->cancelled ? tr(" (cancelled)") : QString()));
    int logged = 0;
    for (const FileStatus& f : dataset->files) {
        if (!f.ok && !f.skipped && logged++ < kMaxLoggedProblems) log_->warning(QString::fromStdString(f.error));
    }
    if (t.filesFailed > 0)
        messageBar_->showWarning(tr("%n file(s) could not be read; they are listed with their errors in the "
                                    "Dataset panel.",
                                    nullptr, static_cast<int>(t.filesFailed)));
    else
        messageBar_->hide();
    statusBar()->showMessage(dataset->cancelled ? tr("Loading cancelled") : tr("Dataset loaded"), 5000);
    shownPiece_ = -1;
    if (!dataset->pieces.empty())
        showPiece(0);
    else
        document_->setScore(Score{}, QString());
    emit datasetReady();
}

void MainWindow::onLoadFailed(const QString& path, const QString& message) {
    datasetPanel_->setIdle();
    log_->error(message.isEmpty() ? tr("%1: could not be loaded").arg(path) : message);
    emit datasetReady();
}

void MainWindow::onFileActivated(int row) {
    const auto& pieces = datasetModel_->piecesOfRow(row);
    if (pieces.empty()) {
        const FileStatus* f = datasetModel_->fileAt(row);
        messageBar_->showWarning(f && !f->error.empty() ? QString::fromStdString(f->error)
                                                        : tr("This file holds no music that could be read"));
        return;
    }
    showPiece(pieces.front());
    emit playRequested();
}

void MainWindow::showPiece(int index) {
    const auto& ds = datasetModel_->dataset();
    if (!ds || index < 0 || index >= static_cast<int>(ds->pieces.size())) return;
    const Piece& piece = ds->pieces[static_cast<std::size_t>(index)];
    QString name = QFileInfo(QString::fromStdString(piece.file)).fileName();
    if (piece.tuneNumber >= 0) name += QString(" X:%1").arg(piece.tuneNumber);
    if (!piece.title.empty()) name += QString(" \u2013 %1").arg(QString::fromStdString(piece.title));
    shownPiece_ = index;
    showingPiece_ = true;
    document_->setScore(piece.score, name);
    showingPiece_ = false;
    const int row = datasetModel_->rowOfPiece(index);
    fillPieceBox(row);
    datasetPanel_->selectSourceRow(row);
    statusBar()->showMessage(tr("Showing %1").arg(name), 4000);
}

void MainWindow::fillPieceBox(int row) {
    const auto& ds = datasetModel_->dataset();
    pieceBox_->clear();
    for (int p : datasetModel_->piecesOfRow(row)) {
        const Piece& piece = ds->pieces[static_cast<std::size_t>(p)];
        QString label = piece.tuneNumber >= 0 ? QString("X:%1").arg(piece.tuneNumber)
                                              : QFileInfo(QString::fromStdString(piece.file)).fileName();
        if (!piece.title.empty()) label += "  " + QString::fromStdString(piece.title);
        pieceBox_->addItem(label, p);
        if (p == shownPiece_) pieceBox_->setCurrentIndex(pieceBox_->count() - 1);
    }
    pieceBox_->setEnabled(pieceBox_->count() > 1);
}

void MainWindow::dragEnterEvent(QDragEnterEvent* event) {
    if (event->mimeData()->hasUrls() && event->mimeData()->urls().first().isLocalFile()) event->acceptProposedAction();
}

void MainWindow::dropEvent(QDropEvent* event) {
    const auto urls = event->mimeData()->urls();
    if (!urls.isEmpty() && urls.first().isLocalFile()) openPath(urls.first().toLocalFile());
}

void MainWindow::updateTitle() {
    const QString name = document_->name();
    setWindowTitle(name.isEmpty() ? QStringLiteral("NoteForge") : QString("%1[*] \u2014 NoteForge").arg(name));
    setWindowModified(!document_->undoStack()->isClean());
}

}  // namespace nf
