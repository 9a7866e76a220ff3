// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "util/NamedEnum.h"

namespace nf {

// A model's size preset (TrainingConfig::forModel()): only the transformer has them: small (about 2M parameters,
// for a CPU; its default) and base (about 20M, for a GPU).
enum class ModelSize { Small, Base };
NF_ENUM_WORDS(ModelSize, "preset", {ModelSize::Small, "small"}, {ModelSize::Base, "base"})

}  // namespace nf
