// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "util/NamedEnum.h"

namespace nf {

// Which LSTM kernel trains: Auto (NoteForge's fused CPU kernel on the CPU, LibTorch's/cuDNN's on a GPU), Fused
// (NoteForge's) or Aten (LibTorch's own, as the Python API uses).
enum class LstmKernel { Auto, Fused, Aten };
NF_ENUM_WORDS(LstmKernel, "LSTM kernel",
              {LstmKernel::Auto, "auto"}, {LstmKernel::Fused, "fused"}, {LstmKernel::Aten, "aten"})

}  // namespace nf
