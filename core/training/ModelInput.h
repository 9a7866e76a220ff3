// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "util/NamedEnum.h"

namespace nf {

// How a token enters the network: through an embedding, or scaled (its index divided by the vocabulary size as a
// single feature, which is how the paper's code fed its MIDI network).
enum class ModelInput { Embedding, Scaled };
NF_ENUM_WORDS(ModelInput, "model input", {ModelInput::Embedding, "embedding"}, {ModelInput::Scaled, "scaled"})

}  // namespace nf
