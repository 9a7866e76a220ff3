// SPDX-License-Identifier: GPL-3.0-or-later
#include "drums/DrumModelConfig.h"

namespace nf {

TrainingConfig drumModelConfig() {
    TrainingConfig c = TrainingConfig::forModel(ModelKind::Lstm);
    c.tokenizer.kind = TokenizerKind::Drums;
    c.seqLength = 128;
    return c;
}

}  // namespace nf
