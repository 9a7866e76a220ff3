// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QString>

#include <optional>

#include "training/LearnedInstruments.h"

namespace nf {

// Whether `learned` says that a model heard no part like `program` (drums for -1, else its General MIDI family) in
// training. A model that does not say, or counted no pieces, gets the benefit of the doubt.
bool partUnheard(const std::optional<LearnedInstruments>& learned, int program);

// One sentence for the Log and the instrument box: what `model` did not hear and what to choose instead.
QString unheardPartWarning(const QString& model, const LearnedInstruments& learned, int program);

}  // namespace nf
