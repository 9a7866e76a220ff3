// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QFutureWatcher>
#include <QObject>
#include <QString>

#include <atomic>
#include <cstdint>
#include <memory>
#include <optional>
#include <utility>

#include "generation/RemiSteering.h"
#include "generation/SteeringJob.h"
#include "training/LearnedInstruments.h"

namespace nf {

class GenerationModel;

// Runs steered generation (core's RemiSteering: infill, accompany, continue) on a worker thread, one candidate at a
// time so the first can be heard while the others are written. The model is opened on the worker when the studio's
// model changes, which also tells whether it can be steered at all (only `remi` models can). Cancellation is an
// atomic flag the engine polls between tokens; the destructor cancels and waits.
class SteeringController : public QObject {
    Q_OBJECT
public:
    explicit SteeringController(QObject* parent = nullptr);
    ~SteeringController() override;

    // The model to steer; opened in the background (modelChecked() says what came of it). Empty: none.
    void setModelPath(const QString& path);
    QString modelPath() const { return modelPath_; }
    // Whether the current model was opened and is a `remi` model; why not otherwise (a sentence for a tooltip).
    bool canSteer() const { return canSteer_; }
    QString whyNot() const { return whyNot_; }
    // The current model is a `drums` model: it cannot steer, but Add Part can write drums with it.
    bool isDrumsModel() const { return drumsModel_; }
    // The parts the current model heard in training (read with the check); nullopt when its file does not say.
    const std::optional<LearnedInstruments>& learnedInstruments() const { return learned_; }

    bool isRunning() const { return watcher_.isRunning(); }
    // Starts `job`; its candidates are numbered from `firstIndex` (More adds to a set). A run still going is
    // cancelled and this one starts when it has stopped.
    void start(const SteeringJob& job, int firstIndex);
    void cancel();

signals:
    void modelChecked(bool canSteer, const QString& whyNot);
    void candidateReady(int index, std::shared_ptr<const nf::SteeredPiece> piece);
    void progress(int done, int total);
    // The run ended: all candidates made, cancelled, or failed (failed() came first).
    void finished(bool cancelled);
    void failed(const QString& message);
    // Add Part with a drum model: what it hears of the piece, said once the model is open (at the first candidate
    // of a run): the band's onsets (a drums model trained to follow the band, the piece having other parts), or only
    // the bar lines (any other drums model; a drum GAN only its own meter's whole bars).
    void drumModelHears(const QString& modelFile, bool theBand, bool drumGan);

private:
    struct Cache;
    QString modelPath_;
    bool canSteer_ = false;
    bool drumsModel_ = false;
    std::optional<LearnedInstruments> learned_;
    QString whyNot_;
    QFutureWatcher<void> watcher_;
    QFutureWatcher<void> opener_;
    std::shared_ptr<std::atomic<bool>> cancel_;
    std::shared_ptr<Cache> cache_;
    std::uint64_t run_ = 0;
    std::optional<std::pair<SteeringJob, int>> pending_;  // waits for the cancelled run to stop  // GUI thread only: the current run; results of older runs are dropped
};

}  // namespace nf
