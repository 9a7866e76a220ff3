// SPDX-License-Identifier: GPL-3.0-or-later
// noteforge-cli models [--json]: the base models this installation has (resources/models, docs/benchmarks/
// fine-tuning.md) with their data cards; `models --write-card CARD.json MODEL` puts a card into a model file
// (bench/base-models/build.sh does, after training). Torch-free: it reads model files only.
#include <CLI/CLI.hpp>

#include <cstdio>
#include <filesystem>
#include <fstream>
#include <sstream>

#include <nlohmann/json.hpp>

#include "cli/CliCommands.h"
#include "dataset/BaseModels.h"
#include "training/ModelFile.h"
#include "training/TrainingConfig.h"

namespace nf::cli {

namespace {

struct ModelsArgs {
    bool json = false;
    std::string writeCard, model;
};

nlohmann::json describe(const BaseModelFile& base) {
    const ModelFile file = readModelFile(base.path);
    const TrainingConfig config = TrainingConfig::fromJson(file.configJson);
    long long parameters = 0;
    for (const NamedTensor& t : file.tensors) parameters += t.elementCount();
    nlohmann::json j{{"name", base.name},
                     {"path", base.path},
                     {"model", toString(config.model.kind)},
                     {"representation", toString(config.tokenizer.kind)},
                     {"parameters", parameters},
                     {"bytes", std::filesystem::file_size(base.path)}};
    j["card"] = file.cardJson.empty() ? nlohmann::json(nullptr) : nlohmann::json::parse(file.cardJson);
    return j;
}

std::string text(const nlohmann::json& card, const char* key) {
    if (!card.is_object() || !card.contains(key)) return "-";
    const auto& v = card.at(key);
    return v.is_string() ? v.get<std::string>() : v.dump();
}

int writeCard(const ModelsArgs& a) {
    std::ifstream in(a.writeCard);
    if (!in) {
        printError(a.writeCard + ": cannot be read");
        return FailedWork;
    }
    std::stringstream s;
    s << in.rdbuf();
    nlohmann::json card;
    try {
        card = nlohmann::json::parse(s.str());
    } catch (const std::exception& e) {
        printError(a.writeCard + ": not JSON: " + e.what());
        return FailedWork;
    }
    if (!card.is_object()) {
        printError(a.writeCard + ": a data card is a JSON object");
        return FailedWork;
    }
    ModelFile file = readModelFile(a.model);
    file.cardJson = card.dump(1);
    writeModelFile(file, a.model);
    std::printf("wrote the data card into %s\n", a.model.c_str());
    return Success;
}

int runModels(const ModelsArgs& a) {
    if (!a.writeCard.empty()) return writeCard(a);
    nlohmann::json all = nlohmann::json::array();
    for (const BaseModelFile& base : findBaseModels()) {
        try {
            all.push_back(describe(base));
        } catch (const std::exception& e) {
            printError(e.what());  // a damaged file is named; the others are still listed
        }
    }
    if (a.json) {
        std::printf("%s\n", all.dump(2).c_str());
        return Success;
    }
    if (all.empty()) {
        std::printf("no base models found (looked in:");
        for (const std::string& d : baseModelDirs()) std::printf(" %s", d.c_str());
        std::printf(")\n");
        return Success;
    }
    for (const auto& m : all) {
        const auto& card = m["card"];
        std::printf("%s: %s %s, %lld parameters, %s\n", m["name"].get<std::string>().c_str(),
                    m["model"].get<std::string>().c_str(), m["representation"].get<std::string>().c_str(),
                    m["parameters"].get<long long>(), m["path"].get<std::string>().c_str());
        std::printf("  %s\n  data: %s\n  held-out loss: %s nats/token; trained: %s\n", text(card, "description").c_str(),
                    text(card, "sources_summary").c_str(), text(card, "held_out_loss").c_str(), text(card, "training").c_str());
    }
    return Success;
}

}  // namespace

void addModelsCommand(CLI::App& app, CliResult& result) {
    auto args = std::make_shared<ModelsArgs>();
    auto* cmd = app.add_subcommand("models", "List the base models (ready to generate, infill and fine-tune) with their data cards");
    cmd->add_flag("--json", args->json, "Print the list as JSON (each with its data card)");
    auto* card = cmd->add_option("--write-card", args->writeCard, "Put this JSON data card into --model (for base-model builders)");
    cmd->add_option("--model", args->model, "The model file --write-card writes into")->needs(card);
    card->needs("--model");
    setGuardedCallback(cmd, result, [args] { return runModels(*args); });
}

}  // namespace nf::cli
