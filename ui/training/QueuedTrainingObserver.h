// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <chrono>

#include "training/TrainingMetrics.h"

namespace nf {

class TrainingController;

// The trainer's observer on the training thread: copies each event into a queued call on the controller's
// (GUI) thread and returns at once. Progress is thinned to about 20 updates a second: the trainer may report
// every step, and a flooded event queue is exactly the stutter the studio must not have.
class QueuedTrainingObserver : public TrainingObserver {
public:
    explicit QueuedTrainingObserver(TrainingController* target) : target_(target) {}

    void onStart(const TrainingStart& start) override;
    void onProgress(const TrainingProgress& progress) override;
    void onMetrics(const MetricsRow& row) override;
    void onMessage(const std::string& text) override;

private:
    TrainingController* target_;
    std::chrono::steady_clock::time_point lastProgress_{};
};

}  // namespace nf
