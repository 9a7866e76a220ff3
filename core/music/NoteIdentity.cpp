// SPDX-License-Identifier: GPL-3.0-or-later
#include "music/NoteIdentity.h"

#include <algorithm>
#include <map>
#include <tuple>

namespace nf {

void adoptNoteIds(const Score& reference, Score& score, const std::function<NoteId()>& freshId) {
    for (std::size_t t = 0; t < score.tracks.size(); ++t) {
        std::multimap<std::tuple<Tick, int, Tick, int>, NoteId> same;
        if (t < reference.tracks.size())
            for (const Note& n : reference.tracks[t].notes)
                same.emplace(std::make_tuple(n.start, n.pitch, n.duration, n.velocity), n.id);
        for (Note& n : score.tracks[t].notes) {
            const auto it = same.find({n.start, n.pitch, n.duration, n.velocity});
            if (it != same.end()) {
                n.id = it->second;
                same.erase(it);
            } else {
                n.id = freshId();
            }
        }
    }
}

}  // namespace nf
