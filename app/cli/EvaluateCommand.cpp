// SPDX-License-Identifier: GPL-3.0-or-later
// noteforge-cli evaluate GENERATED... --against DATA_DIR [--model MODEL] [--json]: novelty, repetition, key and
// rhythm figures of generated pieces beside those of the training data (docs/cli.md lists the JSON fields).
#include <CLI/CLI.hpp>

#include <filesystem>
#include <iostream>
#include <memory>
#include <stdexcept>

#include "cli/CliCommands.h"
#include "cli/EvaluateCompare.h"
#include "dataset/Dataset.h"
#include "evaluation/EvaluationJson.h"
#include "evaluation/EvaluationTable.h"
#include "evaluation/Evaluator.h"

#include "generation/ModelComparison.h"

namespace nf::cli {

namespace {

struct EvaluateOptions {
    std::vector<std::string> generated;
    std::string against;
    std::string model;
    std::string label = "generated";
    std::string keyProfile = "krumhansl-kessler";
    bool json = false;
};

void printWarning(const std::string& message) { printError("warning: " + message); }

// The pieces of every GENERATED path. Unreadable files are reported (one line each) and make the run fail, but the
// pieces that could be read are still evaluated.
std::vector<Piece> loadGenerated(const std::vector<std::string>& paths, bool& anyFailed) {
    std::vector<Piece> pieces;
    for (const std::string& path : paths) {
        Dataset d = loadDataset(path);
        for (const FileStatus& f : d.files) {
            if (!f.ok && !f.skipped) {
                printError(f.error);
                anyFailed = true;
            }
            for (const std::string& e : f.tuneErrors) {
                printError(e);
                anyFailed = true;
            }
        }
        for (Piece& p : d.pieces) pieces.push_back(std::move(p));
    }
    return pieces;
}

int evaluate(const EvaluateOptions& opt) {
    std::error_code ec;
    if (!std::filesystem::exists(opt.against, ec)) {
        printError(opt.against + ": no such file or folder");
        return FailedWork;
    }
    if (!opt.model.empty() && !std::filesystem::is_regular_file(opt.model, ec)) {
        printError(opt.model + ": no such model file");
        return FailedWork;
    }
    // Training files that cannot be read only shrink the reference; the figures stay meaningful, so they warn.
    const Dataset training = loadDataset(opt.against);
    for (const FileStatus& f : training.files) {
        if (!f.ok && !f.skipped) printWarning(f.error);
        for (const std::string& e : f.tuneErrors) printWarning(e);
    }
    if (training.pieces.empty()) {
        printError(opt.against + ": no MIDI or ABC piece could be read to compare with");
        return FailedWork;
    }
    bool anyFailed = false;
    const std::vector<Piece> generated = loadGenerated(opt.generated, anyFailed);
    if (generated.empty()) {
        printError("nothing to evaluate: no piece could be read from the GENERATED paths");
        return FailedWork;
    }

    const KeyProfile profile =
        opt.keyProfile == "temperley" ? KeyProfile::Temperley : KeyProfile::KrumhanslKessler;
    const TrainingReference reference(training.pieces, profile);
    EvaluationResult result = evaluatePieces(generated, reference, opt.against);
    if (!opt.model.empty()) {
        try {
            result.model = readModelQuality(opt.model);
        } catch (const std::exception& e) {
            printError(e.what());
            return FailedWork;
        }
        if (!result.model->validationLoss)
            printWarning(opt.model + ": the model was trained without a validation set: no held-out loss to report");
    }
    if (opt.json) {
        std::cout << evaluationToJson(result) << '\n';
    } else {
        std::cout << formatEvaluationText(result, opt.label);
    }
    return anyFailed ? FailedWork : Success;
}

}  // namespace

void addEvaluateCommand(CLI::App& app, CliResult& result) {
    auto opt = std::make_shared<EvaluateOptions>();
    auto* cmd = app.add_subcommand(
        "evaluate", "Measure generated pieces against a training set: novelty, copies, repetition, key, rhythm");
    cmd->add_option("GENERATED", opt->generated, "Generated MIDI/ABC files or folders (or --compare MODEL...)");
    cmd->add_option("--against", opt->against, "Training data (file or folder) to compare with")->required();
    cmd->add_option("--model", opt->model, "Model file that made the pieces (its held-out loss is reported)");
    cmd->add_option("--label", opt->label, "Column name of the generated set in the text table")
        ->capture_default_str();
    cmd->add_option("--key-profile", opt->keyProfile, "Key profiles for key finding")
        ->check(CLI::IsMember({"krumhansl-kessler", "temperley"}))
        ->capture_default_str();
    cmd->add_flag("--json", opt->json, "Print the report as JSON (field names in docs/cli.md)");
    auto compare = addCompareOptions(*cmd);
    setGuardedCallback(cmd, result, [opt, compare] {
        if (!compare->models.empty()) return runCompare(*compare, opt->against, opt->keyProfile, opt->json);
        if (opt->generated.empty())
            throw std::invalid_argument("nothing to evaluate: give GENERATED files or folders, or --compare MODEL...");
        return evaluate(*opt);
    });
}

}  // namespace nf::cli
