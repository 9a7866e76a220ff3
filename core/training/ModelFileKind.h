// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "util/NamedEnum.h"

namespace nf {

// What a model file (ModelFile.h) holds: a finished model, or a checkpoint that training resumes from (which also
// carries the optimizer's state).
enum class ModelFileKind { Model, Checkpoint };
NF_ENUM_WORDS(ModelFileKind, "model file kind",
              {ModelFileKind::Model, "model"}, {ModelFileKind::Checkpoint, "checkpoint"})

}  // namespace nf
