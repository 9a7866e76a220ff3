// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "music/Note.h"

namespace nf {

// Maps between the score (ticks, MIDI pitches) and the piano roll's pixels, given the zoom and scroll. Pitch 127
// is the top row. Plain value type, so the mapping is tested without any widget.
class PianoRollGeometry {
public:
    static constexpr double kMinPixelsPerTick = 1e-4;
    static constexpr double kMaxPixelsPerTick = 2.0;
    static constexpr double kMinKeyHeight = 3.0;
    static constexpr double kMaxKeyHeight = 40.0;

    double pixelsPerTick() const { return pixelsPerTick_; }
    void setPixelsPerTick(double ppt);
    double keyHeight() const { return keyHeight_; }
    void setKeyHeight(double h);
    double scrollX() const { return scrollX_; }
    double scrollY() const { return scrollY_; }
    void setScrollX(double x) { scrollX_ = x < 0 ? 0 : x; }
    void setScrollY(double y) { scrollY_ = y < 0 ? 0 : y; }

    double tickToX(Tick tick) const { return static_cast<double>(tick) * pixelsPerTick_ - scrollX_; }
    // The tick under pixel column x (floor), never negative.
    Tick xToTick(double x) const;
    // Top edge of the row of `pitch`.
    double pitchToY(int pitch) const { return (127 - pitch) * keyHeight_ - scrollY_; }
    // The pitch whose row contains y, clamped to 0..127.
    int yToPitch(double y) const;

    double contentHeight() const { return 128 * keyHeight_; }
    double contentWidth(Tick endTick) const { return static_cast<double>(endTick) * pixelsPerTick_; }

    // Zooms keeping the point under the anchor pixel where it is.
    void zoomHorizontally(double factor, double anchorX);
    void zoomVertically(double factor, double anchorY);

private:
    double pixelsPerTick_ = 0.1;
    double keyHeight_ = 12.0;
    double scrollX_ = 0;
    double scrollY_ = 0;
};

}  // namespace nf
