// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "util/NamedEnum.h"

namespace nf {

// Which network (training/engine/MusicNet): the paper's MIDI and ABC networks, NoteForge's own LSTM, the
// decoder-only transformer, or the drum-pattern GAN (training/engine/DrumGan, trained adversarially, not by
// likelihood). TrainingConfig::forModel() holds each one's defaults.
enum class ModelKind { PaperMidi, PaperAbc, Lstm, Transformer, DrumGan };
NF_ENUM_WORDS(ModelKind, "model",
              {ModelKind::PaperMidi, "paper-midi"}, {ModelKind::PaperAbc, "paper-abc"}, {ModelKind::Lstm, "lstm"},
              {ModelKind::Transformer, "transformer"}, {ModelKind::DrumGan, "paper-drums-gan"})

}  // namespace nf
