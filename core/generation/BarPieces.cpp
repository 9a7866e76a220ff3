// SPDX-License-Identifier: GPL-3.0-or-later
#include "generation/BarPieces.h"

#include <algorithm>
#include <stdexcept>
#include <string>

#include "generation/RemiSteering.h"
#include "music/BarGrid.h"

namespace nf {

std::vector<GeneratedPiece> generateBarPieces(const GenerationModel& model, const BarPieceRequest& request,
                                              const GenerationSettings& settings, const Score* continueFrom,
                                              int threads, const std::atomic<bool>* cancel,
                                              const std::function<void(int, int)>& progress) {
    if (request.bars < 1 || request.bars > 10000) throw std::invalid_argument("bars: 1 to 10000");
    const RemiSteering steering(model);  // throws for models that are not remi
    SteeringRequest r;
    r.sampling = settings.sampling;
    r.candidates = std::max(1, settings.variations);
    r.threads = std::max(1, threads);
    r.cancel = cancel;
    r.progress = progress;

    std::string what;
    std::vector<SteeredPiece> steered;
    if (continueFrom && continueFrom->noteCount() > 0) {
        const auto lines = barLines(*continueFrom, continueFrom->endTick());
        const int from = lines.back().number + 1;
        steered = steering.continuePiece(*continueFrom, from, request.bars, request.key, r);
        what = "remi: " + std::to_string(request.bars) + " bars after the selection's bar " + std::to_string(from - 1);
    } else {
        steered = steering.newPiece(request.numerator, request.denominator, request.bpm, request.bars, request.key, r);
        what = "remi: " + std::to_string(request.bars) + " bars of " + std::to_string(request.numerator) + "/" +
               std::to_string(request.denominator) + " at " + std::to_string(static_cast<int>(request.bpm)) + " BPM";
    }
    if (request.key) what += " in " + request.key->name;

    std::vector<GeneratedPiece> pieces;
    for (std::size_t i = 0; i < steered.size(); ++i) {
        SteeredPiece& s = steered[i];
        GeneratedPiece p;
        p.score = std::move(s.score);
        for (const auto& [id, probability] : s.confidence) p.confidence[id] = NoteConfidence{-1, probability, {}};
        p.recipe = recipeFor(model, settings, variationSeed(settings.sampling.seed, static_cast<int>(i)));
        p.recipe.primerSource = what;
        pieces.push_back(std::move(p));
    }
    return pieces;
}

}  // namespace nf
