// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <functional>
#include <vector>

#include "commands/NoteChange.h"
#include "generation/RemiSteering.h"
#include "generation/SteeringJob.h"

namespace nf {

// What applying a candidate does to the piece in the editor, as data: note edits (what the model removed and
// wrote, found by comparing the candidate with the piece it was asked of) and tracks it added. Edits made
// elsewhere in the piece since the candidate was asked for are kept: only the model's own changes are applied.
struct CandidateEdit {
    NoteChanges changes;
    std::vector<Track> newTracks;  // appended after the existing tracks (Add Part)

    bool addsTracks() const { return !newTracks.empty(); }
    // The piece with the edit applied (what Keep makes, and what is heard while auditioning).
    Score appliedTo(const Score& now) const;
};

// The edit that puts `piece` (a candidate of `job`) into `now`. Notes the job removed that are gone from `now`
// already are skipped; written notes get ids from `newId`.
CandidateEdit candidateEdit(const SteeringJob& job, const SteeredPiece& piece, const Score& now,
                            const std::function<NoteId()>& newId);

}  // namespace nf
