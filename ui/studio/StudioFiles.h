// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QObject>
#include <QTimer>

#include <functional>
#include <vector>

#include "project/ProjectFile.h"

namespace nf {

class ExportController;
class RecentFiles;
class StudioContext;

// The File menu's flows: opening folders, files and projects, the recent list, exporting MIDI and ABC, saving
// the session as a project (atomically), autosave every two minutes while there are unsaved edits, the offer to
// restore them after a crash, and the questions before unsaved work is lost: edits of the piece when another piece
// replaces it, and edits or generated pieces when the window closes.
class StudioFiles : public QObject {
    Q_OBJECT
public:
    StudioFiles(StudioContext& context, ExportController* exporter, RecentFiles* recent, QObject* parent);

    // Engine panels contribute to projects: model files (Training) and generated pieces (Generation).
    void setModelHooks(std::function<QStringList()> collect, std::function<void(const QStringList&)> restore);
    void setGeneratedHooks(std::function<std::vector<ProjectPiece>()> collect,
                           std::function<void(const std::vector<ProjectPiece>&)> restore);

    // The model's candidates waiting in the Compose strip (the steering side answers; none without it). The restore
    // hook runs once the project's piece is in the editor.
    void setSteeringHooks(std::function<std::optional<ProjectSteering>()> collect,
                          std::function<void(const ProjectSteering&)> restore);

    // How many generated pieces are not in a saved project yet (the Generation side answers; 0 without it).
    void setUnsavedGeneratedHook(std::function<int()> count) { unsavedGenerated_ = std::move(count); }

    const QString& projectPath() const { return projectPath_; }
    ProjectData collect() const;
    static QString autosavePath();

public slots:
    void chooseFolder();
    void chooseFile();
    void exportMidi(bool selectionOnly);
    void exportAbc();
    bool saveProject();
    bool saveProjectAs();
    // Returns an empty string on success, else the one-line error (also logged).
    QString saveProjectTo(const QString& path);
    QString openProject(const QString& path);
    void rebuildRecentMenu();
    // After start-up: offers to restore the autosave a crashed session left behind.
    void offerRestore();
    // Before the window closes: false when the user chose to stay (Cancel, or a failed save).
    bool confirmClose();
    // Before another piece replaces the one in the editor: true when there is nothing unsaved, or the user saved
    // the project or chose to discard the edits; false when the user chose to keep the piece (Cancel, failed save).
    bool confirmDiscardEdits();
    // A clean exit leaves no autosave behind.
    void discardAutosave();

signals:
    // (A MIDI or ABC file written is told to every part through StudioContext::exported.)
    // The session was saved as a project (not an autosave): everything in it is safe on disk now.
    void projectSaved(const QString& path);

private:
    void autosave();
    void apply(const ProjectData& project);
    int unsavedGenerated() const { return unsavedGenerated_ ? unsavedGenerated_() : 0; }

    StudioContext& context_;
    ExportController* exporter_;
    RecentFiles* recent_;
    QString projectPath_;
    QTimer autosaveTimer_;
    std::function<QStringList()> collectModels_;
    std::function<void(const QStringList&)> restoreModels_;
    std::function<std::vector<ProjectPiece>()> collectGenerated_;
    std::function<void(const std::vector<ProjectPiece>&)> restoreGenerated_;
    std::function<std::optional<ProjectSteering>()> collectSteering_;
    std::function<void(const ProjectSteering&)> restoreSteering_;
    std::function<int()> unsavedGenerated_;
};

}  // namespace nf
