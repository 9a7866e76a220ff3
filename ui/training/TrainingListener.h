// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QObject>
#include <QString>

#include <functional>
#include <memory>

#include "dataset/Dataset.h"
#include "training/TrainingMetrics.h"

namespace nf {

class GenerationController;
class TrainingController;
struct GenerationResult;

// "Listen while it trains": every N epochs, the weights the trainer last wrote between two steps (its model or
// checkpoint file, whichever is newer) are copied aside and a short piece is generated from the copy on its own
// worker, then measured against the training data. The longest passage copied from a training piece is the
// overfit meter: a model that starts to recite its data shows it here first.
class TrainingListener : public QObject {
    Q_OBJECT
public:
    static constexpr int kCopyWarning = 24;  // notes copied in a row from one training piece

    TrainingListener(TrainingController* training, std::function<std::shared_ptr<const Dataset>()> dataset,
                     QObject* parent = nullptr);
    ~TrainingListener() override;

    int everyEpochs() const { return every_; }
    void setEveryEpochs(int epochs);  // 0 = off; a remote run copies its weights back as often
    void setSampleLength(int tokens) { length_ = tokens; }

signals:
    void sampleReady(int epoch, const nf::GenerationResult& sample, int longestCopy);
    void sampleFailed(int epoch, const QString& why);

private:
    void onEpoch(int epoch);
    void removeSampleCopy();
    QString newestWeights() const;

    TrainingController* training_;
    std::function<std::shared_ptr<const Dataset>()> dataset_;
    GenerationController* generator_;
    int every_ = 2;
    int length_ = 200;
    int pendingEpoch_ = 0;
    QString sampleCopy_;  // the weights the sample is taken from; removed once it is made
};

}  // namespace nf
