// SPDX-License-Identifier: GPL-3.0-or-later
#include "steering/CandidateEdit.h"

#include <unordered_set>

namespace nf {

Score CandidateEdit::appliedTo(const Score& now) const {
    Score out = now;
    applyNoteChanges(out, changes, true);
    for (const Track& t : newTracks) out.tracks.push_back(t);
    return out;
}

CandidateEdit candidateEdit(const SteeringJob& job, const SteeredPiece& piece, const Score& now,
                            const std::function<NoteId()>& newId) {
    CandidateEdit edit;
    const Score& base = job.base;
    const Score& cand = piece.score;
    const std::size_t shared = std::min({base.tracks.size(), cand.tracks.size(), now.tracks.size()});
    for (std::size_t t = 0; t < shared; ++t) {
        std::unordered_set<NoteId> inCandidate, inBase;
        for (const Note& n : cand.tracks[t].notes) inCandidate.insert(n.id);
        for (const Note& n : base.tracks[t].notes) inBase.insert(n.id);
        std::unordered_set<NoteId> removed;
        for (const Note& n : base.tracks[t].notes)
            if (!inCandidate.count(n.id)) removed.insert(n.id);
        for (const Note& n : now.tracks[t].notes)  // as the note is now: an undo puts back what the musician had
            if (removed.count(n.id)) edit.changes.push_back({t, n, std::nullopt});
        for (const Note& n : cand.tracks[t].notes) {
            if (inBase.count(n.id)) continue;
            Note added = n;
            added.id = newId();
            edit.changes.push_back({t, std::nullopt, added});
        }
    }
    // Tracks the candidate has beyond the piece it was asked of: the added part.
    for (std::size_t t = base.tracks.size(); t < cand.tracks.size(); ++t) {
        Track track = cand.tracks[t];
        for (Note& n : track.notes) n.id = newId();
        edit.newTracks.push_back(std::move(track));
    }
    return edit;
}

}  // namespace nf
