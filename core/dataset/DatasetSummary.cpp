// SPDX-License-Identifier: GPL-3.0-or-later
#include "dataset/DatasetSummary.h"

#include <algorithm>
#include <set>

namespace nf {

std::size_t countChordOnsets(const Track& track) {
    std::vector<Tick> starts;
    starts.reserve(track.notes.size());
    for (const auto& n : track.notes) starts.push_back(n.start);
    std::sort(starts.begin(), starts.end());
    std::size_t chords = 0;
    for (std::size_t i = 0; i < starts.size();) {
        std::size_t j = i + 1;
        while (j < starts.size() && starts[j] == starts[i]) ++j;
        if (j - i >= 2) ++chords;
        i = j;
    }
    return chords;
}

DatasetSummary summarizeDataset(const Dataset& dataset) {
    DatasetSummary s;
    for (const auto& f : dataset.files) {
        ++s.filesTotal;
        if (f.ok) {
            ++s.filesRead;
        } else if (f.skipped) {
            ++s.filesSkipped;
        } else {
            ++s.filesFailed;
        }
        s.failedTunes += static_cast<std::size_t>(f.failedTunes);
        s.warnings += f.warnings.size() - std::min(f.warnings.size(), f.tuneErrors.size());
    }
    for (const auto& piece : dataset.pieces) {
        ++s.pieces;
        if (piece.tuneNumber >= 0 || !piece.abcText.empty()) {
            ++s.tunes;
        } else {
            ++s.midiFiles;
        }
        s.seconds += piece.score.durationSeconds();
        std::set<int> programs;
        for (const auto& track : piece.score.tracks) {
            ++s.tracks;
            s.notes += track.notes.size();
            if (!track.notes.empty()) programs.insert(track.isDrum ? -1 : track.program);
            if (track.isDrum) continue;
            s.chords += countChordOnsets(track);
            for (const auto& n : track.notes) {
                if (s.lowestPitch < 0 || n.pitch < s.lowestPitch) s.lowestPitch = n.pitch;
                if (n.pitch > s.highestPitch) s.highestPitch = n.pitch;
            }
        }
        for (int p : programs) ++s.piecesWithProgram[p];
    }
    return s;
}

}  // namespace nf
