// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "util/NamedEnum.h"

namespace nf {

// Incremental: the LSTM state is carried from token to token (each token costs one step). Windowed: the paper's
// method, faithful to how paper-midi was trained on fresh 100-token windows: every token re-runs the last
// `window` tokens from a zero state (each token costs `window` steps).
enum class DecodeMode { Incremental, Windowed };
NF_ENUM_WORDS(DecodeMode, "decoding mode", {DecodeMode::Incremental, "incremental"}, {DecodeMode::Windowed, "windowed"})

}  // namespace nf
