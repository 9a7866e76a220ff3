// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QObject>
#include <QTimer>

#include <functional>
#include <vector>

#include "project/ProjectFile.h"

namespace nf {

class MainWindow;

// The File menu's flows: opening folders, files and projects, the recent list, exporting MIDI and ABC, saving
// the session as a project (atomically), autosave every two minutes while there are unsaved edits, the offer to
// restore them after a crash, and the question before closing with unsaved edits.
class StudioFiles : public QObject {
    Q_OBJECT
public:
    explicit StudioFiles(MainWindow* window);

    // Engine panels contribute to projects: model files (Training) and generated pieces (Generation).
    void setModelHooks(std::function<QStringList()> collect, std::function<void(const QStringList&)> restore);
    void setGeneratedHooks(std::function<std::vector<ProjectPiece>()> collect,
                           std::function<void(const std::vector<ProjectPiece>&)> restore);

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
    // A clean exit leaves no autosave behind.
    void discardAutosave();

signals:
    // A MIDI or ABC file was written.
    void exported(const QString& path);

private:
    void autosave();
    void apply(const ProjectData& project);

    MainWindow* window_;
    QString projectPath_;
    QTimer autosaveTimer_;
    std::function<QStringList()> collectModels_;
    std::function<void(const QStringList&)> restoreModels_;
    std::function<std::vector<ProjectPiece>()> collectGenerated_;
    std::function<void(const std::vector<ProjectPiece>&)> restoreGenerated_;
};

}  // namespace nf
