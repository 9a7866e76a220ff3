// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "audio/SynthOptions.h"

namespace nf {

// The synthesizer settings of the studio, one set for both paths: live playback and audio export use the same gain,
// reverb and chorus, so what is heard is what is exported (louder only when the export dialog's "Normalise" is
// ticked).
SynthOptions studioSynthOptions();

}  // namespace nf
