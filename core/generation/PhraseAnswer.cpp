// SPDX-License-Identifier: GPL-3.0-or-later
#include "generation/PhraseAnswer.h"

#include <algorithm>

#include "music/BarGrid.h"

namespace nf {

std::vector<Note> answerPhrase(const RemiSteering& steering, const PhraseScore& call, int bars,
                               const SteeringRequest& request) {
    const Tick barTicks = call.score.ticksPerBar(0);
    const Tick answerStart = static_cast<Tick>(call.bars) * barTicks;
    const auto lines = barLines(call.score, answerStart);
    // The bar after the phrase, numbered as RemiSteering counts (one past the last bar is allowed).
    const int fromBar = lines[std::min(lines.size(), static_cast<std::size_t>(call.bars)) - 1].number + 1;
    SteeringRequest one = request;
    one.candidates = 1;
    const auto pieces = steering.continuePiece(call.score, fromBar, bars, one);
    std::vector<Note> out;
    if (pieces.empty() || pieces.front().cancelled) return out;
    const SteeredPiece& piece = pieces.front();
    for (const Track& t : piece.score.tracks)
        for (const Note& n : t.notes)
            if (std::find(piece.generated.begin(), piece.generated.end(), n.id) != piece.generated.end() &&
                n.start >= answerStart) {
                Note a = n;
                a.start -= answerStart;
                out.push_back(a);
            }
    std::sort(out.begin(), out.end(), [](const Note& a, const Note& b) {
        return a.start != b.start ? a.start < b.start : a.pitch < b.pitch;
    });
    return out;
}

}  // namespace nf
