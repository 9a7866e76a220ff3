// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <vector>

#include "training/TrainingMetrics.h"

namespace nf {

// Passes every training event on to several observers (a progress display and a CSV writer, say), in order.
// Null entries are ignored.
class FanOutObserver final : public TrainingObserver {
public:
    explicit FanOutObserver(std::vector<TrainingObserver*> observers) : observers_(std::move(observers)) {}

    void onStart(const TrainingStart& s) override { each([&](TrainingObserver* o) { o->onStart(s); }); }
    void onProgress(const TrainingProgress& p) override { each([&](TrainingObserver* o) { o->onProgress(p); }); }
    void onMetrics(const MetricsRow& r) override { each([&](TrainingObserver* o) { o->onMetrics(r); }); }
    void onMessage(const std::string& m) override { each([&](TrainingObserver* o) { o->onMessage(m); }); }
    void onFinish(const TrainingResult& r) override { each([&](TrainingObserver* o) { o->onFinish(r); }); }

private:
    template <typename F>
    void each(F&& f) {
        for (auto* o : observers_)
            if (o) f(o);
    }
    std::vector<TrainingObserver*> observers_;
};

}  // namespace nf
