// SPDX-License-Identifier: GPL-3.0-or-later
#include "drums/DrumGanData.h"

#include <algorithm>
#include <map>
#include <tuple>

#include "drums/DrumGanSampling.h"
#include "drums/DrumTokenizer.h"

namespace nf {

namespace {

bool hasHit(const DrumBar& bar) {
    return std::any_of(bar.steps.begin(), bar.steps.end(), [](const DrumStep& s) {
        return std::any_of(s.begin(), s.end(), [](std::uint8_t v) { return v != 0; });
    });
}

bool inForm(const DrumPattern& p, const DrumBar& bar, const DrumBarForm& form) {
    return p.stepsPerQuarter == form.stepsPerQuarter && bar.numerator == form.numerator &&
           bar.denominator == form.denominator &&
           bar.steps.size() == static_cast<std::size_t>(drumStepsInMeter(form.stepsPerQuarter, form.numerator, form.denominator));
}

}  // namespace

std::vector<DrumGanPiece> drumGanPiecesOf(const TokenizedCorpus& corpus, const std::vector<std::size_t>& pieces) {
    std::vector<DrumGanPiece> out;
    out.reserve(pieces.size());
    for (std::size_t i : pieces) {
        std::vector<std::string> tokens;
        tokens.reserve(corpus.pieces[i].ids.size());
        for (std::int32_t id : corpus.pieces[i].ids) tokens.push_back(corpus.vocab.token(id));
        DrumGanPiece piece;
        BandOnsets band;
        piece.drums = drumPatternFromTokens(tokens, &band);
        // BAND follows DRUMS in a piece that has one (drums/DrumTokenizer.h).
        const auto header = tokens.begin() + std::min<std::ptrdiff_t>(2, std::ssize(tokens));
        if (std::find(tokens.begin(), header, "BAND") != header) piece.band = std::move(band);
        out.push_back(std::move(piece));
    }
    return out;
}

std::vector<DrumPattern> drumsOf(const std::vector<DrumGanPiece>& pieces) {
    std::vector<DrumPattern> out;
    out.reserve(pieces.size());
    for (const DrumGanPiece& p : pieces) out.push_back(p.drums);
    return out;
}

DrumBarForm commonDrumBarForm(const std::vector<DrumPattern>& patterns) {
    std::map<std::tuple<int, int, int>, std::pair<std::size_t, std::size_t>> counts;  // form -> (bars, first seen)
    std::size_t order = 0;
    for (const DrumPattern& p : patterns)
        for (const DrumBar& bar : p.bars) {
            if (!hasHit(bar)) continue;
            const DrumBarForm form{p.stepsPerQuarter, bar.numerator, bar.denominator, 0};
            if (!inForm(p, bar, form)) continue;  // a pickup or a cut bar: not a whole bar of its meter
            // Only meters the generators can write (a GAN's model must generate in the form it learnt).
            if (form.numerator > 32 || (form.denominator != 2 && form.denominator != 4 && form.denominator != 8 && form.denominator != 16))
                continue;
            auto [it, added] = counts.try_emplace({form.stepsPerQuarter, form.numerator, form.denominator}, 0, order++);
            ++it->second.first;
        }
    DrumBarForm best;
    std::size_t bestOrder = 0;
    for (const auto& [key, value] : counts)
        if (value.first > best.bars || (value.first == best.bars && value.second < bestOrder)) {
            best = {std::get<0>(key), std::get<1>(key), std::get<2>(key), value.first};
            bestOrder = value.second;
        }
    return best;
}

std::vector<DrumGanPiece> drumPartsInForm(const std::vector<DrumGanPiece>& pieces, const DrumBarForm& form) {
    std::vector<DrumGanPiece> parts;
    // A run without its leading and trailing silent bars: the GAN learns and writes bars with hits only, so a count-in
    // or a silent ending must not make the reference look sparser than what it is compared with.
    const auto keep = [&parts](DrumGanPiece run) {
        auto& bars = run.drums.bars;
        while (!bars.empty() && !hasHit(bars.back())) {
            bars.pop_back();
            if (run.band) run.band->pop_back();
        }
        std::size_t first = 0;
        while (first < bars.size() && !hasHit(bars[first])) ++first;
        bars.erase(bars.begin(), bars.begin() + static_cast<std::ptrdiff_t>(first));
        if (run.band) run.band->erase(run.band->begin(), run.band->begin() + static_cast<std::ptrdiff_t>(first));
        if (!bars.empty()) parts.push_back(std::move(run));
    };
    for (const DrumGanPiece& piece : pieces) {
        const DrumPattern& p = piece.drums;
        const auto emptyRun = [&] {
            DrumGanPiece run;
            run.drums.stepsPerQuarter = p.stepsPerQuarter;
            if (piece.band) run.band.emplace();
            return run;
        };
        DrumGanPiece run = emptyRun();
        for (std::size_t b = 0; b < p.bars.size(); ++b) {
            if (inForm(p, p.bars[b], form)) {
                run.drums.bars.push_back(p.bars[b]);
                if (run.band) run.band->push_back(b < piece.band->size() ? (*piece.band)[b] : std::vector<BandStep>{});
                continue;
            }
            keep(std::move(run));
            run = emptyRun();
        }
        keep(std::move(run));
    }
    return parts;
}

std::optional<DrumBar> lastDrumBarIn(const Score& score, const DrumBarForm& form) {
    if (!hasDrumPart(score)) return std::nullopt;
    const DrumPattern p = drumPatternOf(score, form.stepsPerQuarter == 3 ? DrumGrid::Triplets : DrumGrid::Sixteenths);
    for (auto bar = p.bars.rbegin(); bar != p.bars.rend(); ++bar)
        if (inForm(p, *bar, form) && hasHit(*bar)) return *bar;
    return std::nullopt;
}

DrumGanTrainingSet drumGanTrainingSet(const std::vector<DrumGanPiece>& pieces, const DrumGanSettings& g) {
    const int steps = drumStepsInMeter(g.stepsPerQuarter, g.numerator, g.denominator);
    const DrumBarForm form{g.stepsPerQuarter, g.numerator, g.denominator, 0};
    const std::size_t width = static_cast<std::size_t>(steps) * 2 * kDrumClassCount;
    const std::size_t conditionWidth = static_cast<std::size_t>(steps) * static_cast<std::size_t>(drumGanConditionSize(g));
    DrumGanTrainingSet out;
    for (const DrumGanPiece& piece : pieces) {
        const DrumPattern& p = piece.drums;
        for (std::size_t b = 0; b < p.bars.size(); ++b) {
            const DrumBar& bar = p.bars[b];
            if (!inForm(p, bar, form) || !hasHit(bar)) continue;
            out.values.resize(out.values.size() + width);
            drumGanBarValues(bar, steps, out.values.data() + out.values.size() - width);
            if (conditionWidth > 0) {
                DrumGanBarCue cue;
                if (piece.band && b < piece.band->size()) cue.band = &(*piece.band)[b];
                if (b > 0 && inForm(p, p.bars[b - 1], form)) cue.previous = &p.bars[b - 1];
                out.conditions.resize(out.conditions.size() + conditionWidth);
                drumGanBarConditions(g, steps, cue, out.conditions.data() + out.conditions.size() - conditionWidth);
            }
            ++out.bars;
        }
    }
    return out;
}

}  // namespace nf
