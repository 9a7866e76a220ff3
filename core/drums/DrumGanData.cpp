// SPDX-License-Identifier: GPL-3.0-or-later
#include "drums/DrumGanData.h"

#include <algorithm>
#include <map>
#include <tuple>

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

std::vector<DrumPattern> drumPatternsOf(const TokenizedCorpus& corpus, const std::vector<std::size_t>& pieces) {
    std::vector<DrumPattern> out;
    out.reserve(pieces.size());
    for (std::size_t i : pieces) {
        std::vector<std::string> tokens;
        tokens.reserve(corpus.pieces[i].ids.size());
        for (std::int32_t id : corpus.pieces[i].ids) tokens.push_back(corpus.vocab.token(id));
        out.push_back(drumPatternFromTokens(tokens));
    }
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

std::vector<DrumPattern> drumPartsInForm(const std::vector<DrumPattern>& patterns, const DrumBarForm& form) {
    std::vector<DrumPattern> parts;
    // A run without its leading and trailing silent bars: the GAN learns and writes bars with hits only, so a count-in
    // or a silent ending must not make the reference look sparser than what it is compared with.
    const auto keep = [&parts](DrumPattern run) {
        while (!run.bars.empty() && !hasHit(run.bars.back())) run.bars.pop_back();
        std::size_t first = 0;
        while (first < run.bars.size() && !hasHit(run.bars[first])) ++first;
        run.bars.erase(run.bars.begin(), run.bars.begin() + static_cast<std::ptrdiff_t>(first));
        if (!run.bars.empty()) parts.push_back(std::move(run));
    };
    for (const DrumPattern& p : patterns) {
        DrumPattern run;
        run.stepsPerQuarter = p.stepsPerQuarter;
        for (const DrumBar& bar : p.bars) {
            if (inForm(p, bar, form)) {
                run.bars.push_back(bar);
                continue;
            }
            keep(run);
            run.bars.clear();
        }
        keep(run);
    }
    return parts;
}

}  // namespace nf
