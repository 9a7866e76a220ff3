// SPDX-License-Identifier: GPL-3.0-or-later
#include "generation/EqualNoteOverlaps.h"

#include <algorithm>
#include <map>

namespace nf {

std::vector<NoteId> resolveEqualNoteOverlaps(Track& track, const std::set<NoteId>& generated) {
    const auto isGenerated = [&](const Note& n) { return generated.count(n.id) != 0; };
    std::map<int, std::vector<Note*>> byPitch;
    for (Note& n : track.notes) byPitch[n.pitch].push_back(&n);
    std::set<NoteId> dropped;
    for (auto& [pitch, notes] : byPitch) {
        std::sort(notes.begin(), notes.end(), [](const Note* a, const Note* b) {
            return a->start != b->start ? a->start < b->start : a->id < b->id;
        });
        const Note* sounding = nullptr;  // the last note kept so far
        for (Note* n : notes) {
            if (!sounding || n->start >= sounding->end()) {
                sounding = n;
                continue;
            }
            Note* earlier = const_cast<Note*>(sounding);
            if (n->start > earlier->start && isGenerated(*earlier)) {
                earlier->duration = n->start - earlier->start;  // ends where the next one starts
                sounding = n;
            } else if (isGenerated(*n) && (!isGenerated(*earlier) || n->velocity <= earlier->velocity)) {
                dropped.insert(n->id);  // starts with or under a note that stays
            } else if (isGenerated(*earlier) && n->start == earlier->start) {
                dropped.insert(earlier->id);  // two generated notes at once: the louder stays
                sounding = n;
            } else {
                sounding = n->end() > earlier->end() ? n : earlier;  // the musician's own notes: left as they are
            }
        }
    }
    std::erase_if(track.notes, [&](const Note& n) { return dropped.count(n.id) != 0; });
    return {dropped.begin(), dropped.end()};
}

}  // namespace nf
