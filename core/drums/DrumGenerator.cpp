// SPDX-License-Identifier: GPL-3.0-or-later
#include "drums/DrumGenerator.h"

#include <stdexcept>

#include "drums/DrumTokenizer.h"
#include "generation/DrumGuard.h"
#include "generation/GenerationModel.h"
#include "generation/Generator.h"

namespace nf {

std::vector<GeneratedDrums> generateDrums(const GenerationModel& model, const DrumRequest& r, const std::atomic<bool>* cancel) {
    if (model.config().tokenizer.kind != TokenizerKind::Drums)
        throw std::invalid_argument("not a drums model (its representation is " + toString(model.config().tokenizer.kind) +
                                    "): train one with `noteforge-cli train --model drums`");
    if (r.bars < 1 || r.bars > 1000) throw std::invalid_argument("--bars: 1 to 1000 bars of drums");
    if (r.numerator < 1 || r.numerator > 32 || (r.denominator != 2 && r.denominator != 4 && r.denominator != 8 && r.denominator != 16))
        throw std::invalid_argument("--meter: N/D with N 1..32 and D 2, 4, 8 or 16");
    const Vocabulary& v = model.vocabulary();
    // The model's grid: sixteenths when it knows them, else triplets.
    const int grid = v.find("GRID_4") ? 4 : v.find("GRID_3") ? 3 : 4;
    const int stepsPerBar = drumStepsInMeter(grid, r.numerator, r.denominator);
    const std::string meter = "TS_" + std::to_string(r.numerator) + "/" + std::to_string(r.denominator);
    std::vector<std::string> primer{"DRUMS", "GRID_" + std::to_string(grid), "BAR"};
    if (v.find(meter)) primer.push_back(meter);  // a meter the model never saw is laid on the bars below instead
    std::vector<int> ids;
    for (const std::string& t : primer)
        if (const auto id = v.find(t)) ids.push_back(*id);

    GenerationSettings settings;
    settings.length = r.bars * (stepsPerBar * (1 + kDrumClassCount) + 2) + 1;  // more than any whole bar can take
    settings.variations = r.variations;
    settings.sampling = r.sampling;
    settings.stopAtEnd = true;
    Generator generator(model, r.threads);
    const auto sequences = generator.generate(ids, settings, cancel, {}, [&v, &r, stepsPerBar] {
        return std::make_unique<DrumGuard>(v, r.bars, stepsPerBar);
    });
    std::vector<GeneratedDrums> out;
    for (const GeneratedSequence& s : sequences) {
        std::vector<std::string> tokens = primer;
        for (int t : s.tokens) tokens.push_back(v.token(t));
        GeneratedDrums d;
        d.seed = s.seed;
        d.pattern = drumPatternFromTokens(tokens);
        for (DrumBar& bar : d.pattern.bars) {
            bar.numerator = r.numerator;
            bar.denominator = r.denominator;
        }
        d.score = drumScoreOf(d.pattern, r.bpm);
        out.push_back(std::move(d));
    }
    return out;
}

}  // namespace nf
