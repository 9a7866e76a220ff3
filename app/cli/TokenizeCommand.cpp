// SPDX-License-Identifier: GPL-3.0-or-later
// noteforge-cli tokenize --data DIR --out SHARDS: a folder too large for memory tokenized in parallel into token
// shards (tokenize/TokenShards.h), resumable; `train --corpus SHARDS` then trains on it in bounded memory
// (docs/scaling.md). Torch-free.
#include <CLI/CLI.hpp>

#include <atomic>
#include <csignal>
#include <cstdio>
#include <fstream>
#include <iterator>

#include "cli/CliCommands.h"
#include "dataset/Dataset.h"
#include "tokenize/TokenShards.h"
#include "training/TrainingConfig.h"

namespace nf::cli {

namespace {

struct TokenizeArgs {
    std::string data, out, model = "lstm", repr, format = "auto", configFile;
    int jobs = 0;
    std::size_t filesPerShard = 256;
};

std::atomic<bool> gCancel{false};
extern "C" void onTokenizeInterrupt(int) {
    if (gCancel.exchange(true)) _exit(130);  // a second Ctrl-C: at once
}

int runTokenize(const TokenizeArgs& a) {
    TokenizerSettings settings;
    try {
        if (!a.configFile.empty()) {
            std::ifstream in(a.configFile, std::ios::binary);
            if (!in) throw std::invalid_argument("--config " + a.configFile + ": cannot read the file");
            settings = TrainingConfig::fromJson({std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>()}).tokenizer;
        } else {
            settings = TrainingConfig::forModel(parseEnum<ModelKind>(a.model)).tokenizer;
        }
        if (!a.repr.empty()) settings.kind = parseEnum<TokenizerKind>(a.repr);
        settings.validate();
    } catch (const std::exception& e) {
        printError(e.what());
        return UsageError;
    }
    TokenShardOptions options;
    options.format = a.format == "midi" ? MusicFormat::Midi : a.format == "abc" ? MusicFormat::Abc : MusicFormat::Unknown;
    options.jobs = a.jobs;
    options.filesPerShard = a.filesPerShard;
    options.cancel = &gCancel;
    options.onShard = [](std::size_t done, std::size_t total) {
        std::fprintf(stderr, "\rshards %zu/%zu", done, total);
        std::fflush(stderr);
    };
    gCancel = false;
    const auto previousInt = std::signal(SIGINT, onTokenizeInterrupt);
    const auto previousTerm = std::signal(SIGTERM, onTokenizeInterrupt);
    try {
        std::printf("tokenizing %s as %s into %s ...\n", a.data.c_str(), toString(settings.kind).c_str(), a.out.c_str());
        std::fflush(stdout);
        const TokenShardBuild b = buildTokenShards(a.data, a.out, settings, options);
        std::signal(SIGINT, previousInt);
        std::signal(SIGTERM, previousTerm);
        std::fprintf(stderr, "\n");
        if (!b.complete) {
            std::printf("interrupted: %zu of %zu shards done (%zu tokenized now, %zu kept); run the same command again "
                        "to continue\n", b.built + b.kept, b.shards, b.built, b.kept);
            return FailedWork;
        }
        std::printf("%zu shards (%zu tokenized now, %zu kept from before): %zu pieces, %zu tokens; %zu problems\n",
                    b.shards, b.built, b.kept, b.pieces, b.tokens, b.problemCount);
        for (std::size_t i = 0; i < b.problems.size() && i < 5; ++i) std::fprintf(stderr, "skipped: %s\n", b.problems[i].c_str());
        std::printf("train with: noteforge-cli train --corpus %s ...\n", a.out.c_str());
        return Success;
    } catch (const std::exception& e) {
        std::signal(SIGINT, previousInt);
        std::signal(SIGTERM, previousTerm);
        std::fprintf(stderr, "\n");
        printError(e.what());
        return FailedWork;
    }
}

}  // namespace

void addTokenizeCommand(CLI::App& app, CliResult& result) {
    auto args = std::make_shared<TokenizeArgs>();
    auto* cmd = app.add_subcommand("tokenize", "Tokenize a large folder in parallel into token shards (resumable) for "
                                               "`train --corpus SHARDS` in bounded memory");
    cmd->add_option("--data", args->data, "Folder of MIDI/ABC music")->required();
    cmd->add_option("--out", args->out, "Folder for the shards and their manifest")->required();
    std::vector<std::string> models = enumWords<ModelKind>();
    cmd->add_option("--model", args->model, "The model whose representation to use (default lstm)")->check(CLI::IsMember(models));
    cmd->add_option("--repr", args->repr, "Representation (default: the model's)")->check(CLI::IsMember(enumWords<TokenizerKind>()));
    cmd->add_option("--config", args->configFile, "Take the tokenizer settings from this training configuration (JSON)");
    cmd->add_option("--format", args->format, "Which files to use")->check(CLI::IsMember({"auto", "midi", "abc"}));
    cmd->add_option("--jobs", args->jobs, "Threads tokenizing at once (default: one per core)")->check(CLI::NonNegativeNumber);
    cmd->add_option("--files-per-shard", args->filesPerShard, "Files in each shard (default 256)")->check(CLI::PositiveNumber);
    setGuardedCallback(cmd, result, [args] { return runTokenize(*args); });
}

}  // namespace nf::cli
