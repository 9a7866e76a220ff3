// SPDX-License-Identifier: GPL-3.0-or-later
#include "editing/SnapGrid.h"

#include <algorithm>

#include <QCoreApplication>

namespace nf {

namespace {
// Length of one grid cell as a fraction num/den of a quarter note.
void fraction(SnapGrid::Division d, Tick& num, Tick& den) {
    using D = SnapGrid::Division;
    switch (d) {
        case D::Off: num = 0; den = 1; return;
        case D::Quarter: num = 1; den = 1; return;
        case D::Eighth: num = 1; den = 2; return;
        case D::Sixteenth: num = 1; den = 4; return;
        case D::ThirtySecond: num = 1; den = 8; return;
        case D::QuarterTriplet: num = 2; den = 3; return;
        case D::EighthTriplet: num = 1; den = 3; return;
        case D::SixteenthTriplet: num = 1; den = 6; return;
    }
    num = 0;
    den = 1;
}
}  // namespace

Tick SnapGrid::step(int ppq) const {
    Tick num = 0, den = 1;
    fraction(division_, num, den);
    return std::max<Tick>(1, static_cast<Tick>(ppq) * num / den);
}

Tick SnapGrid::snapNearest(Tick tick, int ppq) const {
    const Tick s = step(ppq);
    const Tick down = snapFloor(tick, ppq);
    return (tick - down) * 2 >= s ? down + s : down;
}

Tick SnapGrid::snapFloor(Tick tick, int ppq) const {
    const Tick s = step(ppq);
    Tick q = tick / s;
    if (tick < 0 && q * s != tick) --q;  // floor, not truncation, for drags left of zero
    return q * s;
}

const char* SnapGrid::label(Division d) {
    using D = Division;
    switch (d) {
        case D::Off: return QT_TRANSLATE_NOOP("nf::SnapGrid", "Off");
        case D::Quarter: return "1/4";
        case D::Eighth: return "1/8";
        case D::Sixteenth: return "1/16";
        case D::ThirtySecond: return "1/32";
        case D::QuarterTriplet: return QT_TRANSLATE_NOOP("nf::SnapGrid", "1/4 triplet");
        case D::EighthTriplet: return QT_TRANSLATE_NOOP("nf::SnapGrid", "1/8 triplet");
        case D::SixteenthTriplet: return QT_TRANSLATE_NOOP("nf::SnapGrid", "1/16 triplet");
    }
    return "?";
}

QString SnapGrid::displayName(Division d) { return QCoreApplication::translate("nf::SnapGrid", label(d)); }

}  // namespace nf
