// SPDX-License-Identifier: GPL-3.0-or-later
#include "training/TrainingListener.h"

#include <QFile>
#include <QFileInfo>

#include "generation/GenerationController.h"
#include "training/TrainingController.h"

namespace nf {

TrainingListener::TrainingListener(TrainingController* training,
                                   std::function<std::shared_ptr<const Dataset>()> dataset, QObject* parent)
    : QObject(parent), training_(training), dataset_(std::move(dataset)), generator_(new GenerationController(this)) {
    // Weights, not metrics: a run on another machine has its epoch's weights here only once they are copied back.
    connect(training_, &TrainingController::weightsUpdated, this, &TrainingListener::onEpoch);
    connect(generator_, &GenerationController::finished, this, [this](const std::vector<GenerationResult>& results) {
        removeSampleCopy();
        if (results.empty()) return;
        const GenerationResult& r = results.front();
        const int copy = r.evaluation && r.evaluation->novelty ? r.evaluation->novelty->longestCopy.length : 0;
        emit sampleReady(pendingEpoch_, r, copy);
    });
    connect(generator_, &GenerationController::failed, this,
            [this](const QString& why) {
                removeSampleCopy();
                emit sampleFailed(pendingEpoch_, why);
            });
}

TrainingListener::~TrainingListener() {
    generator_->cancel();
    removeSampleCopy();
}

void TrainingListener::removeSampleCopy() {
    // The copies would otherwise pile up beside the model, one per Listen, in the user's models folder.
    if (!sampleCopy_.isEmpty()) QFile::remove(sampleCopy_);
    sampleCopy_.clear();
}

QString TrainingListener::newestWeights() const {
    const QString model = training_->modelPath();
    const QString checkpoint = model + ".ckpt";
    const QFileInfo m(model), c(checkpoint);
    if (!m.exists()) return c.exists() ? checkpoint : QString();
    return c.exists() && c.lastModified() > m.lastModified() ? checkpoint : model;
}

void TrainingListener::setEveryEpochs(int epochs) {
    every_ = epochs;
    training_->setWeightsEvery(epochs);
}

void TrainingListener::onEpoch(int epoch) {
    if (every_ <= 0 || epoch % every_ != 0) return;
    if (generator_->isRunning()) return;  // the previous sample is still being made: skip rather than queue up
    const QString weights = newestWeights();
    if (weights.isEmpty()) return;
    // The trainer replaces its files atomically, so the copy is one whole set of weights, not a mix of two.
    const QString copy = training_->modelPath() + QString(".epoch%1.sample").arg(epoch);
    QFile::remove(copy);
    if (!QFile::copy(weights, copy)) return;
    sampleCopy_ = copy;
    pendingEpoch_ = epoch;
    GenerationController::Request request;
    request.modelPath = copy;
    request.settings.length = length_;
    request.settings.variations = 1;
    request.settings.sampling.seed = static_cast<std::uint64_t>(epoch);
    request.dataset = dataset_ ? dataset_() : nullptr;
    generator_->generate(request);
}

}  // namespace nf
