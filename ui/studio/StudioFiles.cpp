// SPDX-License-Identifier: GPL-3.0-or-later
#include "studio/StudioFiles.h"

#include <QAction>
#include <QMainWindow>
#include <QDir>
#include <QFileDialog>
#include <QFileInfo>
#include <QMenu>
#include <QMessageBox>
#include <QSettings>
#include <QUndoStack>

#include "studio/StudioActions.h"
#include "studio/StudioContext.h"
#include "studio/StudioShell.h"
#include "controllers/ExportController.h"
#include "controllers/LogHub.h"
#include "controllers/RecentFiles.h"
#include "document/ScoreDocument.h"
#include "dataset/BaseModels.h"
#include "models/DatasetTableModel.h"
#include "pianoroll/PianoRollView.h"
#include "project/StudioPaths.h"
#include "widgets/TracksPanel.h"
#include "widgets/MessageBar.h"

namespace nf {

namespace {
constexpr int kAutosaveMs = 120'000;
}

StudioFiles::StudioFiles(StudioContext& context, ExportController* exporter, RecentFiles* recent, QObject* parent)
    : QObject(parent), context_(context), exporter_(exporter), recent_(recent) {
    autosaveTimer_.setInterval(kAutosaveMs);
    connect(&autosaveTimer_, &QTimer::timeout, this, &StudioFiles::autosave);
    autosaveTimer_.start();
}

void StudioFiles::setModelHooks(std::function<QStringList()> collect, std::function<void(const QStringList&)> restore) {
    collectModels_ = std::move(collect);
    restoreModels_ = std::move(restore);
}

void StudioFiles::setGeneratedHooks(std::function<std::vector<ProjectPiece>()> collect,
                                    std::function<void(const std::vector<ProjectPiece>&)> restore) {
    collectGenerated_ = std::move(collect);
    restoreGenerated_ = std::move(restore);
}

void StudioFiles::setSteeringHooks(std::function<std::optional<ProjectSteering>()> collect,
                                   std::function<void(const ProjectSteering&)> restore) {
    collectSteering_ = std::move(collect);
    restoreSteering_ = std::move(restore);
}

QString StudioFiles::autosavePath() { return StudioPaths::autosave(); }

void StudioFiles::chooseFolder() {
    const QString start = QSettings().value("dataset/last").toString();
    const QString dir = QFileDialog::getExistingDirectory(context_.shell().mainWindow(), tr("Open a folder of MIDI or ABC files"), start);
    if (!dir.isEmpty()) context_.shell().openPath(dir);
}

void StudioFiles::chooseFile() {
    const QString start = QSettings().value("dataset/last").toString();
    const QString file = QFileDialog::getOpenFileName(
        context_.shell().mainWindow(), tr("Open a MIDI or ABC file, or a project"), start,
        tr("Music files and projects (*.mid *.midi *.kar *.smf *.abc *.nfproject);;All files (*)"));
    if (!file.isEmpty()) context_.shell().openPath(file);
}

void StudioFiles::exportMidi(bool selectionOnly) {
    ScoreDocument* doc = context_.document();
    if (doc->isEmpty()) return;
    const QString start = StudioPaths::exportStart(StudioPaths::lastExport(), doc->name(), "mid");
    const QString path = QFileDialog::getSaveFileName(
        context_.shell().mainWindow(), selectionOnly ? tr("Export selection as MIDI") : tr("Export MIDI"), start, tr("MIDI files (*.mid)"));
    if (path.isEmpty()) return;
    StudioPaths::rememberExport(path);
    const QString error = exporter_->exportMidi(path, selectionOnly);
    if (!error.isEmpty()) return context_.log()->error(error);
    context_.log()->info(tr("Exported %1").arg(path));
    context_.shell().showStatus(tr("Exported %1").arg(path), 6000);
    emit context_.exported(path);
}

void StudioFiles::exportAbc() {
    if (context_.document()->isEmpty()) return;
    const QString start = StudioPaths::exportStart(StudioPaths::lastExport(),
                                                   context_.document()->name(), "abc");
    const QString path = QFileDialog::getSaveFileName(context_.shell().mainWindow(), tr("Export ABC"), start, tr("ABC tunes (*.abc)"));
    if (path.isEmpty()) return;
    StudioPaths::rememberExport(path);
    const QString error = exporter_->exportAbc(path);
    if (!error.isEmpty()) return context_.log()->error(error);
    context_.log()->info(tr("Exported %1").arg(path));
    context_.shell().showStatus(tr("Exported %1").arg(path), 6000);
    emit context_.exported(path);
}

ProjectData StudioFiles::collect() const {
    ProjectData p;
    if (const auto& ds = context_.dataset()->dataset()) p.datasetPath = QString::fromStdString(ds->root);
    if (collectModels_) p.models = collectModels_();
    // A base model by its name ("folk"): the project then opens with another installation's copy of it.
    if (const QString model = context_.generationModel(); !model.isEmpty())
        p.generationModel = QString::fromStdString(baseModelReference(model.toStdString()));
    p.datasetPiece = context_.shell().shownPiece();
    const ScoreDocument* doc = context_.document();
    if (!doc->isEmpty()) p.current = ProjectPiece{doc->name(), QString(), doc->score(), doc->insights(), std::nullopt};
    if (collectGenerated_) p.generated = collectGenerated_();
    if (collectSteering_) p.steering = collectSteering_();
    const TracksPanel* tracks = context_.tracks();
    for (int t = 0; t < static_cast<int>(doc->score().tracks.size()); ++t)
        p.tracks.push_back({tracks->isMuted(t), tracks->isSoloed(t), tracks->volume(t), tracks->pan(t)});
    const PianoRollGeometry& g = context_.pianoRoll()->geometry();
    p.view = ProjectView{g.pixelsPerTick(), g.keyHeight(), g.scrollX(), g.scrollY()};
    return p;
}

QString StudioFiles::saveProjectTo(const QString& path) {
    QDir().mkpath(QFileInfo(path).absolutePath());  // the XDG data folder does not exist on a first start
    try {
        ProjectFile::write(path, collect());
    } catch (const std::exception& e) {
        const QString error = QString::fromStdString(e.what());
        context_.log()->error(error);
        return error;
    }
    return {};
}

bool StudioFiles::saveProject() {
    if (projectPath_.isEmpty()) return saveProjectAs();
    if (!saveProjectTo(projectPath_).isEmpty()) return false;
    context_.document()->undoStack()->setClean();
    QFile::remove(autosavePath());
    context_.shell().showStatus(tr("Saved %1").arg(projectPath_), 5000);
    emit projectSaved(projectPath_);
    return true;
}

bool StudioFiles::saveProjectAs() {
    QDir().mkpath(StudioPaths::projects());
    // A new project is named after the piece in the editor: a dataset piece by its file, as exports are
    // ("jigs.abc X:3" -> jigs.nfproject), any other by its whole name ("Generated 1 (seed 5)" -> Generated_1_seed_5_).
    const QString untitled = StudioPaths::projects() + "/untitled.nfproject";
    QString piece = context_.document()->isEmpty() ? QString() : context_.document()->name();
    if (!piece.section(' ', 0, 0).contains('.')) piece.replace(' ', '_');
    const QString start = !projectPath_.isEmpty() ? projectPath_
                          : piece.isEmpty()       ? untitled
                                                  : StudioPaths::exportStart(untitled, piece, "nfproject");
    QString path = QFileDialog::getSaveFileName(context_.shell().mainWindow(), tr("Save project"), start, tr("NoteForge projects (*.nfproject)"));
    if (path.isEmpty()) return false;
    if (!path.endsWith(".nfproject")) path += ".nfproject";
    projectPath_ = path;
    recent_->add(path);
    return saveProject();
}

QString StudioFiles::openProject(const QString& path) {
    ProjectData project;
    try {
        project = ProjectFile::read(path);
    } catch (const std::exception& e) {
        const QString error = QString::fromStdString(e.what());
        context_.log()->error(error);
        return error;
    }
    if (path != autosavePath()) {
        projectPath_ = path;
        recent_->add(path);
    }
    apply(project);
    context_.log()->info(tr("Opened project %1").arg(path));
    return {};
}

void StudioFiles::apply(const ProjectData& project) {
    if (restoreModels_) restoreModels_(project.models);
    // The models come back where the music is made too: the trained ones, then the one generating (chosen last,
    // so it is the Generation panel's choice again); a file that is gone is left out.
    for (auto it = project.models.crbegin(); it != project.models.crend(); ++it)
        if (QFileInfo::exists(*it)) emit context_.modelAvailable(*it);
    if (!project.generationModel.isEmpty()) {
        const std::string model = resolveBaseModel(project.generationModel.toStdString());
        if (!model.empty())
            emit context_.modelAvailable(QString::fromStdString(model));
        else
            context_.log()->warning(tr("The project generated with %1, which is not there any more: choose a model in "
                                       "the Generation panel").arg(project.generationModel));
    }
    if (restoreGenerated_) restoreGenerated_(project.generated);
    // The editor's piece goes in once the dataset has loaded (loading shows its first piece).
    auto showCurrent = [this, project] {
        if (project.current) {
            context_.document()->setScore(project.current->score, project.current->name, project.current->insights);
        } else if (project.datasetPiece >= 0) {
            context_.shell().showPiece(project.datasetPiece);
        }
        for (int t = 0; t < static_cast<int>(project.tracks.size()); ++t) {
            const ProjectTrackState& state = project.tracks[static_cast<std::size_t>(t)];
            context_.tracks()->setListening(t, state.mute, state.solo);
            context_.tracks()->setLevels(t, state.volume, state.pan);
        }
        if (project.view && project.view->pixelsPerTick > 0 && project.view->keyHeight > 0) {
            PianoRollGeometry& g = context_.pianoRoll()->geometry();
            g.setPixelsPerTick(project.view->pixelsPerTick);
            g.setKeyHeight(project.view->keyHeight);
            g.setScrollX(project.view->scrollX);
            g.setScrollY(project.view->scrollY);
            context_.pianoRoll()->refresh();
        }
        if (project.steering && restoreSteering_) restoreSteering_(*project.steering);
    };
    if (!project.datasetPath.isEmpty() && QFileInfo::exists(project.datasetPath)) {
        connect(&context_, &StudioContext::datasetReady, this, showCurrent, Qt::SingleShotConnection);
        context_.shell().loadPath(project.datasetPath);  // the question about unsaved edits was asked before the project
    } else {
        if (!project.datasetPath.isEmpty())
            context_.log()->warning(tr("%1: the project's dataset folder is gone").arg(project.datasetPath));
        showCurrent();
    }
}

void StudioFiles::rebuildRecentMenu() {
    QMenu* menu = context_.actions()->recentMenu;
    if (!menu) return;
    menu->clear();
    RecentFiles* recent = recent_;
    for (const QString& path : recent->paths()) {
        QAction* act = menu->addAction(QFileInfo(path).fileName().isEmpty() ? path : QFileInfo(path).fileName());
        act->setToolTip(path);
        act->setStatusTip(tr("Open %1").arg(path));
        connect(act, &QAction::triggered, this, [this, path] { context_.shell().openPath(path); });
    }
    if (!menu->isEmpty()) menu->addSeparator();
    QAction* clear = menu->addAction(tr("Clear List"));
    clear->setStatusTip(tr("Forget the recently opened files and folders"));
    clear->setToolTip(clear->statusTip());
    clear->setEnabled(!recent->paths().isEmpty());
    connect(clear, &QAction::triggered, recent, &RecentFiles::clear);
}

void StudioFiles::autosave() {
    if (context_.document()->undoStack()->isClean() && unsavedGenerated() == 0) return;
    QDir().mkpath(QFileInfo(autosavePath()).absolutePath());
    if (saveProjectTo(autosavePath()).isEmpty()) context_.shell().showStatus(tr("Autosaved"), 2000);
}

void StudioFiles::offerRestore() {
    if (!QFileInfo::exists(autosavePath())) return;
    context_.messages()->showQuestion(
        tr("NoteForge did not close properly last time. Restore the unsaved work it autosaved?"), tr("Restore"),
        tr("Discard"), [this](bool restore) {
            if (restore) {
                openProject(autosavePath());
            } else {
                discardAutosave();
            }
        });
}

bool StudioFiles::confirmClose() {
    const bool edits = !context_.document()->undoStack()->isClean();
    const int generated = unsavedGenerated();
    if (!edits && generated == 0) return true;
    QStringList unsaved;
    if (edits) unsaved << tr("the piece has edits that are not saved");
    if (generated > 0) unsaved << tr("%n generated piece(s) are not in a saved project", nullptr, generated);
    const QString text = tr("Before quitting: %1. Save them in a project?").arg(unsaved.join(tr(", and ")));
    const auto answer = QMessageBox::question(context_.shell().mainWindow(), tr("Unsaved work"), text,
                                              QMessageBox::Save | QMessageBox::Discard | QMessageBox::Cancel);
    if (answer == QMessageBox::Cancel) return false;
    if (answer == QMessageBox::Save) return saveProject();
    return true;
}

bool StudioFiles::confirmDiscardEdits() {
    if (context_.document()->undoStack()->isClean()) return true;
    const auto answer = QMessageBox::question(
        context_.shell().mainWindow(), tr("Unsaved edits"),
        tr("%1 has edits that are not saved. Save them in a project before opening another piece?")
            .arg(context_.document()->name().isEmpty() ? tr("The piece") : context_.document()->name()),
        QMessageBox::Save | QMessageBox::Discard | QMessageBox::Cancel, QMessageBox::Cancel);
    if (answer == QMessageBox::Cancel) return false;
    if (answer == QMessageBox::Save) return saveProject();
    return true;
}

void StudioFiles::discardAutosave() { QFile::remove(autosavePath()); }

}  // namespace nf
