// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <cstdio>
#include <string>

#include "training/TrainingMetrics.h"

namespace nf {

// Writes the metrics history as CSV with the columns
//   epoch,step,wall_s,train_loss,train_acc,val_loss,val_acc,val_ppl,tokens_per_s,lr
// (step empty on per-epoch rows, validation empty on per-step rows or without a validation set). A resumed run
// rewrites the earlier rows first, so the file always holds the whole history. Flushed after every row so a
// plot can follow it live.
class MetricsCsvWriter final : public TrainingObserver {
public:
    static constexpr const char* kHeader = "epoch,step,wall_s,train_loss,train_acc,val_loss,val_acc,val_ppl,tokens_per_s,lr,critic_loss";

    // Throws std::runtime_error naming the file when it cannot be created.
    explicit MetricsCsvWriter(const std::string& path);
    ~MetricsCsvWriter() override;
    MetricsCsvWriter(const MetricsCsvWriter&) = delete;
    MetricsCsvWriter& operator=(const MetricsCsvWriter&) = delete;

    void onStart(const TrainingStart& start) override;
    void onMetrics(const MetricsRow& row) override;

    static std::string formatRow(const MetricsRow& row);

private:
    std::FILE* file_ = nullptr;
    std::string path_;
};

}  // namespace nf
