// SPDX-License-Identifier: GPL-3.0-or-later
// noteforge-cli loss --model M --data DIR [--json]: a remi or drums model's held-out loss on a folder it did not train on,
// per token and per note (evaluation/HeldOutLoss.h); docs/benchmarks/fine-tuning.md compares base, fine-tuned and
// from-scratch models with it. Torch-free.
#include <CLI/CLI.hpp>

#include <cstdio>
#include <filesystem>

#include <nlohmann/json.hpp>

#include "cli/CliCommands.h"
#include "dataset/BaseModels.h"
#include "dataset/Dataset.h"
#include "evaluation/HeldOutLoss.h"
#include "generation/GenerationModel.h"

namespace nf::cli {

namespace {

struct LossArgs {
    std::string model, data;
    int threads = 0;
    bool json = false;
};

int runLoss(const LossArgs& a) {
    const std::string path = resolveBaseModel(a.model);
    if (path.empty()) throw std::invalid_argument(a.model + ": no such model file or base model");
    std::error_code ec;
    if (!std::filesystem::exists(a.data, ec)) throw std::invalid_argument(a.data + ": no such file or folder");
    const GenerationModel model = GenerationModel::open(path);
    std::vector<Score> pieces;
    std::vector<std::string> names;
    for (Piece& p : loadDataset(a.data).pieces) {
        names.push_back(p.file + (p.tuneNumber >= 0 ? " #" + std::to_string(p.tuneNumber) : std::string()));
        pieces.push_back(std::move(p.score));
    }
    if (pieces.empty()) throw std::invalid_argument(a.data + ": no piece could be read");
    const HeldOutLoss r = heldOutLoss(model, pieces, a.threads);
    nlohmann::ordered_json skipped = nlohmann::ordered_json::array();
    for (const auto& [index, why] : r.skipped) {
        std::fprintf(stderr, "%s: skipped: %s\n", names[index].c_str(), why.c_str());
        skipped.push_back({{"file", names[index]}, {"reason", why}});
    }
    if (a.json) {
        nlohmann::ordered_json j{{"model", path},         {"data", a.data},          {"pieces", r.pieces},
                                 {"skipped_pieces", r.skippedPieces}, {"skipped", skipped},
                                 {"windows", r.windows}, {"tokens", r.tokens},
                                 {"notes", r.notes},      {"nats_per_token", r.perToken()}, {"nats_per_note", r.perNote()}};
        std::printf("%s\n", j.dump(2).c_str());
    } else {
        std::printf("%s on %s: %.4f nats/token, %.4f nats/note (%d pieces, %lld tokens, %lld notes%s)\n", path.c_str(),
                    a.data.c_str(), r.perToken(), r.perNote(), r.pieces, static_cast<long long>(r.tokens),
                    static_cast<long long>(r.notes),
                    r.skippedPieces ? (", " + std::to_string(r.skippedPieces) + " pieces skipped").c_str() : "");
    }
    return Success;
}

}  // namespace

void addLossCommand(CLI::App& app, CliResult& result) {
    auto args = std::make_shared<LossArgs>();
    auto* cmd = app.add_subcommand("loss", "A remi or drums model's loss on pieces it did not train on, per token and per note (drums: per hit)");
    cmd->add_option("--model", args->model, "Model file or base model name")->required();
    cmd->add_option("--data", args->data, "File or folder of MIDI/ABC music (held out from the model's training)")->required();
    cmd->add_option("--threads", args->threads, "Threads (default: all cores)")->check(CLI::NonNegativeNumber);
    cmd->add_flag("--json", args->json, "Print the figures as JSON");
    setGuardedCallback(cmd, result, [args] { return runLoss(*args); });
}

}  // namespace nf::cli
