// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

// Inside core only (it brings nlohmann/json): one metrics row as JSON, as model files, checkpoints and the training
// event log (training/TrainingEventLog.h) store it.
#include <nlohmann/json.hpp>

#include "training/TrainingMetrics.h"

namespace nf {

nlohmann::json metricsRowJson(const MetricsRow& row);
// Throws nlohmann::json::exception when a required field is missing or of another type.
MetricsRow metricsRowFrom(const nlohmann::json& j);

}  // namespace nf
