// SPDX-License-Identifier: GPL-3.0-or-later
#include "drums/DrumBars.h"

#include <stdexcept>

#include "drums/DrumClass.h"
#include "generation/GenerationModel.h"

namespace nf {

int drumModelGrid(const GenerationModel& model) {
    if (model.config().tokenizer.kind != TokenizerKind::Drums)
        throw std::invalid_argument("not a drums model (its representation is " + toString(model.config().tokenizer.kind) +
                                    "): train one with `noteforge-cli train --model drums`");
    const Vocabulary& v = model.vocabulary();
    return v.find("GRID_4") || !v.find("GRID_3") ? 4 : 3;
}

int drumMeterToken(const Vocabulary& v, int numerator, int denominator) {
    const auto id = v.find("TS_" + std::to_string(numerator) + "/" + std::to_string(denominator));
    return id ? *id : -1;
}

bool drumModelFollowsBand(const GenerationModel& model) {
    // BAND in the vocabulary: some training piece had a band, so what the model makes of one was learnt.
    const bool heardOne = model.vocabulary().find("BAND").has_value();
    if (model.config().model.isDrumGan()) return model.config().model.gan.band && heardOne;
    return model.config().tokenizer.kind == TokenizerKind::Drums && model.config().tokenizer.bandOnsets && heardOne;
}

DrumBars generateDrumBars(const GenerationModel& model, const DrumBarsRequest& r) {
    const Vocabulary& v = model.vocabulary();
    DrumBars out;
    out.primer = {"DRUMS"};
    if (r.band) out.primer.emplace_back("BAND");
    out.primer.push_back("GRID_" + std::to_string(drumModelGrid(model)));
    out.primer.emplace_back("BAR");
    // A first meter the model never saw is left out: the caller lays it on the bars.
    if (const int meter = drumMeterToken(v, r.firstNumerator, r.firstDenominator); meter >= 0) out.primer.push_back(v.token(meter));
    std::vector<int> ids;
    for (const std::string& t : out.primer)
        if (const auto id = v.find(t)) ids.push_back(*id);
    GenerationSettings settings;
    settings.length = 1;  // more than any whole bar can take: every class hit on every step
    for (const DrumGuard::Bar& b : r.bars) {
        settings.length += b.steps * (1 + kDrumClassCount) + 2;
        for (const auto& step : b.band) settings.length += static_cast<int>(step.size());
    }
    settings.variations = r.variations;
    settings.sampling = r.sampling;
    settings.stopAtEnd = true;
    Generator generator(model, r.threads);
    out.sequences = generator.generate(ids, settings, r.cancel, r.progress,
                                       [&v, &r] { return std::make_unique<DrumGuard>(v, r.bars); });
    return out;
}

}  // namespace nf
