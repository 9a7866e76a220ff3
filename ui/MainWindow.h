// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QMainWindow>

#include <memory>

#include "dataset/Dataset.h"
#include "studio/StudioShell.h"

class QComboBox;
class QDockWidget;
class QLabel;
class QToolBar;

namespace nf {

class DatasetLoader;
class DatasetPanel;
class DatasetTableModel;
class EditController;
class ExportController;
class StudioFiles;
class TaskProgress;
class TempoBox;
class LogHub;
class LogPanel;
class MessageBar;
class PianoRollView;
class RecentFiles;
class ScoreDocument;
class StudioActions;
class StudioContext;
class TracksPanel;
class VocabularyCounter;

// The studio's main window: the piano roll in the middle, dockable panels around it (Dataset, Tracks, Log),
// menus and toolbar. It wires controllers to widgets and owns no music logic of its own. The optional parts (sound,
// Training, Generation, the Welcome guide, new panels) are StudioModules made from the registry with a
// StudioContext; the window includes none of them (docs/architecture.md, "The studio's wiring").
class MainWindow : public QMainWindow, public StudioShell {
    Q_OBJECT
public:
    explicit MainWindow(QWidget* parent = nullptr);
    ~MainWindow() override;

    // At start-up: the path from the command line if any, else the last dataset, else (first start) the demo.
    void openInitial(const QString& commandLinePath);

    ScoreDocument* document() const { return document_; }
    PianoRollView* pianoRoll() const { return pianoRoll_; }
    DatasetPanel* datasetPanel() const { return datasetPanel_; }
    DatasetTableModel* datasetModel() const { return datasetModel_; }
    DatasetLoader* loader() const { return loader_; }
    LogHub* log() const { return log_; }
    LogPanel* logPanel() const { return logPanel_; }
    MessageBar* messageBar() const { return messageBar_; }
    TracksPanel* tracksPanel() const { return tracksPanel_; }
    StudioActions* actions() const { return actions_; }
    EditController* editor() const { return editor_; }
    QComboBox* pieceBox() const { return pieceBox_; }
    RecentFiles* recentFiles() const { return recent_; }
    StudioFiles* files() const { return files_; }
    QDockWidget* logDock() const { return logDock_; }
    // Adds an engine panel (Training, Generation) as a dock tabbed with the Log, listed under View > Panels.
    QDockWidget* addPanel(const QString& title, const char* objectName, QWidget* panel) override;
    QToolBar* transportBar() const { return transportBar_; }
    TempoBox* tempoBox() const { return tempoBox_; }
    TaskProgress* taskProgress() const { return taskProgress_; }
    ExportController* exporter() const { return exporter_; }
    // What the studio's parts are built with.
    StudioContext* context() const { return context_; }
    // A part of the studio by type (StudioSound, StudioTraining, ...): null when this build has none.
    template <class Module>
    Module* module() const {
        return findChild<Module*>(QString(), Qt::FindDirectChildrenOnly);
    }
    // StudioShell
    QMainWindow* mainWindow() override { return this; }
    int shownPiece() const override { return shownPiece_; }
    void showStatus(const QString& text, int milliseconds) override;
    // Whether a dropped or named path is something the studio opens: a folder, a MIDI/ABC file or a project.
    static bool canOpen(const QString& path);

public slots:
    // Opens a folder or a file as the dataset (in the background) or a project, after asking what to do with
    // unsaved edits of the piece in the editor.
    void openPath(const QString& path) override;
    // The same without the question (it was asked already, or nothing is at stake).
    void loadPath(const QString& path) override;
    // Shows piece `index` of the loaded dataset in the piano roll.
    void showPiece(int index) override;

signals:
    // A load ended (finished, cancelled or failed) and the table shows its result.
    void datasetReady();
    // The piece now in the editor should be heard from its start (a double-clicked file, a training sample).
    void playRequested();

protected:
    void closeEvent(QCloseEvent* event) override;
    void showEvent(QShowEvent* event) override;
    void dragEnterEvent(QDragEnterEvent* event) override;
    void dropEvent(QDropEvent* event) override;

private:
    void createDocks();
    void connectActions();
    void restoreLayout();
    // The first layout of a window without a saved one: side panels and the bottom tabs take shares of the window
    // size, so the piano roll is the largest thing on screen from 1280x720 up.
    void fitDocksToWindow();
    void onDatasetLoaded(std::shared_ptr<const Dataset> dataset);
    void onLoadFailed(const QString& path, const QString& message);
    void onFileActivated(int row);
    void fillPieceBox(int row);
    void updateTitle();

    ScoreDocument* document_;
    DatasetTableModel* datasetModel_;
    DatasetLoader* loader_;
    LogHub* log_;
    RecentFiles* recent_;
    VocabularyCounter* vocabulary_;
    PianoRollView* pianoRoll_;
    EditController* editor_;
    MessageBar* messageBar_;
    DatasetPanel* datasetPanel_ = nullptr;
    TracksPanel* tracksPanel_ = nullptr;
    LogPanel* logPanel_ = nullptr;
    QDockWidget* datasetDock_ = nullptr;
    QDockWidget* tracksDock_ = nullptr;
    QDockWidget* logDock_ = nullptr;
    StudioActions* actions_ = nullptr;
    QComboBox* pieceBox_ = nullptr;
    QToolBar* transportBar_ = nullptr;
    TempoBox* tempoBox_ = nullptr;
    TaskProgress* taskProgress_ = nullptr;
    ExportController* exporter_ = nullptr;
    StudioFiles* files_ = nullptr;
    StudioContext* context_ = nullptr;
    QComboBox* gridBox_ = nullptr;
    QLabel* positionLabel_ = nullptr;
    QByteArray defaultState_;
    int shownPiece_ = -1;
    bool layoutRestored_ = false;  // a saved layout was put back; the default proportions must not override it
    bool shownOnce_ = false;
    bool showingPiece_ = false;  // set while showPiece() replaces the document
};

}  // namespace nf
