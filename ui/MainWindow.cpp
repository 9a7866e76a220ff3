// SPDX-License-Identifier: GPL-3.0-or-later
#include "MainWindow.h"

#include <algorithm>

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
#include <QScrollArea>
#include <QShowEvent>
#include <QStatusBar>
#include <QTableView>
#include <QToolBar>
#include <QUndoStack>
#include <QVBoxLayout>

#include "studio/StudioActions.h"
#include "studio/StudioContext.h"
#include "studio/StudioFiles.h"
#include "studio/StudioModule.h"
#include "controllers/DatasetLoader.h"
#include "controllers/EditController.h"
#include "controllers/ExportController.h"
#include "controllers/LogHub.h"
#include "controllers/RecentFiles.h"
#include "document/ScoreDocument.h"
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
#include "widgets/TempoBox.h"
#include "widgets/TracksPanel.h"

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
    // The side panels run to the bottom of the window, so the bottom tabs sit under the piano roll only and do not
    // take a full-width strip from it.
    setCorner(Qt::BottomLeftCorner, Qt::LeftDockWidgetArea);
    setCorner(Qt::BottomRightCorner, Qt::RightDockWidgetArea);
    pianoRoll_->setDocument(document_);

    auto* central = new QWidget(this);
    auto* layout = new QVBoxLayout(central);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->setSpacing(0);
    layout->addWidget(messageBar_);
    layout->addWidget(pianoRoll_, 1);
    setCentralWidget(central);

    actions_ = new StudioActions(this, document_->undoStack(), pianoRoll_);
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
    tempoBox_ = new TempoBox(document_, transportBar_);
    transportBar_->addWidget(tempoBox_);
    connect(pianoRoll_, &PianoRollView::playheadMoved, tempoBox_, &TempoBox::showAt);
    addToolBar(Qt::TopToolBarArea, transportBar_);
    exporter_ = new ExportController(document_, this);
    taskProgress_ = new TaskProgress(this);
    StudioContext::Parts parts;
    parts.shell = this;
    parts.document = document_;
    parts.pianoRoll = pianoRoll_;
    parts.dataset = datasetModel_;
    parts.tracks = tracksPanel_;
    parts.log = log_;
    parts.messages = messageBar_;
    parts.actions = actions_;
    parts.progress = taskProgress_;
    parts.transportBar = transportBar_;
    parts.tempo = tempoBox_;
    context_ = new StudioContext(parts, this);
    files_ = new StudioFiles(*context_, exporter_, recent_, this);
    context_->setFiles(files_);
    connect(this, &MainWindow::datasetReady, context_, &StudioContext::datasetReady);
    connect(this, &MainWindow::playRequested, context_, &StudioContext::playRequested);
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
    const std::vector<StudioModule*> modules = StudioModuleRegistry::createAll(*context_, this);
    logDock_->raise();  // the engine panels tab onto the Log; the Log is what a first start should show
    defaultState_ = saveState();
    restoreLayout();
    for (StudioModule* m : modules) m->layoutRestored();
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
    fitDocksToWindow();
}

void MainWindow::fitDocksToWindow() {
    // Shares chosen so the piano roll keeps more than either side panel and the bottom tabs: at 1280x720 about
    // 700x400 px of notes; the panels scroll or can be dragged smaller still.
    const int w = std::max(width(), 1024), h = std::max(height(), 640);
    resizeDocks({datasetDock_, tracksDock_}, {w * 22 / 100, w * 17 / 100}, Qt::Horizontal);
    // While the Welcome guide takes its strip across the top (a first start), the bottom tabs give up some more.
    const auto* welcome = findChild<QDockWidget*>(QStringLiteral("welcomeDock"));
    const bool guide = welcome && !welcome->isHidden();
    resizeDocks({logDock_}, {h * (guide ? 16 : 22) / 100}, Qt::Vertical);
}

void MainWindow::showEvent(QShowEvent* event) {
    QMainWindow::showEvent(event);
    if (shownOnce_) return;
    shownOnce_ = true;
    if (!layoutRestored_) fitDocksToWindow();  // now that the window has its real size
}

QDockWidget* MainWindow::addPanel(const QString& title, const char* objectName, QWidget* panel) {
    auto* dock = new QDockWidget(title, this);
    dock->setObjectName(objectName);
    // In a scroll area, so the bottom tabs can be made as short as the user likes: a panel's own minimum height
    // would otherwise take the piano roll's room on a small screen.
    auto* scroll = new QScrollArea(dock);
    scroll->setWidget(panel);
    scroll->setWidgetResizable(true);
    scroll->setFrameShape(QFrame::NoFrame);
    dock->setWidget(scroll);
    dock->toggleViewAction()->setStatusTip(tr("Show or hide the %1 panel").arg(title));
    addDockWidget(Qt::BottomDockWidgetArea, dock);
    tabifyDockWidget(logDock_, dock);
    actions_->panelsMenu->addAction(dock->toggleViewAction());
    return dock;
}

void MainWindow::showStatus(const QString& text, int milliseconds) { statusBar()->showMessage(text, milliseconds); }

void MainWindow::restoreLayout() {
    QSettings s;
    if (!restoreGeometry(s.value("window/geometry").toByteArray())) resize(1440, 900);
    layoutRestored_ = restoreState(s.value("window/state").toByteArray());
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
    loadPath(path);
    files_->offerRestore();
}

void MainWindow::openPath(const QString& path) {
    if (!files_->confirmDiscardEdits()) return;
    loadPath(path);
}

void MainWindow::loadPath(const QString& path) {
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
    if (!files_->confirmDiscardEdits()) return;
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

void MainWindow::updateTitle() {
    const QString name = document_->name();
    setWindowTitle(name.isEmpty() ? QStringLiteral("NoteForge") : QString("%1[*] \u2014 NoteForge").arg(name));
    setWindowModified(!document_->undoStack()->isClean());
}

}  // namespace nf
