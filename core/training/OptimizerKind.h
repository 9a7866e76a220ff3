// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "util/NamedEnum.h"

namespace nf {

// The optimizer (training/engine/MusicNet): the paper's MIDI network used RMSprop, its ABC network Adam.
enum class OptimizerKind { RmsProp, Adam, AdamW };
NF_ENUM_WORDS(OptimizerKind, "optimizer",
              {OptimizerKind::RmsProp, "rmsprop"}, {OptimizerKind::Adam, "adam"}, {OptimizerKind::AdamW, "adamw"})

}  // namespace nf
