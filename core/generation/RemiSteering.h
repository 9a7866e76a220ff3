// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <atomic>
#include <functional>
#include <map>
#include <optional>
#include <string>
#include <vector>

#include "generation/GenerationModel.h"
#include "generation/RemiGuard.h"
#include "generation/SamplingSettings.h"
#include "generation/SteeringControls.h"
#include "music/Score.h"

namespace nf {

// How one steered generation runs.
struct SteeringRequest {
    SamplingSettings sampling;   // candidate k uses variationSeed(sampling.seed, k)
    int candidates = 1;
    SteeringControls controls;
    int threads = 1;
    const std::atomic<bool>* cancel = nullptr;
    std::function<void(int done, int total)> progress;  // candidates written so far, after each one
};

// One candidate: the whole piece with the generated notes in place.
struct SteeredPiece {
    Score score;
    std::map<NoteId, float> confidence;  // generated notes: the model's probability of each note's pitch
    std::vector<NoteId> generated;       // ids of the generated notes
    bool cancelled = false;
    SteeringControls controls;           // as they were applied: "keep the rhythm" resolved to its positions
};

// Continuation, infill and accompaniment with a `remi` model (docs/representations.md). Bars are numbered as the
// musician sees them (BarGrid: 1 for the first full bar, 0 for a pickup) and tracks from 1, as `inspect` lists
// them. The input is never modified: each candidate is a copy in which only the generated passage differs --
// the music around it is not re-quantised, a note that starts before the span and sounds into it stays whole,
// and no meter or tempo change is written inside it.
class RemiSteering {
public:
    // Throws std::invalid_argument when the model is not a remi model (the paper's models cannot infill).
    explicit RemiSteering(const GenerationModel& model);

    // Rewrites bars first..last of the given tracks. Throws std::invalid_argument for bars outside the piece, an
    // empty or out-of-range track list, or bad controls.
    std::vector<SteeredPiece> infill(const Score& score, int firstBar, int lastBar, const std::vector<int>& tracks,
                                     const SteeringRequest& request) const;
    // Adds a part for the whole piece: a GM program 0..127, or -1 for drums.
    std::vector<SteeredPiece> accompany(const Score& score, int program, const SteeringRequest& request) const;
    // Replaces everything from bar `fromBar` on with `bars` new bars (fromBar may be one past the last bar).
    std::vector<SteeredPiece> continuePiece(const Score& score, int fromBar, int bars, const SteeringRequest& request) const;
    std::vector<SteeredPiece> continuePiece(const Score& score, int fromBar, int bars, const std::optional<Scale>& key,
                                            const SteeringRequest& request) const;
    // A new piece of `bars` bars in the given meter, tempo and key (the key's KEY token starts the piece; without
    // one the model chooses, or the scale control's key is used).
    std::vector<SteeredPiece> newPiece(int numerator, int denominator, double bpm, int bars,
                                       const std::optional<Scale>& key, const SteeringRequest& request) const;

    // Why the model file cannot be steered (it does not open, or is not a remi model of this vocabulary), in one
    // line naming the file; empty when it can. Reads the whole file: call it off the GUI thread.
    static std::string refusalFor(const std::string& modelPath);

    // The GM program of an --add role: drums (-1), bass, chords, melody; nothing for an unknown role.
    static std::optional<int> roleProgram(const std::string& role);

private:
    // Fills bars [first, last] (indices into the piece's bar lines) of `tracks` (indices), whose notes there are
    // already removed; generated notes end by `clipEnd`.
    void fillSpan(SteeredPiece& piece, std::size_t first, std::size_t last, const std::vector<std::size_t>& tracks,
                  Tick clipEnd, const SteeringRequest& request, std::uint64_t seed) const;
    // Notes already sounding where generation starts, per track, for the polyphony cap.
    using HeldNotes = std::vector<std::pair<remi::TrackKey, std::vector<std::pair<int, int>>>>;
    // Writes bars from bar index `firstBar` on (one per FreeBar), after `prompt` (which ends with that bar's BAR
    // and head).
    void generateBars(SteeredPiece& piece, const std::vector<int>& prompt, std::size_t firstBar,
                      const std::vector<RemiGuard::FreeBar>& bars, const HeldNotes& held,
                      const SteeringRequest& request, std::uint64_t seed) const;
    std::vector<SteeredPiece> forEachCandidate(const Score& score, const SteeringRequest& request,
                                               const std::function<void(SteeredPiece&, std::uint64_t)>& run) const;

    const GenerationModel& model_;
};

}  // namespace nf
