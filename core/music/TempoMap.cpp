// SPDX-License-Identifier: GPL-3.0-or-later
#include "music/TempoMap.h"

#include <algorithm>
#include <cmath>
#include <stdexcept>

namespace nf {

TempoMap::TempoMap(int ppq) : ppq_(ppq) {
    if (ppq_ <= 0) throw std::invalid_argument("TempoMap: resolution must be positive");
    rebuild();
}

void TempoMap::setPpq(int ppq) {
    if (ppq <= 0) throw std::invalid_argument("TempoMap: resolution must be positive");
    ppq_ = ppq;
    rebuild();
}

void TempoMap::setChanges(std::vector<TempoChange> changes) {
    changes_ = std::move(changes);
    rebuild();
}

void TempoMap::rebuild() {
    std::stable_sort(changes_.begin(), changes_.end(),
                     [](const TempoChange& a, const TempoChange& b) { return a.tick < b.tick; });
    for (auto& c : changes_) {
        c.tick = std::max<Tick>(0, c.tick);
        c.microsPerQuarter = std::clamp(c.microsPerQuarter, 1, 0xFFFFFF);
    }
    // Several changes at one tick: the last one wins, as a player would apply them in order.
    std::vector<TempoChange> unique;
    for (const auto& c : changes_) {
        if (!unique.empty() && unique.back().tick == c.tick) unique.back() = c;
        else unique.push_back(c);
    }
    if (unique.empty() || unique.front().tick != 0) unique.insert(unique.begin(), TempoChange{0, 500000});
    changes_ = std::move(unique);
    scaledStart_.assign(changes_.size(), 0);
    for (std::size_t i = 1; i < changes_.size(); ++i) {
        const __int128 span = changes_[i].tick - changes_[i - 1].tick;
        scaledStart_[i] = scaledStart_[i - 1] + span * changes_[i - 1].microsPerQuarter;
    }
}

static std::size_t segmentAt(const std::vector<TempoChange>& changes, Tick tick) {
    auto it = std::upper_bound(changes.begin(), changes.end(), tick,
                               [](Tick t, const TempoChange& c) { return t < c.tick; });
    return it == changes.begin() ? 0 : static_cast<std::size_t>(it - changes.begin() - 1);
}

__int128 TempoMap::scaledMicrosAt(Tick tick) const {
    const std::size_t i = segmentAt(changes_, tick);
    return scaledStart_[i] + static_cast<__int128>(tick - changes_[i].tick) * changes_[i].microsPerQuarter;
}

double TempoMap::secondsAt(Tick tick) const {
    return static_cast<double>(scaledMicrosAt(tick)) / (static_cast<double>(ppq_) * 1e6);
}

int TempoMap::microsPerQuarterAt(Tick tick) const { return changes_[segmentAt(changes_, tick)].microsPerQuarter; }

Tick TempoMap::tickAt(double seconds) const {
    if (!(seconds > 0)) return 0;
    const double scaled = seconds * 1e6 * ppq_;
    std::size_t i = changes_.size() - 1;
    while (i > 0 && static_cast<double>(scaledStart_[i]) > scaled) --i;
    const double into = (scaled - static_cast<double>(scaledStart_[i])) / changes_[i].microsPerQuarter;
    return changes_[i].tick + static_cast<Tick>(std::llround(into));
}

}  // namespace nf
