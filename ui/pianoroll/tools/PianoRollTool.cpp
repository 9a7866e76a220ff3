// SPDX-License-Identifier: GPL-3.0-or-later
#include "pianoroll/tools/PianoRollTool.h"

namespace nf {

void PianoRollTool::paintOverlay(PianoRollCanvas&, QPainter&) {}

}  // namespace nf
