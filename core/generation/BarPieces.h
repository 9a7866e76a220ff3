// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <atomic>
#include <functional>
#include <optional>
#include <vector>

#include "generation/GeneratedPiece.h"
#include "music/Scale.h"

namespace nf {

// What a musician asks a bar-structured (remi) model for in the Generation panel: whole bars in a meter, tempo
// and key, not a number of tokens.
struct BarPieceRequest {
    int bars = 16;
    int numerator = 4;
    int denominator = 4;
    double bpm = 120;
    std::optional<Scale> key;  // none: the model chooses
};

// settings.variations pieces from a remi model (RemiSteering::newPiece, or continuePiece after `continueFrom`'s last
// bar when given), as GeneratedPieces for the studio's results: the score, each generated note's probability, and a
// recipe naming the model, the settings and the piece's own seed, with the bars described in primerSource. Such a
// recipe has no primer tokens: the piece is made again by the same request and seed, not by regenerate().
// Throws std::invalid_argument for a model that is not remi or a bad request.
std::vector<GeneratedPiece> generateBarPieces(const GenerationModel& model, const BarPieceRequest& request,
                                              const GenerationSettings& settings, const Score* continueFrom = nullptr,
                                              int threads = 1, const std::atomic<bool>* cancel = nullptr,
                                              const std::function<void(int, int)>& progress = {});

}  // namespace nf
