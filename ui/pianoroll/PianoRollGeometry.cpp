// SPDX-License-Identifier: GPL-3.0-or-later
#include "pianoroll/PianoRollGeometry.h"

#include <algorithm>
#include <cmath>

namespace nf {

void PianoRollGeometry::setPixelsPerTick(double ppt) {
    pixelsPerTick_ = std::clamp(ppt, kMinPixelsPerTick, kMaxPixelsPerTick);
}

void PianoRollGeometry::setKeyHeight(double h) { keyHeight_ = std::clamp(h, kMinKeyHeight, kMaxKeyHeight); }

Tick PianoRollGeometry::xToTick(double x) const {
    const double t = std::floor((x + scrollX_) / pixelsPerTick_);
    return t < 0 ? 0 : static_cast<Tick>(t);
}

int PianoRollGeometry::yToPitch(double y) const {
    const int row = static_cast<int>(std::floor((y + scrollY_) / keyHeight_));
    return std::clamp(127 - row, 0, 127);
}

void PianoRollGeometry::zoomHorizontally(double factor, double anchorX) {
    const double tickAtAnchor = (anchorX + scrollX_) / pixelsPerTick_;
    setPixelsPerTick(pixelsPerTick_ * factor);
    setScrollX(tickAtAnchor * pixelsPerTick_ - anchorX);
}

void PianoRollGeometry::zoomVertically(double factor, double anchorY) {
    const double rowAtAnchor = (anchorY + scrollY_) / keyHeight_;
    setKeyHeight(keyHeight_ * factor);
    setScrollY(rowAtAnchor * keyHeight_ - anchorY);
}

}  // namespace nf
