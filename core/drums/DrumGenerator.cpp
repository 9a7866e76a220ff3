// SPDX-License-Identifier: GPL-3.0-or-later
#include "drums/DrumGenerator.h"

#include <stdexcept>

#include "drums/DrumBars.h"
#include "drums/DrumTokenizer.h"
#include "generation/GenerationModel.h"

namespace nf {

namespace {

// A drum GAN writes its bars from chained noise, one part per variation (seeds seed, seed + 1, ...).
std::vector<GeneratedDrums> generateGanDrums(const DrumGanNet& gan, const DrumRequest& r, const std::atomic<bool>* cancel) {
    const DrumGanSettings& g = gan.settings();
    if (r.numerator != g.numerator || r.denominator != g.denominator)
        throw std::invalid_argument("this drum GAN writes " + std::to_string(g.numerator) + "/" + std::to_string(g.denominator) +
                                    " bars (its training data's), not " + std::to_string(r.numerator) + "/" +
                                    std::to_string(r.denominator) + ": ask for that meter, or use a drums model");
    if (r.primer && !gan.continuesABar())
        throw std::invalid_argument("this drum GAN was not trained to continue a bar (train one with --gan-primer)");
    if (r.primer && (r.primer->steps.size() != static_cast<std::size_t>(gan.steps()) || r.primer->numerator != g.numerator ||
                     r.primer->denominator != g.denominator))
        throw std::invalid_argument("the bar to continue is not a whole " + std::to_string(g.numerator) + "/" +
                                    std::to_string(g.denominator) + " bar on this drum GAN's grid");
    DrumGanPartCue cue;
    if (r.primer) cue.primer = &*r.primer;
    std::vector<GeneratedDrums> out;
    for (int k = 0; k < std::max(1, r.variations); ++k) {
        if (cancel && cancel->load()) break;
        GeneratedDrums d;
        d.seed = r.sampling.seed + static_cast<std::uint64_t>(k);
        d.pattern.stepsPerQuarter = g.stepsPerQuarter;
        d.pattern.bars = gan.sampleBars(r.bars, d.seed, nullptr, cue);
        if (r.primer) d.pattern.bars.insert(d.pattern.bars.begin(), *r.primer);
        d.score = drumScoreOf(d.pattern, r.bpm);
        out.push_back(std::move(d));
    }
    return out;
}

}  // namespace

std::vector<GeneratedDrums> generateDrums(const GenerationModel& model, const DrumRequest& r, const std::atomic<bool>* cancel) {
    if (r.bars < 1 || r.bars > 1000) throw std::invalid_argument("--bars: 1 to 1000 bars of drums");
    if (r.numerator < 1 || r.numerator > 32 || (r.denominator != 2 && r.denominator != 4 && r.denominator != 8 && r.denominator != 16))
        throw std::invalid_argument("--meter: N/D with N 1..32 and D 2, 4, 8 or 16");
    if (const DrumGanNet* gan = model.drumGan()) return generateGanDrums(*gan, r, cancel);
    if (r.primer) throw std::invalid_argument("a drums model writes a new part: only a drum GAN trained with --gan-primer continues a bar");
    const int grid = drumModelGrid(model);
    DrumBarsRequest request;
    request.bars.assign(static_cast<std::size_t>(r.bars), DrumGuard::Bar{drumStepsInMeter(grid, r.numerator, r.denominator), -1, {}});
    request.firstNumerator = r.numerator;
    request.firstDenominator = r.denominator;
    request.variations = r.variations;
    request.sampling = r.sampling;
    request.threads = r.threads;
    request.cancel = cancel;
    const DrumBars written = generateDrumBars(model, request);
    const Vocabulary& v = model.vocabulary();
    std::vector<GeneratedDrums> out;
    for (const GeneratedSequence& s : written.sequences) {
        std::vector<std::string> tokens = written.primer;
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
