// SPDX-License-Identifier: GPL-3.0-or-later
#include "editing/TrackMerge.h"

#include <set>

namespace nf {

Score mergeTracks(const Score& base, const Score& added) {
    Score out = base;
    Score other = added;
    other.rescale(out.ppq());
    std::set<int> used;
    for (const Track& t : out.tracks) used.insert(t.channel);
    auto freeChannel = [&used](int wanted) {
        if (wanted != 9 && !used.count(wanted)) return wanted;
        for (int c = 0; c < 16; ++c)
            if (c != 9 && !used.count(c)) return c;
        return wanted == 9 ? 0 : wanted;  // all 15 taken: share, as a last resort
    };
    for (const Track& t : other.tracks) {
        Track copy = t;
        copy.notes.clear();
        if (copy.isDrum) {
            copy.channel = 9;
        } else {
            copy.channel = freeChannel(t.channel);
            used.insert(copy.channel);
        }
        if (copy.name.empty()) copy.name = "Added " + std::to_string(out.tracks.size() + 1);
        out.tracks.push_back(std::move(copy));
        const std::size_t index = out.tracks.size() - 1;
        for (Note n : t.notes) out.addNote(index, n);
    }
    out.normalize();
    return out;
}

}  // namespace nf
