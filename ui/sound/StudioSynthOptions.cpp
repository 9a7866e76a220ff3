// SPDX-License-Identifier: GPL-3.0-or-later
#include "sound/StudioSynthOptions.h"

namespace nf {

SynthOptions studioSynthOptions() {
    SynthOptions options;  // FluidSynth's defaults (gain 0.2): a dense piece stays clear of clipping
    options.clientName = "NoteForge";
    options.jackAutoconnect = true;
    return options;
}

}  // namespace nf
