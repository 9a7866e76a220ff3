// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QString>

#include "music/Note.h"

namespace nf {

// The grid that drawing, moving, resizing and quantizing snap to: straight divisions of a whole note from 1/4 to
// 1/32, their triplets, or off (one tick).
class SnapGrid {
public:
    enum class Division { Off, Quarter, Eighth, Sixteenth, ThirtySecond, QuarterTriplet, EighthTriplet,
                          SixteenthTriplet };
    static constexpr int kDivisionCount = 8;

    explicit SnapGrid(Division d = Division::Sixteenth) : division_(d) {}
    Division division() const { return division_; }
    void setDivision(Division d) { division_ = d; }
    bool enabled() const { return division_ != Division::Off; }

    // Grid step in ticks at the given resolution (at least 1).
    Tick step(int ppq) const;
    Tick snapNearest(Tick tick, int ppq) const;
    Tick snapFloor(Tick tick, int ppq) const;

    static const char* label(Division d);  // "1/16", "1/8 triplet", "Off"
    // The label in the studio's language ("1/8-Triole", "Aus"), for menus and the grid box.
    static QString displayName(Division d);

private:
    Division division_;
};

}  // namespace nf
