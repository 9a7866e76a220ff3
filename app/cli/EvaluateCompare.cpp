// SPDX-License-Identifier: GPL-3.0-or-later
#include "cli/EvaluateCompare.h"

#include <CLI/CLI.hpp>

#include <cstdio>
#include <filesystem>
#include <iostream>

#include "cli/CliCommands.h"
#include "dataset/Dataset.h"
#include "evaluation/EvaluationJson.h"
#include "evaluation/EvaluationTable.h"

#include "generation/ModelComparison.h"

namespace nf::cli {

std::shared_ptr<CompareArgs> addCompareOptions(CLI::App& cmd) {
    auto a = std::make_shared<CompareArgs>();
    cmd.add_option("--compare", a->models, "Generate from these models with the same settings and compare them side by side");
    cmd.add_option("--pieces", a->pieces, "With --compare: pieces per model (default 10)")->check(CLI::Range(1, 10000));
    cmd.add_option("--length", a->length, "With --compare: tokens per piece (default 500)")->check(CLI::Range(1, 1000000));
    cmd.add_option("--seed", a->seed, "With --compare: seed of the first piece; piece i uses seed + i (default 1)");
    cmd.add_option("--temperature", a->temperature, "With --compare: sampling temperature (0 = greedy; default 1)")
        ->check(CLI::NonNegativeNumber);
    cmd.add_option("--top-k", a->topK, "With --compare: top-k sampling (0 = off)")->check(CLI::NonNegativeNumber);
    cmd.add_option("--top-p", a->topP, "With --compare: top-p sampling (1 = off)")->check(CLI::Range(0.0, 1.0));
    cmd.add_option("--repetition-penalty", a->repetitionPenalty, "With --compare: repetition penalty (1 = off)")
        ->check(CLI::Range(1.0, 100.0));
    cmd.add_option("--no-repeat-ngram", a->noRepeatNgram, "With --compare: n-gram guard (0 = off)")->check(CLI::Range(0, 1000));
    cmd.add_option("--max-note-beats", a->maxNoteBeats, "With --compare: events models release notes held this long (0 = off)")
        ->check(CLI::Range(0.0, 1000.0));
    cmd.add_option("--max-polyphony", a->maxPolyphony, "With --compare: events models start no note while this many sound (0 = off)")
        ->check(CLI::Range(0, 2048));
    cmd.add_option("--mode", a->mode, "With --compare: incremental or windowed decoding")
        ->check(CLI::IsMember(enumWords<DecodeMode>()));
    cmd.add_flag("--no-primer", a->noPrimer, "With --compare: start from nothing instead of a random training window");
    cmd.add_option("--out-dir", a->outDir, "With --compare: keep the generated pieces in this folder");
    cmd.add_option("--threads", a->threads, "With --compare: CPU threads (default: all cores)")->check(CLI::NonNegativeNumber);
    return a;
}


int runCompare(const CompareArgs& a, const std::string& against, const std::string& keyProfile, bool json) {
    std::error_code ec;
    if (!std::filesystem::exists(against, ec)) {
        printError(against + ": no such file or folder");
        return FailedWork;
    }
    const Dataset training = loadDataset(against);
    for (const FileStatus& f : training.files)
        if (!f.ok && !f.skipped) printError("warning: " + f.error);
    if (training.pieces.empty()) {
        printError(against + ": no MIDI or ABC piece could be read to compare with");
        return FailedWork;
    }
    ModelComparisonOptions options;
    options.piecesPerModel = a.pieces;
    options.dataPrimers = !a.noPrimer;
    options.threads = a.threads;
    options.outputDir = a.outDir;
    auto& s = options.settings;
    s.length = a.length;
    s.mode = parseEnum<DecodeMode>(a.mode);
    s.sampling.seed = a.seed;
    s.sampling.greedy = a.greedy || a.temperature == 0.0;
    s.sampling.temperature = s.sampling.greedy ? 1.0 : a.temperature;
    s.sampling.topK = a.topK;
    s.sampling.topP = a.topP;
    s.sampling.repetitionPenalty = a.repetitionPenalty;
    s.sampling.noRepeatNgram = a.noRepeatNgram;
    s.sampling.maxNoteBeats = a.maxNoteBeats;
    s.sampling.maxPolyphony = a.maxPolyphony;
    const TrainingReference reference(training.pieces,
                                      keyProfile == "temperley" ? KeyProfile::Temperley : KeyProfile::KrumhanslKessler);
    const auto sets = compareModels(a.models, reference, against, options,
                                    [](const std::string& line) { std::cerr << "noteforge: " << line << '\n'; });
    if (json) {
        std::cout << comparisonToJson(sets) << '\n';
    } else {
        std::printf("%d pieces per model, %d tokens each, %s decoding, %s, primers: %s\n\n", a.pieces, a.length,
                    a.mode.c_str(), s.sampling.describe().c_str(), a.noPrimer ? "none" : "random training windows");
        std::cout << formatComparisonTable(sets);
    }
    return Success;
}


}  // namespace nf::cli
