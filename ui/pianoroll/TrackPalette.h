// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QColor>

namespace nf {

// Colours of tracks in the piano roll and the tracks panel: hues spread by the golden angle so neighbouring
// tracks differ clearly however many there are.
namespace TrackPalette {
QColor trackColor(int trackIndex);
// The track colour shaded by velocity (soft notes darker and greyer, loud ones vivid).
QColor noteColor(int trackIndex, int velocity);
// Model confidence 0..1 from red (the model was unsure) through yellow to green (it was sure).
QColor confidenceColor(double probability);
}  // namespace TrackPalette

}  // namespace nf
