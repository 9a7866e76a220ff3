// SPDX-License-Identifier: GPL-3.0-or-later
// noteforge-cli evaluate-infill --model M [--data DIR] [--pieces N] [--bars N] [--mode bars|track] [--json]: masks
// spans of pieces the model did not train on, regenerates them, and compares them with the truth and two
// baselines; control accuracy, hard constraints and a structure figure beside them (docs/cli.md).
#include <CLI/CLI.hpp>
#include <nlohmann/json.hpp>

#include <algorithm>
#include <cstdio>
#include <filesystem>
#include <iostream>
#include <map>
#include <memory>
#include <stdexcept>
#include <string>
#include <vector>

#include "cli/CliCommands.h"

#include "dataset/Dataset.h"
#include "evaluation/InfillEvaluator.h"
#include "tokenize/CorpusBuilder.h"
#include "tokenize/ValidationSplit.h"
#include "util/AtomicFile.h"

namespace nf::cli {

namespace {


namespace fs = std::filesystem;

struct EvaluateInfillArgs {
    std::string model, data, trainingData, mode = toString(InfillMode::Bars), controls = "none", pick = "likeliest";
    std::string candidatesOut, fitWeights;
    int pieces = 0;
    InfillEvaluationOptions options;
    bool json = false, keepRhythm = false;
};

// The model's training data (the folder at `path`) split as the trainer split it: (training scores, validation
// scores). With `checked`, says on stderr when the folder's tokens are not those the model recorded: a folder the
// user names may be another one, which splits into other pieces. Only a warning, as for a primer: the fingerprint
// also covers the tokenizer's settings, which a newer NoteForge may write differently for the same pieces.
std::pair<std::vector<Score>, std::vector<Score>> modelSplit(const GenerationModel& model, const std::string& path,
                                                             bool checked) {
    // Tokenized again from the loaded files (not the token cache, whose file names may be relative to wherever the
    // training ran), in the order training saw them, so the split is the trainer's.
    const Dataset data = loadDataset(path);
    const TokenizedCorpus corpus = tokenizeDataset(data, model.config().tokenizer);
    if (checked && !model.dataFingerprint().empty() && corpus.fingerprint != model.dataFingerprint())
        std::fprintf(stderr, "warning: %s: maybe not the data this model was trained on (fingerprint %s, the model's %s)\n",
                     path.c_str(), corpus.fingerprint.c_str(), model.dataFingerprint().c_str());
    const auto split = splitByPiece(corpus.pieces.size(), model.config().valShare, model.config().seed);
    std::map<std::pair<std::string, int>, const Score*> byName;
    for (const Piece& p : data.pieces) byName[{p.file, p.tuneNumber}] = &p.score;
    auto pick = [&](const std::vector<std::size_t>& indices) {
        std::vector<Score> out;
        for (auto i : indices)
            if (auto it = byName.find({corpus.pieces[i].file, corpus.pieces[i].tuneNumber}); it != byName.end())
                out.push_back(*it->second);
        return out;
    };
    return {pick(split.train), pick(split.validation)};
}

std::string percent(double share) {
    char buf[32];
    std::snprintf(buf, sizeof buf, "%.1f%%", 100 * share);
    return buf;
}

void printTable(const InfillEvaluation& r, const std::string& source, const char* fitName) {
    std::printf("evaluate-infill: mode %s, spans of %d bars, %d spans over %d held-out pieces (%s)\n", toString(r.mode).c_str(),
                r.spanBars, r.model.count, r.heldOutPieces, source.c_str());
    std::printf("%-28s %10s %15s %13s\n", "", "model", "repeat-before", "random-bars");
    const auto row = [&](const char* name, double a, double b, double c) {
        std::printf("%-28s %10.3f %15.3f %13.3f\n", name, a, b, c);
    };
    row("pitch-class overlap", r.model.pitch, r.repeat.pitch, r.random.pitch);
    row("density error (notes/bar)", r.model.density, r.repeat.density, r.random.density);
    row("groove similarity", r.model.groove, r.repeat.groove, r.random.groove);
    row("pitch-range overlap", r.model.range, r.repeat.range, r.random.range);
    // Resampling fewer than five pieces gives an interval that says nothing (two pieces: three possible means).
    const bool interval = r.heldOutPieces >= 5;
    std::printf("model minus repeat-before on the same spans%s:\n",
                interval ? ", with a 95% interval over the held-out pieces" : " (too few pieces for an interval)");
    const auto lead = [&](const char* name, const MeanInterval& m) {
        if (interval) std::printf("  %-40s %+8.3f  [%+.3f, %+.3f]\n", name, m.mean, m.low, m.high);
        else std::printf("  %-40s %+8.3f\n", name, m.mean);
    };
    lead("pitch-class overlap (higher is better)", r.modelMinusRepeat.pitch);
    lead("density error (lower is better)", r.modelMinusRepeat.density);
    lead("groove similarity (higher is better)", r.modelMinusRepeat.groove);
    lead("pitch-range overlap (higher is better)", r.modelMinusRepeat.range);
    std::printf("how like the bars around them the model's spans are (%s, 1 = same): %.3f; copies of the bars "
                "before, note for note: %s\n", fitName, r.modelContextFit, percent(r.modelCopies).c_str());
    std::printf("model loss on the true spans: %.3f nats/token, %.3f nats/note (%d tokens, %d notes)\n", r.lossPerToken,
                r.lossPerNote, r.lossTokens, r.lossNotes);
    std::printf("control accuracy (%d one-bar spans, asked for the true bins): density %s, polyphony %s, low %s, "
                "high %s, length %s\n",
                r.controlBars, percent(r.controlAccuracy[0]).c_str(), percent(r.controlAccuracy[1]).c_str(),
                percent(r.controlAccuracy[2]).c_str(), percent(r.controlAccuracy[3]).c_str(),
                percent(r.controlAccuracy[4]).c_str());
    std::printf("hard constraints (%d notes): in scale %s, in range %s, polyphony cap kept %s, on the rhythm %s\n",
                r.constrainedNotes, percent(r.inScale).c_str(), percent(r.inRange).c_str(), percent(r.underCap).c_str(),
                percent(r.onRhythm).c_str());
    std::printf("structure (bar-level self-repetition): held-out pieces %.3f, %d new 16-bar pieces %.3f\n",
                r.heldOutRepetition, r.generatedPieces, r.generatedRepetition);
    if (r.generatedPieces > 0)
        std::printf("mean polyphony: new pieces %.2f, the held-out pieces whose meters and tempos they were asked for %.2f\n",
                    r.generatedPolyphony, r.heldOutPolyphony);
}

// A comparison as [pitch-class overlap, density error, groove similarity, range overlap]: compact, since a run lists
// tens of thousands of them.
nlohmann::ordered_json comparisonJson(const SpanComparison& c) {
    return nlohmann::ordered_json::array({c.pitchOverlap, c.densityError, c.grooveSimilarity, c.rangeOverlap});
}

// One line of --candidates-out (docs/cli.md): a span with all its candidates.
std::string candidatesLine(const SpanCandidates& s) {
    nlohmann::ordered_json j;
    j["span"] = s.span;
    j["piece"] = s.piece;
    j["track"] = s.track;
    j["first"] = s.first;
    j["last"] = s.last;
    j["chosen"] = s.chosen;
    j["repeat_before"] = comparisonJson(s.repeatBefore);
    auto& list = j["candidates"] = nlohmann::ordered_json::array();
    for (const auto& c : s.candidates) {
        nlohmann::ordered_json k;
        k["truth"] = comparisonJson(c.truth);
        k["log_p"] = c.meanLogProbability;
        k["copies_before"] = c.copiesBefore;
        auto& context = k["context"] = nlohmann::ordered_json::array();
        for (const auto& x : c.context) {
            auto row = nlohmann::ordered_json::array({x.offset, x.neighbour});
            for (const auto& v : comparisonJson(x.figures)) row.push_back(v);
            context.push_back(std::move(row));
        }
        list.push_back(std::move(k));
    }
    return j.dump() + '\n';
}

nlohmann::ordered_json figuresJson(const SpanFigures& f) {
    return {{"pitch_class_overlap", f.pitch}, {"density_error", f.density}, {"groove_similarity", f.groove},
            {"range_overlap", f.range}, {"spans", f.count}};
}

// "1,4,1,1" as FitWeights; a usage error (std::invalid_argument) naming the option otherwise.
FitWeights parseFitWeights(const std::string& text) {
    const auto bad = [&](const std::string& why) {
        return std::invalid_argument("--fit-weights " + text + ": " + why);
    };
    std::vector<double> values;
    std::size_t at = 0;
    while (at <= text.size()) {
        const std::size_t comma = std::min(text.find(',', at), text.size());
        const std::string item = text.substr(at, comma - at);
        std::size_t used = 0;
        double v = 0;
        try {
            v = std::stod(item, &used);
        } catch (const std::exception&) {
            used = 0;
        }
        if (item.empty() || used != item.size()) throw bad("'" + item + "' is not a number");
        values.push_back(v);
        at = comma + 1;
    }
    if (values.size() != 4) throw bad("four numbers are needed: pitch classes, groove, range, density");
    const FitWeights w{values[0], values[1], values[2], values[3]};
    try {
        w.validate();
    } catch (const std::invalid_argument& e) {
        throw bad(e.what());
    }
    return w;
}

int evaluateInfillCommand(const EvaluateInfillArgs& a) {
    // Usage errors first, before minutes of loading.
    const FitWeights fitWeights = a.fitWeights.empty() ? kRankingWeights : parseFitWeights(a.fitWeights);
    const GenerationModel model = GenerationModel::open(a.model);
    if (model.config().tokenizer.kind != TokenizerKind::Remi)
        throw std::invalid_argument(a.model + ": evaluate-infill needs a remi model (this one is " +
                                    toString(model.config().tokenizer.kind) + ")");
    std::vector<Score> heldOut, training;
    std::string source;
    std::error_code ec;
    // Both folders checked before minutes of loading. A base model records no training folder (it was trained
    // elsewhere): --training-data says where it is now.
    for (const std::string* named : {&a.trainingData, &a.data})
        if (!named->empty() && !fs::exists(*named, ec)) throw std::invalid_argument(*named + ": no such file or folder");
    const std::string trainingPath = a.trainingData.empty() ? model.dataPath() : a.trainingData;
    const bool haveTrainingData = !trainingPath.empty() && fs::exists(trainingPath, ec);
    if (haveTrainingData) std::tie(training, heldOut) = modelSplit(model, trainingPath, !a.trainingData.empty());
    if (!a.data.empty()) {
        heldOut.clear();
        for (Piece& p : loadDataset(a.data).pieces) heldOut.push_back(std::move(p.score));
        source = a.data;
        if (!haveTrainingData) {
            training = heldOut;
            source += "; random bars drawn from the same folder: the model's training data is not here";
        }
    } else if (!haveTrainingData) {
        throw std::invalid_argument(a.model + ": its training data is not here; give the pieces with --data DIR "
                                    "(or its training folder with --training-data DIR)");
    } else {
        source = "validation split of " + trainingPath;
    }
    if (a.pieces > 0 && heldOut.size() > static_cast<std::size_t>(a.pieces)) heldOut.resize(static_cast<std::size_t>(a.pieces));
    if (heldOut.empty()) throw std::invalid_argument("no held-out piece to evaluate on");
    auto options = a.options;
    options.mode = parseEnum<InfillMode>(a.mode);
    options.contextControls = a.controls != "none";
    options.lockKey = a.controls == "context-key";
    options.lockPieceNotes = a.controls == "context-notes";
    options.keepRhythm = a.keepRhythm;
    options.fitWeights = fitWeights;
    options.pick = a.pick == "context-fit"  ? InfillEvaluationOptions::Pick::ContextFit
                   : a.pick == "phrase-fit" ? InfillEvaluationOptions::Pick::PhraseFit
                                            : InfillEvaluationOptions::Pick::Likeliest;
    if (!a.json) options.progress = [](const std::string& line) { std::fprintf(stderr, "%s\n", line.c_str()); };
    std::string candidates;
    if (!a.candidatesOut.empty()) options.candidates = [&](const SpanCandidates& s) { candidates += candidatesLine(s); };
    const InfillEvaluation r = evaluateInfill(model, heldOut, training, options);
    if (!a.candidatesOut.empty()) writeFileAtomically(a.candidatesOut, candidates);
    if (!a.json) {
        printTable(r, source + "; the model's controls: " + a.controls + (a.keepRhythm ? ", rhythm kept" : "") + ", best of " + std::to_string(a.options.bestOf) +
                          (a.options.bestOf > 1 ? " by " + a.pick : std::string()),
                   options.pick == InfillEvaluationOptions::Pick::PhraseFit ? "phrase fit" : "context fit");
        return Success;
    }
    nlohmann::ordered_json j;
    j["model"] = a.model;
    j["held_out"] = source;
    j["mode"] = toString(r.mode);
    j["controls"] = a.controls;
    j["keep_rhythm"] = a.keepRhythm;
    j["best_of"] = a.options.bestOf;
    j["pick"] = a.pick;
    const FitWeights& w = options.fitWeights;
    j["fit_weights"] = {{"pitch_class_overlap", w.pitch}, {"groove_similarity", w.groove}, {"range_overlap", w.range},
                        {"density", w.density}};
    j["span_bars"] = r.spanBars;
    j["held_out_pieces"] = r.heldOutPieces;
    j["model_figures"] = figuresJson(r.model);
    j["model_context_fit"] = r.modelContextFit;
    j["model_copies_of_bars_before"] = r.modelCopies;
    j["repeat_before"] = figuresJson(r.repeat);
    j["random_bars"] = figuresJson(r.random);
    const auto interval = [](const MeanInterval& m) { return nlohmann::ordered_json{{"mean", m.mean}, {"low", m.low}, {"high", m.high}}; };
    j["model_minus_repeat_before"] = {{"pitch_class_overlap", interval(r.modelMinusRepeat.pitch)},
                                      {"density_error", interval(r.modelMinusRepeat.density)},
                                      {"groove_similarity", interval(r.modelMinusRepeat.groove)},
                                      {"range_overlap", interval(r.modelMinusRepeat.range)}};
    j["loss"] = {{"nats_per_token", r.lossPerToken}, {"nats_per_note", r.lossPerNote}, {"tokens", r.lossTokens},
                 {"notes", r.lossNotes}};
    j["control_accuracy"] = {{"bars", r.controlBars}, {"density", r.controlAccuracy[0]},
                             {"polyphony", r.controlAccuracy[1]}, {"low", r.controlAccuracy[2]},
                             {"high", r.controlAccuracy[3]}, {"length", r.controlAccuracy[4]}};
    j["hard_constraints"] = {{"notes", r.constrainedNotes}, {"in_scale", r.inScale}, {"in_range", r.inRange},
                             {"polyphony_cap_kept", r.underCap}, {"on_rhythm", r.onRhythm}};
    j["structure"] = {{"held_out_bar_repetition", r.heldOutRepetition},
                      {"generated_bar_repetition", r.generatedRepetition}, {"generated_pieces", r.generatedPieces},
                      {"generated_mean_polyphony", r.generatedPolyphony}, {"held_out_mean_polyphony", r.heldOutPolyphony}};
    std::cout << j.dump(2) << '\n';
    return Success;
}


}  // namespace

void addEvaluateInfillCommand(CLI::App& app, CliResult& result) {
    auto a = std::make_shared<EvaluateInfillArgs>();
    a->options.sampling.temperature = 0.9;
    a->options.sampling.topP = 0.95;
    a->options.sampling.maxNoteBeats = 0;
    a->options.sampling.maxPolyphony = 0;
    auto* cmd = app.add_subcommand("evaluate-infill",
                                   "Infill held-out bars and compare with the truth and two baselines (remi models)");
    cmd->add_option("--model", a->model, "A remi model (.nfm)")->required();
    cmd->add_option("--data", a->data, "Pieces to test on (default: the model's validation split)");
    cmd->add_option("--training-data", a->trainingData,
                    "The folder the model was trained on, where the model does not record it (a base model): the "
                    "held-out pieces are its validation split, the random bars come from its training split");
    cmd->add_option("--pieces", a->pieces, "Use at most N held-out pieces (0 = all)")->check(CLI::NonNegativeNumber);
    cmd->add_option("--bars", a->options.spanBars, "Bars per span (default 2; track mode 8)")->check(CLI::Range(1, 16));
    cmd->add_option("--spans", a->options.spans, "Spans to regenerate (default 60)")->check(CLI::Range(1, 100000));
    cmd->add_option("--mode", a->mode, "bars (a span of one track) or track (one track, the others kept)")
        ->check(CLI::IsMember(enumWords<InfillMode>()));
    cmd->add_option("--controls", a->controls,
                    "The model's spans: none (left to the model), context (asked for the density, polyphony, range "
                    "and note length of the bars before), context-key (and locked to the key of the rest of the piece), "
                    "context-notes (and locked to the notes the rest of the piece plays on that track)")
        ->check(CLI::IsMember({"none", "context", "context-key", "context-notes"}));
    cmd->add_flag("--keep-rhythm", a->keepRhythm,
                  "The model's spans start notes only where the bars around them do (on the same track, as many bars "
                  "each side as the span has)");
    cmd->add_option("--best-of", a->options.bestOf, "Candidates per span, of which --pick chooses one (default 1)")
        ->check(CLI::Range(1, 64));
    cmd->add_option("--pick", a->pick,
                    "Which of the --best-of candidates is compared: likeliest (the model's likeliest notes) or "
                    "context-fit (the one most like the bars just before and after the span) or phrase-fit (those "
                    "and the bars at its place 4, 8 and 16 bars away, as the studio and infill rank candidates)")
        ->check(CLI::IsMember({"likeliest", "context-fit", "phrase-fit"}));
    cmd->add_option("--fit-weights", a->fitWeights,
                    "How context-fit and phrase-fit weigh pitch classes, groove, range and density: four numbers "
                    "P,G,R,D >= 0 (default 1,4,1,1, as the studio and infill rank candidates)");
    cmd->add_option("--candidates-out", a->candidatesOut,
                    "Write every span's candidates, their comparisons with the bars around them and with the true "
                    "span, to FILE as JSON lines (for studying rankings; docs/cli.md)");
    cmd->add_option("--control-spans", a->options.controlSpans, "One-bar spans for control accuracy (default 60)")
        ->check(CLI::NonNegativeNumber);
    cmd->add_option("--structure-pieces", a->options.structurePieces, "New pieces for the structure figure (default 10)")
        ->check(CLI::NonNegativeNumber);
    cmd->add_option("--temperature", a->options.sampling.temperature, "Sampling temperature (default 0.9)")
        ->check(CLI::PositiveNumber);
    cmd->add_option("--top-p", a->options.sampling.topP, "Nucleus sampling (default 0.95)")->check(CLI::Range(0.0, 1.0));
    cmd->add_option("--seed", a->options.seed, "Random seed of the spans and the sampling (default 1)");
    cmd->add_option("--threads", a->options.threads, "CPU threads (default 1)")->check(CLI::NonNegativeNumber);
    cmd->add_flag("--json", a->json, "Print the figures as JSON");
    setGuardedCallback(cmd, result, [a] { return evaluateInfillCommand(*a); });
}

}  // namespace nf::cli
