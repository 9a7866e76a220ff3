// SPDX-License-Identifier: GPL-3.0-or-later
#include "training/StudioTraining.h"

#include <QDockWidget>
#include <QStatusBar>

#include "MainWindow.h"
#include "StudioFiles.h"
#include "controllers/LogHub.h"
#include "models/DatasetTableModel.h"
#include "training/TrainingController.h"
#include "training/TrainingPanel.h"

namespace nf {

StudioTraining::StudioTraining(MainWindow* window)
    : QObject(window), controller_(new TrainingController(this)) {
    DatasetTableModel* model = window->datasetModel();
    panel_ = new TrainingPanel(controller_, [model] { return model->dataset(); }, window);
    dock_ = window->addPanel(tr("Training"), "trainingDock", panel_);
    LogHub* log = window->log();
    connect(controller_, &TrainingController::message, log, &LogHub::info);
    connect(controller_, &TrainingController::failed, log, &LogHub::error);
    connect(controller_, &TrainingController::finished, log,
            [log](const TrainingResult& r) { log->info(QString::fromStdString(r.message)); });
    TrainingPanel* panel = panel_;
    window->files()->setModelHooks([panel] { return panel->modelPaths(); },
                                   [panel](const QStringList& paths) { panel->restoreModels(paths); });
    connect(panel_, &TrainingPanel::status, window,
            [window](const QString& text) { window->statusBar()->showMessage(text, 6000); });
}

}  // namespace nf
