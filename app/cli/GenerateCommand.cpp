// SPDX-License-Identifier: GPL-3.0-or-later
// noteforge-cli generate --model MODEL --out OUT.mid|OUT.abc [sampling, primer, variations] and
// noteforge-cli generate --recipe FILE.mid --out OUT.mid (regenerate a piece exactly);
// noteforge-cli benchmark generate --model MODEL --length 500 [--variations K] [--mode incremental|windowed].
#include <CLI/CLI.hpp>
#include <nlohmann/json.hpp>

#include <cstdio>
#include <filesystem>
#include <iostream>
#include <memory>
#include <optional>
#include <random>

#include "cli/CliCommands.h"

#include "drums/DrumFigures.h"
#include "drums/DrumGanData.h"
#include "drums/DrumGenerator.h"
#include "generation/GeneratedPiece.h"
#include "generation/GenerationBenchmark.h"
#include "generation/GenerationModel.h"
#include "generation/Generator.h"
#include "generation/Primer.h"
#include "cli/SteeringOptions.h"
#include "music/BarGrid.h"
#include "smf/MidiFileWriter.h"

namespace nf::cli {

namespace {

namespace fs = std::filesystem;

struct GenerateArgs {
    std::string model, out, primer, primerData, recipe, mode = "incremental";
    int length = 500, variations = 1, window = 0, threads = 0, primerLength = 0, alternatives = 5;
    std::optional<double> bars, seconds;
    double temperature = 1.0, topP = 1.0, repetitionPenalty = 1.0;
    int topK = 0, noRepeatNgram = 0, repetitionWindow = 16;
    double maxNoteBeats = SamplingSettings{}.maxNoteBeats;
    int maxPolyphony = SamplingSettings{}.maxPolyphony;
    std::optional<std::uint64_t> seed;
    bool greedy = false, noPrimer = false, noStopAtEnd = false, force = false, json = false;
    // remi models: a new piece of --bars bars in this meter, tempo and key, with the steering controls.
    std::string meter, key;  // meter: 4/4 when not given (a drum GAN: its own)
    double tempo = 120;
    std::optional<int> fromBar;  // with --primer: continue from this bar (default: after the last)
    SteeringOptions steering;
};

// OUT.mid for one piece; OUT-1.mid .. OUT-K.mid for K variations.
std::string outputPath(const std::string& out, int index, int count) {
    if (count == 1) return out;
    const fs::path p(out);
    return (p.parent_path() / (p.stem().string() + "-" + std::to_string(index + 1) + p.extension().string())).string();
}

// "6/8" -> (6, 8); nothing for anything else.
std::optional<std::pair<int, int>> parseMeter(const std::string& text) {
    const auto slash = text.find('/');
    if (slash == std::string::npos) return std::nullopt;
    try {
        const int n = std::stoi(text.substr(0, slash), nullptr, 10), d = std::stoi(text.substr(slash + 1), nullptr, 10);
        if (n > 0 && d > 0) return std::pair{n, d};
    } catch (const std::exception&) {
    }
    return std::nullopt;
}

bool wantsAbc(const std::string& out) {
    std::string ext = fs::path(out).extension().string();
    for (char& c : ext) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
    return ext == ".abc";
}

double meanProbability(const GeneratedPiece& p) {
    if (p.sequence.choices.empty()) return 0;
    double sum = 0;
    for (const auto& c : p.sequence.choices) sum += c.probability;
    return sum / static_cast<double>(p.sequence.choices.size());
}

Primer choosePrimer(const GenerationModel& model, const GenerateArgs& a, std::uint64_t seed) {
    if (!a.primer.empty()) return filePrimer(model, a.primer, a.primerLength);
    if (a.noPrimer) return silentPrimer(model, seed);
    std::string data = a.primerData;
    std::error_code ec;
    if (data.empty() && !model.dataPath().empty() && fs::exists(model.dataPath(), ec)) data = model.dataPath();
    if (data.empty()) return silentPrimer(model, seed);
    return dataPrimer(model, data, a.primerLength, seed);
}

// Writes one piece; returns false (after a one-line error) when it cannot be written faithfully.
bool writePiece(const GeneratedPiece& piece, const std::string& path) {
    if (wantsAbc(path)) {
        writeGeneratedAbc(piece, path);
    } else {
        if (!piece.readable) {
            printError(path + ": not written: " + (piece.problems.empty() ? "the tune does not read" : piece.problems.back()));
            return false;
        }
        writeGeneratedMidi(piece, path);
    }
    return true;
}

nlohmann::ordered_json pieceJson(const GeneratedPiece& p, const std::string& path, bool written) {
    nlohmann::ordered_json j;
    j["file"] = path;
    j["written"] = written;
    j["seed"] = p.sequence.seed;
    j["tokens"] = p.sequence.tokens.size();
    j["primer_tokens"] = p.primerTokens;
    j["notes"] = p.score.noteCount();
    j["seconds"] = p.score.durationSeconds();
    j["mean_probability"] = meanProbability(p);
    j["reached_end"] = p.sequence.reachedEnd;
    j["guard_overrides"] = p.sequence.guardOverrides;
    j["forced_releases"] = p.sequence.forcedReleases;
    j["repairs"] = p.repairs;
    j["problems"] = p.problems;
    return j;
}

int report(const std::vector<GeneratedPiece>& pieces, const std::vector<std::string>& paths, const std::vector<bool>& written,
           const GenerationModel& model, const Primer& primer, const GenerationSettings& settings, bool json) {
    if (json) {
        nlohmann::ordered_json j;
        j["model"] = model.path();
        j["model_kind"] = toString(model.config().model.kind);
        j["mode"] = toString(settings.mode);
        j["sampling"] = settings.sampling.describe();
        j["primer"] = primer.source;
        j["pieces"] = nlohmann::ordered_json::array();
        for (std::size_t i = 0; i < pieces.size(); ++i) j["pieces"].push_back(pieceJson(pieces[i], paths[i], written[i]));
        std::cout << j.dump(2, ' ', false, nlohmann::ordered_json::error_handler_t::replace) << '\n';
    } else {
        std::printf("model %s (%s), %s decoding, %s\nprimer: %s\n", model.path().c_str(),
                    toString(model.config().model.kind).c_str(), toString(settings.mode).c_str(), settings.sampling.describe().c_str(), primer.source.c_str());
        for (std::size_t i = 0; i < pieces.size(); ++i) {
            const auto& p = pieces[i];
            std::printf("%s %s: seed %llu, %zu tokens, %zu notes, %.1f s, mean probability %.3f%s\n",
                        written[i] ? "wrote" : "NOT written", paths[i].c_str(),
                        static_cast<unsigned long long>(p.sequence.seed), p.sequence.tokens.size(), p.score.noteCount(),
                        p.score.durationSeconds(), meanProbability(p), p.sequence.reachedEnd ? " (ended)" : "");
            for (const auto& r : p.repairs) std::printf("  repaired: %s\n", r.c_str());
            for (const auto& r : p.problems) std::printf("  problem: %s\n", r.c_str());
        }
    }
    for (bool w : written)
        if (!w) return FailedWork;
    return Success;
}

int generateRemi(const GenerationModel& model, const GenerateArgs& a, const SamplingSettings& sampling);
int generateDrumPart(const GenerationModel& model, const GenerateArgs& a, const SamplingSettings& sampling);

int generate(const GenerateArgs& a) {
    if (!a.recipe.empty()) {
        const GenerationRecipe recipe = readRecipeFile(a.recipe);
        const GenerationModel model = GenerationModel::open(a.model.empty() ? recipe.modelPath : a.model);
        Generator generator(model, a.threads);
        const GeneratedPiece piece = regenerate(generator, model, recipe, a.force);
        const bool ok = writePiece(piece, a.out);
        return report({piece}, {a.out}, {ok}, model, recipe.primer(), recipe.settings, a.json);
    }
    if (a.model.empty()) {
        printError("generate needs --model MODEL (or --recipe FILE.mid)");
        return UsageError;
    }
    const GenerationModel model = GenerationModel::open(a.model);
    if (wantsAbc(a.out) && model.config().tokenizer.kind != TokenizerKind::AbcChars) {
        printError(a.out + ": ABC output needs an abc-chars model (paper-abc); this one is " +
                   toString(model.config().model.kind) + " (" + toString(model.config().tokenizer.kind) + "): write .mid");
        return UsageError;
    }
    GenerationSettings settings;
    settings.length = a.bars || a.seconds ? (a.length == 500 ? 100000 : a.length) : a.length;
    settings.bars = a.bars;
    settings.seconds = a.seconds;
    const bool remiModel = model.config().tokenizer.kind == TokenizerKind::Remi;
    const bool drumsModel = model.config().tokenizer.kind == TokenizerKind::Drums;
    if (a.seconds && model.config().tokenizer.kind != TokenizerKind::Events)
        throw std::invalid_argument("--seconds needs an events model; use --bars or --length (tokens)");
    if (a.bars && !remiModel && !drumsModel && model.config().tokenizer.kind != TokenizerKind::Events)
        throw std::invalid_argument("--bars needs an events, remi or drums model; use --length (tokens)");
    const auto& c = a.steering;
    if (!remiModel && (c.density || c.polyphony || c.noteBeats || !c.range.empty() || !c.scale.empty() || c.keepRhythm))
        throw std::invalid_argument("--density, --polyphony, --range, --scale, --note-beats and --keep-rhythm need a remi model");
    if (c.keepRhythm && a.primer.empty())
        throw std::invalid_argument("--keep-rhythm keeps the rhythm of music that is there: give it with --primer");
    settings.variations = a.variations;
    settings.mode = parseEnum<DecodeMode>(a.mode);
    settings.window = a.window;
    settings.stopAtEnd = !a.noStopAtEnd;
    auto& s = settings.sampling;
    s.greedy = a.greedy || a.temperature == 0.0;
    s.temperature = s.greedy ? 1.0 : a.temperature;
    s.topK = a.topK;
    s.topP = a.topP;
    s.repetitionPenalty = a.repetitionPenalty;
    s.repetitionWindow = a.repetitionWindow;
    s.noRepeatNgram = a.noRepeatNgram;
    s.maxNoteBeats = a.maxNoteBeats;
    s.maxPolyphony = a.maxPolyphony;
    s.alternatives = a.alternatives;
    s.seed = a.seed ? *a.seed : std::random_device{}() | (static_cast<std::uint64_t>(std::random_device{}()) << 32);
    settings.validate();

    if (remiModel) return generateRemi(model, a, s);
    if (drumsModel) return generateDrumPart(model, a, s);
    const Primer primer = choosePrimer(model, a, s.seed);
    for (const auto& w : primer.warnings) printError("warning: " + w);
    Generator generator(model, a.threads);
    const auto pieces = generatePieces(generator, model, primer, settings);
    std::vector<std::string> paths;
    std::vector<bool> written;
    for (std::size_t i = 0; i < pieces.size(); ++i) {
        paths.push_back(outputPath(a.out, static_cast<int>(i), static_cast<int>(pieces.size())));
        try {
            written.push_back(writePiece(pieces[i], paths.back()));
        } catch (const std::exception& e) {
            printError(paths.back() + ": " + e.what());
            written.push_back(false);
        }
    }
    return report(pieces, paths, written, model, primer, settings, a.json);
}

// A drum part from a drums model: --bars whole bars of --meter at --tempo, on channel 10.
int generateDrumPart(const GenerationModel& model, const GenerateArgs& a, const SamplingSettings& sampling) {
    const DrumGanNet* gan = model.drumGan();
    if (!a.primer.empty() && !(gan && gan->continuesABar()))
        throw std::invalid_argument("--primer: drums models write a new part; only a drum GAN trained with --gan-primer "
                                    "continues a bar");
    if (a.json) throw std::invalid_argument("--json: not for drums models yet (evaluate-drums --json measures their parts)");
    if (a.fromBar) throw std::invalid_argument("--from-bar: a drum GAN continues the primer's last whole bar of drums");
    if (a.length != 500) throw std::invalid_argument("--length: drums models write --bars whole bars (default 8)");
    DrumRequest r;
    std::string meterText = a.meter.empty() ? "4/4" : a.meter;
    if (gan && a.meter.empty())
        meterText = std::to_string(gan->settings().numerator) + "/" + std::to_string(gan->settings().denominator);
    const auto meter = parseMeter(meterText);
    if (!meter) throw std::invalid_argument("--meter wants N/D, e.g. 6/8");
    r.numerator = meter->first;
    r.denominator = meter->second;
    r.bars = a.bars ? static_cast<int>(std::lround(*a.bars)) : 8;
    r.bpm = a.tempo;
    r.variations = a.variations;
    r.threads = a.threads;
    r.sampling = sampling;
    if (!a.primer.empty()) {
        // The file's last whole bar of the GAN's form: the part starts with it, then --bars bars continue it.
        const auto& g = gan->settings();
        r.primer = lastDrumBarIn(readSteeredInput(a.primer, -1), DrumBarForm{g.stepsPerQuarter, g.numerator, g.denominator, 0});
        if (!r.primer)
            throw std::invalid_argument(a.primer + ": no whole " + std::to_string(g.numerator) + "/" + std::to_string(g.denominator) +
                                        " bar of drums (channel 10) to continue");
    }
    const auto parts = generateDrums(model, r);
    int failures = 0;
    for (std::size_t i = 0; i < parts.size(); ++i) {
        const std::string path = outputPath(a.out, static_cast<int>(i), static_cast<int>(parts.size()));
        try {
            writeMidiFile(parts[i].score, path);
        } catch (const std::exception& e) {
            printError(path + ": " + e.what());
            ++failures;
            continue;
        }
        const DrumFigures f = measureDrums(parts[i].pattern);
        std::printf("wrote %s: %s%d bars of %s, %zu hits, drums on MIDI channel 10, %zu distinct bars, %.0f%% empty beats\n",
                    path.c_str(), r.primer ? "the primer's last bar, then " : "", r.bars, meterText.c_str(), f.hits,
                    f.distinctPatterns, 100.0 * f.emptyBeatRate);
    }
    return failures ? FailedWork : Success;
}

// A new piece from a remi model: --bars bars in --meter, --tempo and --key, with the controls.
int generateRemi(const GenerationModel& model, const GenerateArgs& a, const SamplingSettings& sampling) {
    SteeringRequest request = steeringRequest(a.steering, sampling);
    request.candidates = a.variations;
    request.threads = a.threads;
    const auto meter = parseMeter(a.meter.empty() ? std::string("4/4") : a.meter);
    if (!meter) throw std::invalid_argument("--meter wants N/D, e.g. 6/8");
    const auto [numerator, denominator] = *meter;
    std::optional<Scale> key;
    if (!a.key.empty()) {
        key = parseScale(a.key);
        if (!key) throw std::invalid_argument("--key: unknown key '" + a.key + "' (e.g. \"D major\", \"E minor\")");
    }
    if (a.bars && *a.bars > 10000) throw std::invalid_argument("--bars: at most 10000 bars at once for remi models");
    const int bars = a.bars ? static_cast<int>(std::lround(*a.bars)) : 16;
    const RemiSteering steering(model);
    if (!a.primer.empty()) {
        // Continuation: the primer's music up to --from-bar stays as it is; new bars follow.
        const Score score = readSteeredInput(a.primer, -1);
        const auto lines = barLines(score, score.endTick());
        const int from = a.fromBar ? *a.fromBar : lines.back().number + 1;
        const auto pieces = steering.continuePiece(score, from, std::max(1, bars), key, request);
        return writeSteeredPieces(pieces, a.out,
                                  "continuation of " + a.primer + " from bar " + std::to_string(from) + ", " +
                                      std::to_string(bars) + " bars",
                                  request, a.json);
    }
    const auto pieces = steering.newPiece(numerator, denominator, a.tempo, std::max(1, bars), key, request);
    return writeSteeredPieces(pieces, a.out,
                              "new piece: " + std::to_string(bars) + " bars of " + (a.meter.empty() ? std::string("4/4") : a.meter) + " at " +
                                  std::to_string(static_cast<int>(a.tempo)) + " BPM" + (key ? " in " + key->name : ""),
                              request, a.json);
}

struct BenchArgs {
    std::string model, mode = "both";
    GenerationBenchmarkOptions options;
    bool json = false;
};

int benchGenerate(const BenchArgs& a) {
    GenerationBenchmarkResult r;
    const GenerationModel model = GenerationModel::open(a.model);
    auto options = a.options;
    options.windowedOnly = a.mode == "windowed";
    if (a.mode == "incremental") options.windowedTokens = std::min(options.windowedTokens, 5);
    r = benchmarkGeneration(model, options);
    if (a.json) {
        nlohmann::ordered_json j;
        j["model"] = a.model;
        j["model_kind"] = toString(model.config().model.kind);
        j["kernel"] = r.kernel;
        j["threads"] = r.threads;
        j["length"] = r.length;
        j["primer_tokens"] = r.primerLength;
        j["weights_mb"] = r.weightMegabytes;
        j["incremental_ms"] = r.singleMs;
        j["prime_ms"] = r.primeMs;
        j["variations"] = r.variations;
        j["variations_ms"] = r.batchMs;
        j["variations_ratio"] = r.batchRatio;
        j["window"] = r.window;
        j["windowed_ms"] = r.windowedMs;
        j["windowed_tokens_timed"] = r.windowedTokensTimed;
        j["windowed_ratio"] = r.windowedRatio;
        j["weights_gb_per_s"] = r.gigabytesPerSecond;
        std::cout << j.dump(2) << '\n';
        return Success;
    }
    std::printf("generate benchmark: %s (%s), %.1f MB of weights per token, %s kernel, %d threads\n", a.model.c_str(),
                toString(model.config().model.kind).c_str(), r.weightMegabytes, r.kernel.c_str(), r.threads);
    std::printf("primer %d tokens, then %d tokens, temperature 1; median of %d runs\n", r.primerLength, r.length,
                a.options.repeats);
    if (!options.windowedOnly) {
        std::printf("incremental  %8.1f ms per piece (%.3f ms/token, primer %.1f ms), %.1f GB/s of weights\n", r.singleMs,
                    r.singleMs / (r.length + r.primerLength), r.primeMs, r.gigabytesPerSecond);
        std::printf("incremental  %8.1f ms for %d variations together: %.2fx the time of one\n", r.batchMs, r.variations,
                    r.batchRatio);
    }
    std::printf("windowed     %8.1f ms per piece (re-running the last %d tokens per token; %s)\n", r.windowedMs, r.window,
                r.windowedTokensTimed == r.length ? "timed in full"
                                                  : ("timed over " + std::to_string(r.windowedTokensTimed) +
                                                     " tokens and scaled").c_str());
    if (r.windowedRatio > 0) std::printf("windowed / incremental: %.1fx\n", r.windowedRatio);
    return Success;
}


}  // namespace

void addGenerateCommand(CLI::App& app, CliResult& result) {
    auto a = std::make_shared<GenerateArgs>();
    auto* cmd = app.add_subcommand("generate", "Generate pieces from a trained model (MIDI, or ABC for abc-chars models)");
    cmd->add_option("--model", a->model, "Model file (.nfm); with --recipe: overrides the recipe's model path");
    cmd->add_option("--out", a->out, "Output OUT.mid or OUT.abc; K variations become OUT-1.mid .. OUT-K.mid")->required();
    cmd->add_option("--length", a->length, "Most tokens to generate (default 500, as the paper)")->check(CLI::Range(1, 1000000));
    cmd->add_option("--bars", a->bars, "events models: stop after this many 4/4 bars; remi and drums models: bars of the new piece")
        ->check(CLI::PositiveNumber);
    cmd->add_option("--meter", a->meter, "remi and drums models: the new piece's meter (default 4/4, a drum GAN its own; a jig is 6/8)");
    cmd->add_option("--tempo", a->tempo, "remi and drums models: beats per minute (default 120)")->check(CLI::Range(20.0, 400.0));
    cmd->add_option("--key", a->key, "remi models: the key to write in, e.g. \"D major\" (the model's choice by default)");
    cmd->add_option("--from-bar", a->fromBar, "remi models with --primer: continue from this bar (default: after the end)");
    addSteeringOptions(cmd, a->steering, false);
    cmd->add_option("--seconds", a->seconds, "events models: stop after this many seconds")->check(CLI::PositiveNumber);
    cmd->add_flag("--greedy", a->greedy, "Always take the most likely token (the paper's argmax)");
    cmd->add_option("--temperature", a->temperature, "Sampling temperature (0 = greedy; default 1)")->check(CLI::NonNegativeNumber);
    cmd->add_option("--top-k", a->topK, "Sample among the K most likely tokens (0 = all)")->check(CLI::NonNegativeNumber);
    cmd->add_option("--top-p", a->topP, "Sample among the most likely tokens up to probability P (1 = all)")
        ->check(CLI::Range(0.0, 1.0));
    cmd->add_option("--repetition-penalty", a->repetitionPenalty, "Penalise recently used tokens (1 = off; 1.2 is mild)")
        ->check(CLI::Range(1.0, 100.0));
    cmd->add_option("--repetition-window", a->repetitionWindow, "How many recent tokens the penalty looks at (default 16)")
        ->check(CLI::PositiveNumber);
    cmd->add_option("--no-repeat-ngram", a->noRepeatNgram, "Never repeat an n-gram of this many tokens (0 = off)")
        ->check(CLI::Range(0, 1000));
    cmd->add_option("--max-note-beats", a->maxNoteBeats,
                    "events models: release a note held this many beats (default 8; 0 = off)")
        ->check(CLI::Range(0.0, 1000.0));
    cmd->add_option("--max-polyphony", a->maxPolyphony,
                    "events models: start no note while this many sound (default 16; 0 = off)")
        ->check(CLI::Range(0, 2048));
    cmd->add_option("--seed", a->seed, "Random seed (default: a fresh one, printed in the recipe)");
    cmd->add_option("--primer", a->primer, "MIDI or ABC file to continue");
    cmd->add_option("--primer-data", a->primerData, "Take a random window of this data as primer (the paper's method)");
    cmd->add_option("--primer-length", a->primerLength, "Primer tokens (default: the model's training window)")
        ->check(CLI::NonNegativeNumber);
    cmd->add_flag("--no-primer", a->noPrimer, "Start from nothing (the start of a tune)");
    cmd->add_option("--variations", a->variations, "Generate K variations in one batch (seeds SEED..SEED+K-1)")
        ->check(CLI::Range(1, 256));
    cmd->add_option("--mode", a->mode, "incremental (carry the LSTM state) or windowed (the paper's re-run window)")
        ->check(CLI::IsMember(enumWords<DecodeMode>()));
    cmd->add_option("--window", a->window, "Windowed mode: tokens re-run per step (default: the model's)")->check(CLI::NonNegativeNumber);
    cmd->add_flag("--no-stop-at-end", a->noStopAtEnd, "Keep going past the end token");
    cmd->add_option("--alternatives", a->alternatives, "Alternatives kept per note (default 5)")->check(CLI::Range(0, 64));
    cmd->add_option("--threads", a->threads, "CPU threads (default: all cores)")->check(CLI::NonNegativeNumber);
    cmd->add_option("--recipe", a->recipe, "Regenerate exactly the piece this generated MIDI/ABC file describes");
    cmd->add_flag("--force", a->force, "With --recipe: use --model even if it is not the recipe's model");
    cmd->add_flag("--json", a->json, "Print the summary as JSON");
    setGuardedCallback(cmd, result, [a] { return generate(*a); });

    auto b = std::make_shared<BenchArgs>();
    auto* bench = benchmarkParent(app)->add_subcommand(
        "generate", "Generation speed: ms per piece incremental, K variations, and the paper's windowed method");
    bench->add_option("--model", b->model, "Model file")->required();
    bench->add_option("--length", b->options.length, "Tokens per piece (default 500)")->check(CLI::Range(1, 1000000));
    bench->add_option("--variations", b->options.variations, "K of the batched run (default 8)")->check(CLI::Range(1, 256));
    bench->add_option("--mode", b->mode, "both (default), incremental, or windowed (timed in full)")
        ->check(CLI::IsMember({"both", "incremental", "windowed"}));
    bench->add_option("--windowed-tokens", b->options.windowedTokens,
                      "Time windowed mode over this many tokens and scale (default 50; 0 = in full)")
        ->check(CLI::NonNegativeNumber);
    bench->add_option("--threads", b->options.threads, "CPU threads (default: all cores)")->check(CLI::NonNegativeNumber);
    bench->add_option("--repeats", b->options.repeats, "Timed runs (median; default 3)")->check(CLI::Range(1, 100));
    bench->add_option("--primer-length", b->options.primerLength, "Primer tokens (default: the model's window)")
        ->check(CLI::NonNegativeNumber);
    bench->add_flag("--json", b->json, "Print the figures as JSON");
    setGuardedCallback(bench, result, [b] { return benchGenerate(*b); });
}

}  // namespace nf::cli
