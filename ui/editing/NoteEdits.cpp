// SPDX-License-Identifier: GPL-3.0-or-later
#include "editing/NoteEdits.h"

#include <algorithm>
#include <functional>

namespace nf::edits {

namespace {

// Builds a change for every selected note that `edit` alters.
NoteChanges forEachSelected(const Score& score, const std::set<NoteId>& ids, const std::function<void(Note&)>& edit) {
    NoteChanges out;
    if (ids.empty()) return out;
    for (std::size_t t = 0; t < score.tracks.size(); ++t)
        for (const Note& n : score.tracks[t].notes) {
            if (!ids.count(n.id)) continue;
            Note after = n;
            edit(after);
            if (!(after == n)) out.push_back({t, n, after});
        }
    return out;
}

// Pitch range of the selected notes, to keep a transposed group inside 0..127.
bool pitchRange(const Score& score, const std::set<NoteId>& ids, int& lo, int& hi, Tick& earliest) {
    lo = 127;
    hi = 0;
    earliest = -1;
    for (const auto& tr : score.tracks)
        for (const Note& n : tr.notes)
            if (ids.count(n.id)) {
                lo = std::min(lo, n.pitch);
                hi = std::max(hi, n.pitch);
                earliest = earliest < 0 ? n.start : std::min(earliest, n.start);
            }
    return earliest >= 0;
}

}  // namespace

NoteChanges transpose(const Score& score, const std::set<NoteId>& ids, int semitones) {
    int lo = 0, hi = 0;
    Tick earliest = 0;
    if (!pitchRange(score, ids, lo, hi, earliest)) return {};
    if (lo + semitones < 0 || hi + semitones > 127) return {};
    return forEachSelected(score, ids, [&](Note& n) { n.pitch += semitones; });
}

NoteChanges move(const Score& score, const std::set<NoteId>& ids, Tick deltaTicks, int deltaPitch) {
    int lo = 0, hi = 0;
    Tick earliest = 0;
    if (!pitchRange(score, ids, lo, hi, earliest)) return {};
    deltaPitch = std::clamp(deltaPitch, -lo, 127 - hi);
    deltaTicks = std::max(deltaTicks, -earliest);
    return forEachSelected(score, ids, [&](Note& n) {
        n.pitch += deltaPitch;
        n.start += deltaTicks;
    });
}

NoteChanges resize(const Score& score, const std::set<NoteId>& ids, Tick deltaTicks, Tick minDuration) {
    return forEachSelected(score, ids, [&](Note& n) { n.duration = std::max(minDuration, n.duration + deltaTicks); });
}

NoteChanges setVelocity(const Score& score, const std::set<NoteId>& ids, int velocity) {
    velocity = std::clamp(velocity, 1, 127);
    return forEachSelected(score, ids, [&](Note& n) { n.velocity = velocity; });
}

NoteChanges remove(const Score& score, const std::set<NoteId>& ids) {
    NoteChanges out;
    for (std::size_t t = 0; t < score.tracks.size(); ++t)
        for (const Note& n : score.tracks[t].notes)
            if (ids.count(n.id)) out.push_back({t, n, std::nullopt});
    return out;
}

NoteChanges quantize(const Score& score, const std::set<NoteId>& ids, const SnapGrid& grid, bool ends) {
    const int ppq = score.ppq();
    const Tick step = grid.step(ppq);
    return forEachSelected(score, ids, [&](Note& n) {
        const Tick end = n.end();
        n.start = grid.snapNearest(n.start, ppq);
        if (ends) n.duration = std::max(step, grid.snapNearest(end, ppq) - n.start);
    });
}

NoteChanges insert(std::size_t track, const std::vector<Note>& notes) {
    NoteChanges out;
    out.reserve(notes.size());
    for (const Note& n : notes) out.push_back({track, std::nullopt, n});
    return out;
}

}  // namespace nf::edits
