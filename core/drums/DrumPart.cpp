// SPDX-License-Identifier: GPL-3.0-or-later
#include "drums/DrumPart.h"

#include <cmath>
#include <stdexcept>

#include "drums/BandOnsets.h"
#include "drums/DrumBars.h"
#include "drums/DrumClass.h"
#include "drums/DrumTokenizer.h"
#include "generation/GenerationModel.h"
#include "music/BarGrid.h"

namespace nf {

namespace {

Track drumTrack() {
    Track drums;
    drums.name = "Drums";
    drums.channel = 9;
    drums.isDrum = true;
    return drums;
}

// A drum GAN drums the piece's whole bars of its own meter, as one part (chained noise); other bars (a pickup, a
// bar in another meter) stay silent. Each hit's confidence is the generator's probability of it.
SteeredPiece addGanDrumPart(const DrumGanNet& gan, const Score& piece, const DrumPartRequest& r, bool hearsTheBand) {
    const DrumGanSettings& g = gan.settings();
    const int ppq = piece.ppq();
    const std::vector<BarLine> all = barLines(piece, piece.endTick());
    std::vector<BarLine> fitting;
    std::vector<std::size_t> fittingIndex;  // each fitting bar's place among all the bars
    for (std::size_t i = 0; i < all.size(); ++i) {
        const BarLine& b = all[i];
        if (b.numerator == g.numerator && b.denominator == g.denominator &&
            std::lround(static_cast<double>(b.length) * g.stepsPerQuarter / ppq) == gan.steps()) {
            fitting.push_back(b);
            fittingIndex.push_back(i);
        }
    }
    if (fitting.empty())
        throw std::invalid_argument("this drum GAN writes whole " + std::to_string(g.numerator) + "/" + std::to_string(g.denominator) +
                                    " bars, and the piece has none: use a drums model");
    // A conditioned generator hears what it learnt to hear: the band's onsets on each bar it drums (read on all the
    // piece's bars, so a note near a skipped bar's line is not pulled into a drummed one), and the bar it wrote
    // before when that is the bar before (after a skipped bar it starts afresh, as after a bar of another form in
    // its training data).
    DrumGanPartCue cue;
    BandOnsets band;
    if (hearsTheBand) {
        std::vector<int> steps;
        for (const BarLine& b : all) steps.push_back(drumStepsIn(b, ppq, g.stepsPerQuarter));
        const BandOnsets everyBar = bandOnsetsOf(piece, all, steps, g.stepsPerQuarter);
        for (std::size_t i : fittingIndex) band.push_back(everyBar[i]);
        cue.band = &band;
    }
    for (std::size_t k = 0; k < fittingIndex.size(); ++k) cue.followsPrevious.push_back(k > 0 && fittingIndex[k] == fittingIndex[k - 1] + 1);
    std::vector<std::vector<float>> probabilities;
    const std::vector<DrumBar> bars = gan.sampleBars(static_cast<int>(fitting.size()), r.sampling.seed, &probabilities, cue);
    SteeredPiece out;
    out.score = piece;
    out.score.tracks.push_back(drumTrack());
    const std::size_t track = out.score.tracks.size() - 1;
    const Tick stepTicks = std::max<Tick>(1, ppq / g.stepsPerQuarter);
    for (std::size_t b = 0; b < bars.size(); ++b) {
        if (r.cancel && r.cancel->load()) {
            out.cancelled = true;
            break;
        }
        for (std::size_t s = 0; s < bars[b].steps.size(); ++s)
            for (int c = 0; c < kDrumClassCount; ++c) {
                const std::uint8_t v = bars[b].steps[s][static_cast<std::size_t>(c)];
                if (v == 0) continue;
                const Tick start = fitting[b].start + static_cast<Tick>(s) * ppq / g.stepsPerQuarter;
                const NoteId id = out.score.addNote(
                    track, Note{0, drumNoteOf(static_cast<DrumClass>(c)), drumBinVelocity(v - 1), start, stepTicks});
                out.generated.push_back(id);
                out.confidence[id] = probabilities[b][s * 2 * kDrumClassCount + static_cast<std::size_t>(c)];
            }
        if (r.progress) r.progress(static_cast<int>(b + 1), static_cast<int>(bars.size()));
    }
    out.score.normalize();
    return out;
}

}  // namespace

bool drumPartHearsTheBand(const GenerationModel& model, const Score& piece) {
    return drumModelFollowsBand(model) && hasBand(piece);
}

DrumBarsRequest drumBarsOfPiece(const GenerationModel& model, const Score& piece) {
    const int grid = drumModelGrid(model);
    const Vocabulary& v = model.vocabulary();
    const int ppq = piece.ppq();
    const std::vector<BarLine> bars = barLines(piece, piece.endTick());
    // Each bar's steps (its real length: a pickup is short) and, where the meter changes, its TS token, as the
    // tokenizer writes them.
    DrumBarsRequest request;
    std::vector<int> steps;
    for (std::size_t i = 0; i < bars.size(); ++i) {
        const BarLine& b = bars[i];
        const bool changes = i > 0 && (b.numerator != bars[i - 1].numerator || b.denominator != bars[i - 1].denominator);
        steps.push_back(drumStepsIn(b, ppq, grid));
        request.bars.push_back({steps.back(), changes ? drumMeterToken(v, b.numerator, b.denominator) : -1, {}});
    }
    // A model that follows the band hears the piece's own parts, step by step, as it heard its training pieces'.
    if (drumPartHearsTheBand(model, piece)) {
        request.band = true;
        const BandOnsets band = bandOnsetsOf(piece, bars, steps, grid);
        for (std::size_t i = 0; i < bars.size(); ++i)
            for (const BandStep& step : band[i]) {
                std::vector<int> ids;
                for (const std::string& t : bandStepTokens(step))
                    if (const auto id = v.find(t)) ids.push_back(*id);  // one its data never had is left out
                request.bars[i].band.push_back(std::move(ids));
            }
    }
    request.firstNumerator = bars.front().numerator;
    request.firstDenominator = bars.front().denominator;
    return request;
}

SteeredPiece addDrumPart(const GenerationModel& model, const Score& piece, const DrumPartRequest& r) {
    if (piece.noteCount() == 0) throw std::invalid_argument("the piece has no notes: no bars to drum to");
    if (const DrumGanNet* gan = model.drumGan()) return addGanDrumPart(*gan, piece, r, drumPartHearsTheBand(model, piece));
    DrumBarsRequest request = drumBarsOfPiece(model, piece);
    request.sampling = r.sampling;
    request.threads = r.threads;
    request.cancel = r.cancel;
    request.progress = r.progress;
    const DrumBars written = generateDrumBars(model, request);

    const Vocabulary& v = model.vocabulary();
    const int grid = drumModelGrid(model);
    const int ppq = piece.ppq();
    const std::vector<BarLine> bars = barLines(piece, piece.endTick());
    SteeredPiece out;
    out.score = piece;
    out.score.tracks.push_back(drumTrack());
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
