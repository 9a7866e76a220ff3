// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <vector>

#include "music/Note.h"

namespace nf {

struct TempoChange {
    Tick tick = 0;
    int microsPerQuarter = 500000;  // 120 BPM
    double bpm() const { return 60'000'000.0 / microsPerQuarter; }
    bool operator==(const TempoChange&) const = default;
};

// Tick <-> time conversion through a list of tempo changes. Elapsed time is accumulated as an exact
// integer (ticks x microseconds-per-quarter) and divided once, so long pieces with many tempo changes
// do not drift the way repeated floating-point additions would.
class TempoMap {
public:
    explicit TempoMap(int ppq = 480);

    // Replaces all changes. A missing change at tick 0 means 120 BPM until the first one, as in SMF.
    void setChanges(std::vector<TempoChange> changes);
    const std::vector<TempoChange>& changes() const { return changes_; }
    int ppq() const { return ppq_; }
    void setPpq(int ppq);

    // Exact elapsed microseconds times ppq (integer) from tick 0 to `tick`.
    __int128 scaledMicrosAt(Tick tick) const;
    double secondsAt(Tick tick) const;
    // The tick whose time is closest to `seconds` (rounded to nearest).
    Tick tickAt(double seconds) const;
    int microsPerQuarterAt(Tick tick) const;

private:
    void rebuild();
    int ppq_;
    std::vector<TempoChange> changes_;   // sorted, first at tick 0
    std::vector<__int128> scaledStart_;  // scaledMicrosAt(changes_[i].tick)
};

}  // namespace nf
