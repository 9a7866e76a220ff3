// SPDX-License-Identifier: GPL-3.0-or-later
// noteforge-cli benchmark answer --model M [--phrase FILE [--tune N]] [--phrase-bars 2] [--answer-bars 2]
//                                [--repeats 5] [--threads N] [--json]
// Call and response, measured: a musician plays a phrase, a bar passes without a note, and the model must have its
// answer ready by the next downbeat, one bar later. This times the answer (RemiSteering::continuePiece on the
// phrase, the torch-free decoder) and prints it beside that budget at the phrase's own tempo and meter; the target
// is 300 ms with the transformer's small preset on a CPU. The phrase defaults to the first bars of the demo data's
// first ABC tune.
#include <CLI/CLI.hpp>

#include <algorithm>
#include <chrono>
#include <cstdio>
#include <filesystem>
#include <memory>
#include <thread>
#include <vector>

#include "cli/CliCommands.h"
#include "cli/SteeringOptions.h"
#include "dataset/DemoData.h"
#include "generation/GenerationModel.h"
#include "generation/RemiSteering.h"
#include "music/BarGrid.h"

namespace nf::cli {

namespace {

struct AnswerArgs {
    std::string model, phrase;
    int tune = -1, phraseBars = 2, answerBars = 2, repeats = 5, threads = 0;
    bool json = false;
};

std::string firstDemoTune() {
    const std::filesystem::path abc = std::filesystem::path(demoDataPath()) / "abc";
    std::vector<std::filesystem::path> files;
    std::error_code ec;
    for (const auto& e : std::filesystem::directory_iterator(abc, ec))
        if (e.path().extension() == ".abc") files.push_back(e.path());
    if (files.empty()) throw std::runtime_error("no --phrase given and no demo ABC tune found in " + abc.string());
    std::sort(files.begin(), files.end());
    return files.front().string();
}

// The first `bars` bars of `piece` (notes starting in them, cut at the phrase's end).
Score phraseOf(const Score& piece, int bars, Tick& end) {
    const auto lines = barLines(piece, piece.endTick());
    const std::size_t last = std::min(lines.size(), static_cast<std::size_t>(std::max(1, bars))) - 1;
    end = lines[last].end();
    Score phrase = piece;
    for (Track& t : phrase.tracks) {
        std::erase_if(t.notes, [end](const Note& n) { return n.start >= end; });
        for (Note& n : t.notes) n.duration = std::min(n.duration, end - n.start);
        t.controls.clear();
    }
    return phrase;
}

int benchAnswer(const AnswerArgs& a) {
    const GenerationModel model = GenerationModel::open(a.model);
    const RemiSteering steering(model);
    const std::string source = a.phrase.empty() ? firstDemoTune() : a.phrase;
    Tick end = 0;
    const Score phrase = phraseOf(readSteeredInput(source, a.phrase.empty() ? 1 : a.tune), a.phraseBars, end);
    const auto lines = barLines(phrase, end + 1);
    const BarLine& next = lines[barIndexAt(lines, end)];
    // The phrase ends when a bar passes without a note; the answer starts at the downbeat after that: one bar.
    const double budgetMs = 1000.0 * (phrase.tempoMap().secondsAt(next.end()) - phrase.tempoMap().secondsAt(next.start));

    SteeringRequest request;
    request.sampling.temperature = 0.9;
    request.sampling.topP = 0.95;
    request.threads = a.threads > 0 ? a.threads : static_cast<int>(std::max(1u, std::thread::hardware_concurrency()));
    std::vector<double> ms;
    std::size_t notes = 0;
    for (int r = 0; r <= a.repeats; ++r) {  // run 0 warms the caches up and is not counted
        request.sampling.seed = 100 + static_cast<std::uint64_t>(r);
        const auto t0 = std::chrono::steady_clock::now();
        const auto answer = steering.continuePiece(phrase, next.number, a.answerBars, request);
        const double elapsed = std::chrono::duration<double, std::milli>(std::chrono::steady_clock::now() - t0).count();
        if (r == 0) continue;
        ms.push_back(elapsed);
        if (!answer.empty()) notes += answer.front().generated.size();
    }
    std::sort(ms.begin(), ms.end());
    const double median = ms[ms.size() / 2], worst = ms.back();
    const double perAnswer = static_cast<double>(notes) / static_cast<double>(ms.size());
    if (a.json) {
        std::printf("{\"model\":\"%s\",\"phrase_bars\":%d,\"answer_bars\":%d,\"threads\":%d,\"repeats\":%d,"
                    "\"median_ms\":%.1f,\"max_ms\":%.1f,\"budget_ms\":%.1f,\"target_ms\":300,\"notes_per_answer\":%.1f}\n",
                    a.model.c_str(), a.phraseBars, a.answerBars, request.threads, a.repeats, median, worst, budgetMs,
                    perAnswer);
        return Success;
    }
    std::printf("answer benchmark: %s; phrase: the first %d bars of %s (%d/%d at %.0f bpm)\n", a.model.c_str(),
                a.phraseBars, source.c_str(), next.numerator, next.denominator, 60e6 / phrase.tempoMap().microsPerQuarterAt(end));
    std::printf("a %d-bar answer (%.1f notes): median %.1f ms, max %.1f ms over %d runs, %d threads\n", a.answerBars,
                perAnswer, median, worst, a.repeats, request.threads);
    std::printf("time from the phrase's end (a bar without a note) to the next downbeat: %.0f ms -> %s; target 300 ms: %s\n",
                budgetMs, worst <= budgetMs ? "ready in time" : "LATE", worst <= 300 ? "met" : "missed");
    return Success;
}

}  // namespace

void addAnswerBenchmarkCommand(CLI::App& app, CliResult& result) {
    auto a = std::make_shared<AnswerArgs>();
    auto* cmd = benchmarkParent(app)->add_subcommand(
        "answer", "Call and response: how fast a remi model answers a phrase, against the time to the next downbeat");
    cmd->add_option("--model", a->model, "A remi model (.nfm)")->required();
    cmd->add_option("--phrase", a->phrase, "MIDI or ABC file whose first bars are the phrase (default: a demo tune)");
    cmd->add_option("--tune", a->tune, "ABC: the tune's X: number");
    cmd->add_option("--phrase-bars", a->phraseBars, "Bars of the phrase (default 2)")->check(CLI::Range(1, 64));
    cmd->add_option("--answer-bars", a->answerBars, "Bars of the answer (default 2)")->check(CLI::Range(1, 64));
    cmd->add_option("--repeats", a->repeats, "Timed answers (default 5)")->check(CLI::Range(1, 100));
    cmd->add_option("--threads", a->threads, "CPU threads (default: all cores)")->check(CLI::NonNegativeNumber);
    cmd->add_flag("--json", a->json, "Print the figures as JSON");
    setGuardedCallback(cmd, result, [a] { return benchAnswer(*a); });
}

}  // namespace nf::cli
