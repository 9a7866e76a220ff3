// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <string>

#include "tokenize/TokenizerKind.h"

namespace nf {

// Everything that decides how music becomes tokens. Stored inside every model file (so a generator decodes with
// exactly the settings the model was trained on) and part of the token-cache key.
struct TokenizerSettings {
    TokenizerKind kind = TokenizerKind::Events;

    // paper-notes: which part is read: "first" (the first non-drum track with notes, as the paper's parts[0]),
    // "all" (every non-drum track merged), or the exact name of a track.
    std::string part = "first";
    // paper-notes: decoded tokens are placed this many beats apart (the paper used 0.5).
    double noteStepBeats = 0.5;

    // events: time step as a fraction of a beat, 1/stepsPerBeat (24 makes sixteenths and triplets exact). Working
    // in beats rather than seconds keeps tempo changes from breaking the grid.
    int stepsPerBeat = 24;
    // events: longest single time-shift token, in steps; longer silences use several.
    int maxShiftSteps = 48;
    // events: number of velocity bins over 0..127.
    int velocityBins = 32;

    // remi: onsets snap to sixteenths plus eighth-note triplets (true) or to sixteenths only. The vocabulary is the
    // same either way (it is fixed by the representation's version), so models of both settings fine-tune alike.
    bool triplets = true;
    // remi: the representation's version, which fixes its vocabulary (remi/RemiVocabulary.h).
    int remiVersion = 1;

    // drums: each step's hits follow the band's onsets on that step (drums/BandOnsets.h: B_1..B_3, BL) and a piece
    // with a band says BAND after DRUMS, so the model learns to play with the other parts and Add Part can give it
    // the piece's. Off: the drum part alone, as drums models were before.
    bool bandOnsets = false;

    // JSON with sorted keys (part of the token-cache key: the bytes must not change). The remi keys are written for
    // remi only and bandOnsets only when on, so the settings and cache keys of everything else are what they were
    // before those existed.
    std::string toJson() const;
    // Missing keys keep their defaults. Throws std::runtime_error for malformed JSON, std::invalid_argument for an
    // unknown kind or a value out of range (validate()).
    static TokenizerSettings fromJson(const std::string& json);
    // Throws std::invalid_argument when a value is out of range.
    void validate() const;

    bool operator==(const TokenizerSettings&) const = default;
};

}  // namespace nf
