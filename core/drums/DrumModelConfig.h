// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "training/TrainingConfig.h"

namespace nf {

// The `drums` model (`noteforge-cli train --model drums`): the lstm trained by likelihood on the drum-pattern
// tokens (drums/DrumTokenizer.h): the baseline a drum GAN has to beat. Windows of 128 tokens hold about two bars
// of a busy groove; the carried state reaches further back.
TrainingConfig drumModelConfig();

}  // namespace nf
