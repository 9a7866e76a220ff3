// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "util/NamedEnum.h"

namespace nf {

// Initialisation of the LSTM input kernels and the Dense layers: Keras's Glorot-uniform, which the paper's models
// got without asking, or LibTorch's own defaults.
enum class InputInit { GlorotUniform, Torch };
NF_ENUM_WORDS(InputInit, "input initialisation",
              {InputInit::GlorotUniform, "glorot_uniform"}, {InputInit::Torch, "torch"})

}  // namespace nf
