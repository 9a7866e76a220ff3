// SPDX-License-Identifier: GPL-3.0-or-later
#include "drums/DrumPart.h"

#include <cmath>
#include <cstdlib>
#include <stdexcept>

#include "drums/DrumClass.h"
#include "generation/DrumGuard.h"
#include "generation/GenerationModel.h"
#include "generation/Generator.h"
#include "music/BarGrid.h"

namespace nf {

SteeredPiece addDrumPart(const GenerationModel& model, const Score& piece, const DrumPartRequest& r) {
    if (model.config().tokenizer.kind != TokenizerKind::Drums)
        throw std::invalid_argument("not a drums model (its representation is " + toString(model.config().tokenizer.kind) + ")");
    if (piece.noteCount() == 0) throw std::invalid_argument("the piece has no notes: no bars to drum to");
    const Vocabulary& v = model.vocabulary();
    const int grid = v.find("GRID_4") ? 4 : v.find("GRID_3") ? 3 : 4;
    const int ppq = piece.ppq();
    const std::vector<BarLine> bars = barLines(piece, piece.endTick());
    // Each bar's steps (its real length: a pickup is short) and, where the meter changes, its TS token, as the
    // tokenizer writes them.
    std::vector<DrumGuard::Bar> steps;
    for (std::size_t i = 0; i < bars.size(); ++i) {
        const BarLine& b = bars[i];
        DrumGuard::Bar bar{std::max(1, static_cast<int>(std::lround(static_cast<double>(b.length) * grid / ppq))), -1};
        if (i > 0 && (b.numerator != bars[i - 1].numerator || b.denominator != bars[i - 1].denominator))
            if (const auto id = v.find("TS_" + std::to_string(b.numerator) + "/" + std::to_string(b.denominator))) bar.meterToken = *id;
        steps.push_back(bar);
    }

    std::vector<int> primer;
    for (const std::string& t : {std::string("DRUMS"), "GRID_" + std::to_string(grid), std::string("BAR"),
                                 "TS_" + std::to_string(bars.front().numerator) + "/" + std::to_string(bars.front().denominator)})
        if (const auto id = v.find(t)) primer.push_back(*id);
    GenerationSettings settings;
    int longest = 0;
    for (const DrumGuard::Bar& b : steps) longest += b.steps * (1 + kDrumClassCount) + 2;
    settings.length = longest + 1;
    settings.variations = 1;
    settings.sampling = r.sampling;
    settings.stopAtEnd = true;
    Generator generator(model, r.threads);
    const auto sequences = generator.generate(primer, settings, r.cancel, r.progress,
                                              [&v, &steps] { return std::make_unique<DrumGuard>(v, steps); });

    SteeredPiece out;
    out.score = piece;
    Track drums;
    drums.name = "Drums";
    drums.channel = 9;
    drums.isDrum = true;
    out.score.tracks.push_back(drums);
    const std::size_t track = out.score.tracks.size() - 1;
    const GeneratedSequence& seq = sequences.front();
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
        } else if (t.rfind("H_", 0) == 0 && bar < bars.size()) {
            const auto last = t.rfind('_');
            const auto cls = drumClassNamed(std::string_view(t).substr(2, last - 2));
            if (!cls) continue;
            const int bin = std::atoi(t.c_str() + last + 1);
            const Tick start = bars[bar].start + static_cast<Tick>(step) * ppq / grid;
            const NoteId id = out.score.addNote(track, Note{0, drumNoteOf(*cls), drumBinVelocity(bin), start, stepTicks});
            out.generated.push_back(id);
            if (i < seq.choices.size()) out.confidence[id] = seq.choices[i].probability;
        }
    }
    out.score.normalize();
    return out;
}

}  // namespace nf
