// SPDX-License-Identifier: GPL-3.0-or-later
#include "training/StudioTraining.h"

#include <QDockWidget>
#include <QSpinBox>
#include <QStatusBar>

#include "MainWindow.h"
#include "StudioFiles.h"
#include "controllers/LogHub.h"
#include "models/DatasetTableModel.h"
#include "generation/GeneratedPieceView.h"
#include "generation/GenerationController.h"
#include "training/TrainingController.h"
#include "training/TrainingListener.h"
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
            [log](const TrainingResult& r) { log->info(TrainingPanel::studioMessage(r)); });
    TrainingPanel* panel = panel_;
    window->files()->setModelHooks([panel] { return panel->modelPaths(); },
                                   [panel](const QStringList& paths) { panel->restoreModels(paths); });
    listener_ = new TrainingListener(controller_, [model] { return model->dataset(); }, this);
    connect(panel_->listenEvery(), &QSpinBox::valueChanged, listener_, &TrainingListener::setEveryEpochs);
    listener_->setEveryEpochs(panel_->listenEvery()->value());
    connect(controller_, &TrainingController::tokenizing, this, [this] { samples_.clear(); });
    connect(listener_, &TrainingListener::sampleReady, this, [this, log](int epoch, const GenerationResult& r, int copy) {
        samples_.push_back(r);
        panel_->addSample(epoch, r.piece.score.noteCount(), copy, TrainingListener::kCopyWarning);
        log->info(tr("Epoch %1 sample: %2 notes, longest passage copied from the data %3 notes")
                      .arg(epoch).arg(r.piece.score.noteCount()).arg(copy));
    });
    connect(listener_, &TrainingListener::sampleFailed, log,
            [log](int epoch, const QString& why) { log->warning(tr("No sample at epoch %1: %2").arg(epoch).arg(why)); });
    connect(panel_, &TrainingPanel::sampleChosen, this, [this, window](int index) {
        if (index < 0 || index >= static_cast<int>(samples_.size())) return;
        if (!window->files()->confirmDiscardEdits()) return;
        showGeneratedPiece(window->document(), samples_[static_cast<std::size_t>(index)],
                           tr("Training sample %1").arg(index + 1));
        emit window->playRequested();
    });
    connect(panel_, &TrainingPanel::status, window,
            [window](const QString& text) { window->statusBar()->showMessage(text, 6000); });
}

StudioTraining::~StudioTraining() = default;

}  // namespace nf
