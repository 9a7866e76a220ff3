// SPDX-License-Identifier: GPL-3.0-or-later
#include "drums/DrumPart.h"

#include <cmath>
#include <stdexcept>

#include "drums/DrumBars.h"
#include "drums/DrumClass.h"
#include "drums/DrumTokenizer.h"
#include "generation/GenerationModel.h"
#include "music/BarGrid.h"

namespace nf {

SteeredPiece addDrumPart(const GenerationModel& model, const Score& piece, const DrumPartRequest& r) {
    const int grid = drumModelGrid(model);
    if (piece.noteCount() == 0) throw std::invalid_argument("the piece has no notes: no bars to drum to");
    const Vocabulary& v = model.vocabulary();
    const int ppq = piece.ppq();
    const std::vector<BarLine> bars = barLines(piece, piece.endTick());
    // Each bar's steps (its real length: a pickup is short) and, where the meter changes, its TS token, as the
    // tokenizer writes them.
    DrumBarsRequest request;
    for (std::size_t i = 0; i < bars.size(); ++i) {
        const BarLine& b = bars[i];
        const bool changes = i > 0 && (b.numerator != bars[i - 1].numerator || b.denominator != bars[i - 1].denominator);
        request.bars.push_back({std::max(1, static_cast<int>(std::lround(static_cast<double>(b.length) * grid / ppq))),
                                changes ? drumMeterToken(v, b.numerator, b.denominator) : -1});
    }
    request.firstNumerator = bars.front().numerator;
    request.firstDenominator = bars.front().denominator;
    request.sampling = r.sampling;
    request.threads = r.threads;
    request.cancel = r.cancel;
    request.progress = r.progress;
    const DrumBars written = generateDrumBars(model, request);

    SteeredPiece out;
    out.score = piece;
    Track drums;
    drums.name = "Drums";
    drums.channel = 9;
    drums.isDrum = true;
    out.score.tracks.push_back(drums);
    const std::size_t track = out.score.tracks.size() - 1;
    const GeneratedSequence& seq = written.sequences.front();
    out.cancelled = r.cancel && r.cancel->load();
    std::size_t bar = 0;
    int step = 0;
    const Tick stepTicks = std::max<Tick>(1, ppq / grid);
    for (std::size_t i = 0; i < seq.tokens.size(); ++i) {
        const std::string& t = v.token(seq.tokens[i]);
        if (t == "END") break;
        if (t == "BAR") {
            ++bar;
            step = 0;
        } else if (t.rfind("TS_", 0) == 0) {
            // the bar's meter, which the piece already has
        } else if (t == "S") {
            ++step;
        } else if (const auto hit = drumHitOf(t); hit && bar < bars.size()) {
            const Tick start = bars[bar].start + static_cast<Tick>(step) * ppq / grid;
            const NoteId id = out.score.addNote(track, Note{0, drumNoteOf(hit->first), drumBinVelocity(hit->second), start, stepTicks});
            out.generated.push_back(id);
            if (i < seq.choices.size()) out.confidence[id] = seq.choices[i].probability;
        }
    }
    out.score.normalize();
    return out;
}

}  // namespace nf
