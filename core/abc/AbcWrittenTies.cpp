// SPDX-License-Identifier: GPL-3.0-or-later
#include "abc/AbcWrittenTies.h"

#include <algorithm>

namespace nf::abc {

namespace {

// Whether events[k] ends the search for a tied note's partner without being one.
bool stopsSearch(EventKind k) {
    return k == EventKind::Rest || k == EventKind::MultiRest || k == EventKind::GraceStart || k == EventKind::Overlay;
}

}  // namespace

WrittenTies::WrittenTies(const std::vector<Event>& events) {
    bool inChord = false, inGrace = false;
    for (std::size_t i = 0; i < events.size(); ++i) {
        const Event& e = events[i];
        if (e.kind == EventKind::ChordStart) inChord = true;
        else if (e.kind == EventKind::ChordEnd) inChord = false;
        else if (e.kind == EventKind::GraceStart) inGrace = true;
        else if (e.kind == EventKind::GraceEnd) inGrace = false;
        if (e.kind != EventKind::Note || inChord || inGrace || !(e.flags & flag::Tie) || e.step < 0) continue;
        for (std::size_t k = i + 1; k < events.size(); ++k) {
            if (stopsSearch(events[k].kind)) break;
            if (events[k].kind == EventKind::ChordStart) {
                pairs_.emplace_back(static_cast<std::uint32_t>(i), kChord);
                break;
            }
            if (events[k].kind != EventKind::Note) continue;
            if (events[k].step == e.step) {
                pairs_.emplace_back(static_cast<std::uint32_t>(i), static_cast<std::uint32_t>(k));
                partners_.push_back(static_cast<std::uint32_t>(k));
            }
            break;
        }
    }
    std::sort(partners_.begin(), partners_.end());
}

std::uint32_t WrittenTies::partnerOf(std::uint32_t event) const {
    const auto it = std::lower_bound(pairs_.begin(), pairs_.end(), std::make_pair(event, std::uint32_t{0}));
    return it != pairs_.end() && it->first == event ? it->second : kNone;
}

bool WrittenTies::isPartner(std::uint32_t event) const {
    return std::binary_search(partners_.begin(), partners_.end(), event);
}

}  // namespace nf::abc
