// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <atomic>

namespace nf {

// Pause, resume and stop a running training from any thread (the GUI thread, a signal handler). The trainer
// polls it between steps, so a request takes effect within one step; stopping saves a checkpoint first.
// Lock-free: safe to call from a signal handler.
// The queries are virtual because the training module reads them through its host (training/TrainingModuleAbi.h):
// inside the module a control asks the host's control across the C interface.
class TrainingControl {
public:
    virtual ~TrainingControl() = default;
    void requestPause() { pause_.store(true); }
    void resume() { pause_.store(false); }
    void requestStop() { stop_.store(true); }

    virtual bool pauseRequested() const { return pause_.load(); }
    virtual bool stopRequested() const { return stop_.load(); }

private:
    std::atomic<bool> pause_{false};
    std::atomic<bool> stop_{false};
};

}  // namespace nf
