// SPDX-License-Identifier: GPL-3.0-or-later
#include "training/StudioTraining.h"

#include <QDockWidget>
#include <QMainWindow>
#include <QSpinBox>
#include <QTimer>

#include "controllers/LogHub.h"
#include "models/DatasetTableModel.h"
#include "generation/GeneratedPieceView.h"
#include "generation/GenerationController.h"
#include "training/TrainingController.h"
#include "training/TrainingListener.h"
#include "training/TrainingPanel.h"
#include "studio/StudioContext.h"
#include "studio/StudioFiles.h"
#include "studio/StudioShell.h"

namespace nf {

NF_STUDIO_MODULE(StudioTraining, 20)

StudioTraining::StudioTraining(StudioContext& context, QObject* window)
    : StudioModule(context, window), controller_(new TrainingController(this)) {
    DatasetTableModel* model = context.dataset();
    StudioShell& shell = context.shell();
    panel_ = new TrainingPanel(controller_, [model] { return model->dataset(); }, shell.mainWindow());
    dock_ = shell.addPanel(tr("Training"), "trainingDock", panel_);
    connect(model, &QAbstractItemModel::modelReset, panel_, &TrainingPanel::suggestBaseModel);
    LogHub* log = context.log();
    connect(controller_, &TrainingController::message, log, &LogHub::info);
    connect(controller_, &TrainingController::failed, log, &LogHub::error);
    connect(controller_, &TrainingController::finished, log,
            [log](const TrainingResult& r) { log->info(TrainingPanel::studioMessage(r)); });
    connect(controller_, &TrainingController::finished, &context, &StudioContext::trainingFinished);
    connect(panel_, &TrainingPanel::modelChosen, &context, &StudioContext::modelAvailable);
    connect(&context, &StudioContext::trainingRequested, this, [this] {
        dock_->show();
        dock_->raise();
        panel_->startTraining();
    });
    TrainingPanel* panel = panel_;
    context.files()->setModelHooks([panel] { return panel->modelPaths(); },
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
    connect(panel_, &TrainingPanel::sampleChosen, this, [this, &context](int index) {
        if (index < 0 || index >= static_cast<int>(samples_.size())) return;
        if (!context.files()->confirmDiscardEdits()) return;
        showGeneratedPiece(context.document(), samples_[static_cast<std::size_t>(index)],
                           tr("Training sample %1").arg(index + 1));
        emit context.playRequested();
    });
    connect(panel_, &TrainingPanel::status, this, [&shell](const QString& text) { shell.showStatus(text, 6000); });
    // A training the last session left running on another machine is followed again once the window is up.
    QTimer::singleShot(0, controller_, [c = controller_] { c->reattachSavedRun(); });
}

StudioTraining::~StudioTraining() = default;

}  // namespace nf
