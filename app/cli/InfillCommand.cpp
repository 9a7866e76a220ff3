// SPDX-License-Identifier: GPL-3.0-or-later
// noteforge-cli infill IN --model M --bars A-B [--tracks 1,3] [controls] --out OUT.mid and
// noteforge-cli accompany IN --model M --add drums|bass|chords|melody|program:N [controls] --out OUT.mid.
#include <CLI/CLI.hpp>

#include <cstdio>

#include <memory>

#include "cli/CliCommands.h"
#include "drums/DrumPart.h"
#include "generation/GenerationModel.h"
#include "evaluation/ContextFit.h"
#include "evaluation/SpanMetrics.h"

#include "cli/SteeringOptions.h"
#include "music/BarGrid.h"
#include "music/MusicError.h"

namespace nf::cli {

namespace {


struct InfillArgs {
    std::string in, model, out, bars, tracks, add;
    int tune = -1;
    SteeringOptions steering;
};

int parseNumber(const std::string& text, const std::string& what) {
    std::size_t used = 0;
    int value = 0;
    try {
        value = std::stoi(text, &used, 10);
    } catch (const std::exception&) {
        used = 0;
    }
    if (used == 0 || used != text.size()) throw std::invalid_argument(what + ": '" + text + "' is not a whole number");
    return value;
}

std::pair<int, int> parseBars(const std::string& text) {
    const auto dash = text.find('-');
    if (dash == std::string::npos) {
        const int bar = parseNumber(text, "--bars");
        return {bar, bar};
    }
    return {parseNumber(text.substr(0, dash), "--bars"), parseNumber(text.substr(dash + 1), "--bars")};
}

std::vector<int> parseTracks(const std::string& text, const Score& score) {
    std::vector<int> tracks;
    if (text.empty()) {
        // Every track that has notes.
        for (std::size_t t = 0; t < score.tracks.size(); ++t)
            if (!score.tracks[t].notes.empty()) tracks.push_back(static_cast<int>(t) + 1);
        return tracks;
    }
    std::size_t start = 0;
    while (start <= text.size()) {
        const auto comma = text.find(',', start);
        const std::string part = text.substr(start, comma == std::string::npos ? std::string::npos : comma - start);
        if (part.empty()) throw std::invalid_argument("--tracks: an empty entry in '" + text + "'");
        tracks.push_back(parseNumber(part, "--tracks"));
        if (comma == std::string::npos) break;
        start = comma + 1;
    }
    return tracks;
}

// How like the music around it each candidate's passage is (evaluation/ContextFit.h: its neighbours and its place in
// the phrases around it, as the studio ranks candidates), on the input's bars (the
// engine writes no meter change, and a candidate that leaves the last bars empty is only shorter); none at all when
// the passage has nothing around it.
std::vector<double> contextFits(const std::vector<SteeredPiece>& pieces, const Score& input, int first, int last,
                                const std::vector<int>& tracks) {
    const auto bars = barLines(input, input.endTick());
    const auto a = barIndexOfNumber(bars, first), b = barIndexOfNumber(bars, last);
    if (!a || !b) return {};
    std::vector<std::size_t> indices;
    for (int t : tracks) indices.push_back(static_cast<std::size_t>(t - 1));
    std::vector<double> fits;
    for (const auto& p : pieces) {
        const auto fit = contextFit(p.score, indices, bars, *a, *b, ContextReach::Phrases, kRankingWeights);
        if (!fit) return {};
        fits.push_back(*fit);
    }
    return fits;
}

int infill(const InfillArgs& a) {
    const SteeringRequest request = steeringRequest(a.steering);
    const auto [first, last] = parseBars(a.bars);
    const GenerationModel model = GenerationModel::open(a.model);
    const RemiSteering steering(model);
    const Score score = readSteeredInput(a.in, a.tune);
    const auto tracks = parseTracks(a.tracks, score);
    const auto pieces = steering.infill(score, first, last, tracks, request);
    std::string list;
    for (int t : tracks) list += (list.empty() ? "" : ",") + std::to_string(t);
    return writeSteeredPieces(pieces, a.out,
                              "infill of " + a.in + " bars " + std::to_string(first) + "-" + std::to_string(last) +
                                  ", tracks " + list,
                              request, a.steering.json, contextFits(pieces, score, first, last, tracks));
}

// Add Part -> Drums with a drums model or drum GAN (drums/DrumPart.h): K candidates of seeds seed, seed + 1, ...
// The remi controls do not apply; what the model hears is said.
std::vector<SteeredPiece> drumParts(const GenerationModel& model, const Score& score, int program,
                                    const SteeringOptions& o, const SteeringRequest& request) {
    if (program >= 0) throw std::invalid_argument("--add: a drums model adds drums only (--add drums)");
    if (o.density || o.polyphony || !o.range.empty() || !o.scale.empty() || o.noteBeats || o.keepRhythm)
        throw std::invalid_argument("--density, --polyphony, --range, --scale, --note-beats and --keep-rhythm steer remi "
                                    "models; a drums model takes --temperature, --top-k, --top-p, --seed and --candidates");
    if (!o.json)
        std::printf("%s\n", model.drumGan() ? (drumPartHearsTheBand(model, score)
                                                     ? "a drum GAN that follows the band: it drums the piece's whole bars of its meter, "
                                                       "hearing where the parts play"
                                                     : "a drum GAN: it drums the piece's whole bars of its meter, hearing nothing of the parts")
                             : drumPartHearsTheBand(model, score)
                                 ? "a drums model that follows the band: it hears where the piece's parts play, step by step"
                                 : "a drums model that does not hear the band: it follows the piece's bars and meter");
    std::vector<SteeredPiece> pieces;
    for (int k = 0; k < std::max(1, request.candidates); ++k) {
        DrumPartRequest part;
        part.sampling = request.sampling;
        part.sampling.seed = variationSeed(request.sampling.seed, k);
        part.threads = request.threads;
        pieces.push_back(addDrumPart(model, score, part));
    }
    return pieces;
}

int accompany(const InfillArgs& a) {
    const SteeringRequest request = steeringRequest(a.steering);
    const auto program = RemiSteering::roleProgram(a.add);
    if (!program)
        throw std::invalid_argument("--add: '" + a.add + "' is not drums, bass, chords, melody or program:N (0..127)");
    const GenerationModel model = GenerationModel::open(a.model);
    const Score score = readSteeredInput(a.in, a.tune);
    const bool drumsModel = model.config().tokenizer.kind == TokenizerKind::Drums;
    const auto pieces = drumsModel ? drumParts(model, score, *program, a.steering, request)
                                   : RemiSteering(model).accompany(score, *program, request);
    const int status = writeSteeredPieces(pieces, a.out, "accompaniment (" + a.add + ") of " + a.in, request, a.steering.json);
    // A drum part is judged by what a drummer hears first: on the drum channel, and more than one bar looped.
    if (*program < 0 && !a.steering.json)
        for (std::size_t k = 0; k < pieces.size(); ++k) {
            const Score& s = pieces[k].score;
            if (s.tracks.empty()) continue;
            const Track& drums = s.tracks.back();
            const BarPatterns p = barPatterns(s, s.tracks.size() - 1);
            std::printf("drums%s: MIDI channel %d, %d distinct one-bar patterns in %d bars with notes\n",
                        pieces.size() > 1 ? (" " + std::to_string(k + 1)).c_str() : "", drums.channel + 1, p.distinct,
                        p.bars);
        }
    return status;
}


}  // namespace

void addInfillCommands(CLI::App& app, CliResult& result) {
    auto a = std::make_shared<InfillArgs>();
    auto* cmd = app.add_subcommand("infill", "Regenerate bars of some tracks with a remi model, the music around kept");
    cmd->add_option("in", a->in, "MIDI or ABC file")->required();
    cmd->add_option("--model", a->model, "A remi model (.nfm)")->required();
    cmd->add_option("--bars", a->bars, "Bars A-B (or one bar) as inspect numbers them; a pickup is bar 0")->required();
    cmd->add_option("--tracks", a->tracks, "Tracks to regenerate, e.g. 1,3 (default: every track with notes)");
    cmd->add_option("--tune", a->tune, "ABC: the tune's X: number");
    cmd->add_option("--out", a->out, "Output OUT.mid (OUT-1.mid .. OUT-K.mid for K candidates)")->required();
    addSteeringOptions(cmd, a->steering, true);
    setGuardedCallback(cmd, result, [a] { return infill(*a); });

    auto b = std::make_shared<InfillArgs>();
    auto* acc = app.add_subcommand("accompany", "Add a part to a piece with a remi model (drums: also a drums model)");
    acc->add_option("in", b->in, "MIDI or ABC file")->required();
    acc->add_option("--model", b->model, "A remi model (.nfm), or a drums model or drum GAN for --add drums")->required();
    acc->add_option("--add", b->add, "drums, bass, chords, melody, or program:N (a General MIDI program 0..127)")->required();
    acc->add_option("--tune", b->tune, "ABC: the tune's X: number");
    acc->add_option("--out", b->out, "Output OUT.mid (OUT-1.mid .. OUT-K.mid for K candidates)")->required();
    addSteeringOptions(acc, b->steering, true);
    setGuardedCallback(acc, result, [b] { return accompany(*b); });
}

}  // namespace nf::cli
