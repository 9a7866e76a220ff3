// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "util/NamedEnum.h"

namespace nf {

// What a model file (ModelFile.h) holds: a finished model, a checkpoint that training resumes from (which also
// carries the optimizer's state), or low-rank adapters that open on top of the base model they name
// (training/ModelAdapter.h).
enum class ModelFileKind { Model, Checkpoint, Adapter };
NF_ENUM_WORDS(ModelFileKind, "model file kind",
              {ModelFileKind::Model, "model"}, {ModelFileKind::Checkpoint, "checkpoint"},
              {ModelFileKind::Adapter, "adapter"})

}  // namespace nf
