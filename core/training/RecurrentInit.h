// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "util/NamedEnum.h"

namespace nf {

// Initialisation of the LSTM recurrent kernels: Keras's orthogonal one (the paper's), or LibTorch's own defaults.
enum class RecurrentInit { Orthogonal, Torch };
NF_ENUM_WORDS(RecurrentInit, "recurrent initialisation",
              {RecurrentInit::Orthogonal, "orthogonal"}, {RecurrentInit::Torch, "torch"})

}  // namespace nf
