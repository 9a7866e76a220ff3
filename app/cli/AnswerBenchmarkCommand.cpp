// SPDX-License-Identifier: GPL-3.0-or-later
// noteforge-cli benchmark answer --model M [--phrase FILE [--tune N]] [--phrase-bars 2] [--answer-bars 2]
//                                [--repeats 5] [--threads N] [--json]
// Call and response, measured on the studio's own path: the phrase is played into a JamSession against the click,
// a bar passes without a note, and the model must have its answer (answerPhrase, the torch-free decoder) placed by
// the next downbeat. This times that, from the phrase's end to the score to play, and prints it beside the time left
// before the downbeat at the phrase's own tempo and meter; the target is 300 ms with the transformer's small preset
// on a CPU. The phrase defaults to the first bars of the demo data's first ABC tune.
#include <CLI/CLI.hpp>

#include <algorithm>
#include <chrono>
#include <cstdio>
#include <filesystem>
#include <memory>
#include <optional>
#include <thread>
#include <vector>

#include "cli/CliCommands.h"
#include "cli/SteeringOptions.h"
#include "dataset/DemoData.h"
#include "generation/GenerationModel.h"
#include "generation/PhraseAnswer.h"
#include "generation/RemiSteering.h"
#include "music/JamSession.h"
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

// The phrase as a musician plays it against the studio's click: its notes in seconds of the click, its first full
// bar on the click's bar 1 (a pickup falls at the end of bar 0, the count-in).
std::vector<PlayedNote> performed(const Score& phrase, const JamClock& clock, const BarLine& firstFull) {
    std::vector<PlayedNote> notes;
    const TempoMap& tm = phrase.tempoMap();
    const double shift = clock.downbeat(1) - tm.secondsAt(firstFull.start);
    // One line, as one hand on a keyboard plays it: the first track with notes (the tune's melody).
    for (const Track& t : phrase.tracks) {
        for (const Note& n : t.notes)
            notes.push_back({n.pitch, n.velocity, shift + tm.secondsAt(n.start), shift + tm.secondsAt(n.end())});
        if (!notes.empty()) break;
    }
    return notes;
}

int benchAnswer(const AnswerArgs& a) {
    const GenerationModel model = GenerationModel::open(a.model);
    const RemiSteering steering(model);
    const std::string source = a.phrase.empty() ? firstDemoTune() : a.phrase;
    Tick end = 0;
    const Score phrase = phraseOf(readSteeredInput(source, a.phrase.empty() ? 1 : a.tune), a.phraseBars, end);
    const auto lines = barLines(phrase, end);
    const BarLine& firstFull = lines[lines.size() > 1 && lines.front().number == 0 ? 1 : 0];  // not the pickup's meter
    JamOptions options;
    options.clock.bpm = 60e6 / phrase.tempoMap().microsPerQuarterAt(firstFull.start);
    options.clock.numerator = firstFull.numerator;
    options.clock.denominator = firstFull.denominator;
    options.answerBars = a.answerBars;
    options.silenceBars = 1;
    const std::vector<PlayedNote> notes = performed(phrase, options.clock, firstFull);
    if (notes.empty()) throw std::invalid_argument(source + ": the first " + std::to_string(a.phraseBars) + " bars have no notes");

    SteeringRequest request;
    request.sampling.temperature = 0.9;
    request.sampling.topP = 0.95;
    request.threads = a.threads > 0 ? a.threads : static_cast<int>(std::max(1u, std::thread::hardware_concurrency()));
    std::vector<double> ms;
    double budgetMs = 0;
    std::size_t answered = 0, onTime = 0;
    for (int r = 0; r <= a.repeats; ++r) {  // run 0 warms the caches up and is not counted
        // The studio's path (CallResponseController): the session hears the notes, polls every 10 ms until the
        // phrase is over, the model answers, the answer is placed and the score to play is built.
        JamSession session(options);
        double last = 0;
        for (const PlayedNote& n : notes) {
            session.noteOn(n.pitch, n.velocity, n.start);
            session.noteOff(n.pitch, n.end);
            last = std::max(last, n.end);
        }
        std::optional<HeardPhrase> heard;
        for (double t = last; !heard; t += 0.010) heard = session.poll(t);
        request.sampling.seed = 100 + static_cast<std::uint64_t>(r);
        const auto t0 = std::chrono::steady_clock::now();
        std::vector<Note> answer = answerPhrase(steering, heard->call, a.answerBars, request);
        const double computeSeconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - t0).count();
        const std::size_t count = answer.size();
        const JamAnswer placed = session.placeAnswer(*heard, std::move(answer), heard->phrase.endedAt + computeSeconds);
        const Score playing = session.playing();
        const double elapsed = std::chrono::duration<double, std::milli>(std::chrono::steady_clock::now() - t0).count();
        if (r == 0) continue;
        if (playing.noteCount() < count) throw std::logic_error("the answer is missing from the score to play");
        ms.push_back(elapsed);
        answered += count;
        onTime += placed.late() ? 0 : 1;
        budgetMs = 1000.0 * placed.budgetSeconds();
    }
    std::sort(ms.begin(), ms.end());
    const double median = ms[ms.size() / 2], worst = ms.back();
    const double perAnswer = static_cast<double>(answered) / static_cast<double>(ms.size());
    if (a.json) {
        std::printf("{\"model\":\"%s\",\"phrase_bars\":%d,\"answer_bars\":%d,\"threads\":%d,\"repeats\":%d,"
                    "\"median_ms\":%.1f,\"max_ms\":%.1f,\"budget_ms\":%.1f,\"target_ms\":300,\"notes_per_answer\":%.1f,"
                    "\"on_time\":%zu}\n",
                    a.model.c_str(), a.phraseBars, a.answerBars, request.threads, a.repeats, median, worst, budgetMs,
                    perAnswer, onTime);
        return Success;
    }
    std::printf("answer benchmark: %s; phrase: the first %d bars of %s (%d/%d at %.0f bpm), played against the click\n",
                a.model.c_str(), a.phraseBars, source.c_str(), options.clock.numerator, options.clock.denominator,
                options.clock.bpm);
    std::printf("a %d-bar answer (%.1f notes), from the phrase's end (a bar without a note) to the answer placed and the "
                "score to play built: median %.1f ms, max %.1f ms over %d runs, %d threads\n",
                a.answerBars, perAnswer, median, worst, a.repeats, request.threads);
    std::printf("time left from the phrase's end to the next downbeat: %.0f ms -> %s (%zu of %d on time); target 300 ms: %s\n",
                budgetMs, worst <= budgetMs ? "ready in time" : "LATE", onTime, a.repeats, worst <= 300 ? "met" : "missed");
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
