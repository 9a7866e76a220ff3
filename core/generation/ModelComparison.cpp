// SPDX-License-Identifier: GPL-3.0-or-later
#include "generation/ModelComparison.h"

#include <cmath>
#include <filesystem>
#include <fmt/format.h>
#include <map>
#include <memory>

#include "evaluation/Evaluator.h"
#include "generation/GeneratedPiece.h"
#include "generation/GenerationModel.h"
#include "generation/Generator.h"
#include "generation/Primer.h"

namespace nf {

namespace {

namespace fs = std::filesystem;

// File names without folder and extension; a second model of the same name gets " (2)".
std::vector<std::string> labelsFor(const std::vector<std::string>& paths) {
    std::vector<std::string> labels;
    std::map<std::string, int> seen;
    for (const auto& p : paths) {
        std::string label = fs::path(p).stem().string();
        if (int n = ++seen[label]; n > 1) label += fmt::format(" ({})", n);
        labels.push_back(label);
    }
    return labels;
}

ModelQuality qualityOf(const GenerationModel& model) {
    ModelQuality quality;
    quality.file = model.path();
    quality.validationLoss = model.validationLoss();
    if (quality.validationLoss) quality.perplexity = std::exp(*quality.validationLoss);
    quality.representation = toString(model.config().tokenizer.kind);
    return quality;
}

}  // namespace

ModelQuality readModelQuality(const std::string& modelPath) { return qualityOf(GenerationModel::open(modelPath)); }

std::vector<LabelledResult> compareModels(const std::vector<std::string>& modelPaths, const TrainingReference& reference,
                                          const std::string& against, const ModelComparisonOptions& options,
                                          const ComparisonLog& log) {
    const auto say = [&](const std::string& line) {
        if (log) log(line);
    };
    if (options.piecesPerModel < 1) throw std::invalid_argument("pieces per model must be at least 1");
    options.settings.validate();
    if (!options.outputDir.empty()) fs::create_directories(options.outputDir);
    const auto labels = labelsFor(modelPaths);
    std::vector<LabelledResult> sets;
    for (std::size_t m = 0; m < modelPaths.size(); ++m) {
        const GenerationModel model = GenerationModel::open(modelPaths[m]);
        Generator generator(model, options.threads);
        std::unique_ptr<TrainingWindows> windows;
        if (options.dataPrimers) {
            try {
                windows = std::make_unique<TrainingWindows>(model, against);
            } catch (const std::exception& e) {
                say(labels[m] + ": no training-data primer (" + e.what() + "); generating from nothing");
            }
        }
        std::vector<Piece> pieces;
        for (int i = 0; i < options.piecesPerModel; ++i) {
            GenerationSettings settings = options.settings;
            settings.variations = 1;
            settings.sampling.seed = variationSeed(options.settings.sampling.seed, i);
            const Primer primer = windows ? windows->draw(0, settings.sampling.seed) : silentPrimer(model, settings.sampling.seed);
            const auto sequences = generator.generate(primer.tokens, settings);
            const GeneratedPiece g = assemblePiece(model, primer, settings, sequences.front());
            const std::string name = fmt::format("{}-{}", labels[m], i + 1);
            if (!g.readable) {
                say(name + ": left out, its ABC does not read even after repairs (" +
                    (g.problems.empty() ? std::string("unknown") : g.problems.back()) + ")");
                continue;
            }
            Piece piece;
            piece.file = name;
            piece.title = g.score.title;
            piece.score = g.score;
            if (!options.outputDir.empty()) {
                piece.file = (fs::path(options.outputDir) / (name + ".mid")).string();
                writeGeneratedMidi(g, piece.file);
                if (!g.abcText.empty()) writeGeneratedAbc(g, (fs::path(options.outputDir) / (name + ".abc")).string());
            }
            pieces.push_back(std::move(piece));
        }
        LabelledResult set;
        set.label = labels[m];
        set.result = evaluatePieces(pieces, reference, against);
        set.result.model = qualityOf(model);
        say(fmt::format("{}: {} ({}), {} of {} pieces measured", labels[m], toString(model.config().model.kind),
                        toString(model.config().tokenizer.kind), pieces.size(), options.piecesPerModel));
        sets.push_back(std::move(set));
    }
    return sets;
}

}  // namespace nf
