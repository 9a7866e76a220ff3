// SPDX-License-Identifier: GPL-3.0-or-later
#include "generation/Primer.h"

#include <algorithm>
#include <fmt/format.h>
#include <stdexcept>

#include "dataset/Dataset.h"
#include "music/MusicError.h"
#include "tokenize/CorpusBuilder.h"
#include "tokenize/SplitMix64.h"

namespace nf {

namespace {

// Separate random streams for the primer and the sampler, both derived from the one seed the user gives.
constexpr std::uint64_t kPrimerStream = 0x5052494d45520000ULL;

bool isEventHeader(const std::string& token) { return token.rfind("BPM_", 0) == 0 || token.rfind("INST_", 0) == 0; }

// The leading tempo and instrument tokens of an events piece: what a window from its middle lacks.
std::size_t headerLength(const std::vector<std::string>& tokens) {
    std::size_t n = 0;
    while (n < tokens.size() && isEventHeader(tokens[n])) ++n;
    return n;
}

std::vector<std::string> keepLast(const std::vector<std::string>& tokens, std::size_t count, bool keepHeader) {
    if (tokens.size() <= count) return tokens;
    const std::size_t header = keepHeader ? std::min(headerLength(tokens), count) : 0;
    std::vector<std::string> out(tokens.begin(), tokens.begin() + static_cast<std::ptrdiff_t>(header));
    out.insert(out.end(), tokens.end() - static_cast<std::ptrdiff_t>(count - header), tokens.end());
    return out;
}

}  // namespace

Primer primerFromTokens(const GenerationModel& model, const std::vector<std::string>& tokens, int maxTokens,
                        const std::string& source) {
    std::vector<std::string> text = tokens;
    const auto end = model.tokenizer().endToken();
    while (end && !text.empty() && text.back() == *end) text.pop_back();
    if (maxTokens > 0) text = keepLast(text, static_cast<std::size_t>(maxTokens), model.config().tokenizer.kind == TokenizerKind::Events);
    Primer p;
    p.source = source;
    for (const auto& t : text) {
        if (auto id = model.vocabulary().find(t)) p.tokens.push_back(*id);
        else ++p.unknownTokens;
    }
    if (p.unknownTokens > 0)
        p.warnings.push_back(fmt::format("{}: {} of its {} tokens are unknown to the model and were left out", source,
                                         p.unknownTokens, text.size()));
    if (p.tokens.empty())
        throw std::runtime_error(source + ": none of its tokens is known to the model (other instruments, pitches or "
                                          "characters than it was trained on?)");
    return p;
}

Primer silentPrimer(const GenerationModel& model, std::uint64_t seed) {
    Primer p;
    p.source = "none";
    if (auto start = model.startToken()) {
        p.tokens = {*start};
    } else if (auto end = model.endToken()) {
        p.tokens = {*end};
        p.contextTokens = 1;
    } else {
        SplitMix64 rng(seed ^ kPrimerStream);
        p.tokens = {static_cast<int>(rng.below(static_cast<std::uint64_t>(model.vocabulary().size())))};
        p.contextTokens = 1;
    }
    return p;
}

TrainingWindows::TrainingWindows(const GenerationModel& model, const std::string& dataPath)
    : model_(model), dataPath_(dataPath) {
    const TokenizedCorpus corpus = buildCorpus(dataPath, model.config().tokenizer);
    for (const auto& piece : corpus.pieces) {
        if (piece.ids.size() < 2) continue;
        pieces_.push_back(corpus.vocab.decode(piece.ids));
        names_.push_back(piece.tuneNumber >= 0 ? fmt::format("{} X:{}", piece.file, piece.tuneNumber) : piece.file);
    }
    if (pieces_.empty()) throw std::runtime_error(dataPath + ": no piece to take a primer from");
    fingerprint_ = corpus.fingerprint;
}

Primer TrainingWindows::draw(int length, std::uint64_t seed) const {
    const auto want = static_cast<std::size_t>(length > 0 ? length : model_.config().seqLength);
    const bool fromStart = model_.startToken().has_value();
    const bool events = model_.config().tokenizer.kind == TokenizerKind::Events;

    // Every window of `want` tokens inside one piece is equally likely (the paper drew a start in the whole
    // stream); pieces shorter than that offer their whole length once.
    std::vector<std::uint64_t> choices;
    std::uint64_t total = 0;
    for (const auto& tokens : pieces_) {
        const std::size_t usable = tokens.size() - 1;  // never the last token: something must follow
        const std::uint64_t n = fromStart ? 1 : (usable >= want ? usable - want + 1 : 1);
        choices.push_back(n);
        total += n;
    }
    SplitMix64 rng(seed ^ kPrimerStream);
    std::uint64_t pick = rng.below(total);
    std::size_t index = 0;
    while (pick >= choices[index]) pick -= choices[index++];
    const auto& tokens = pieces_[index];
    const std::size_t start = static_cast<std::size_t>(pick);
    const std::size_t count = std::min(want, tokens.size() - 1 - start);
    std::vector<std::string> window;
    if (events && start > 0) {
        const std::size_t header = headerLength(tokens);
        window.assign(tokens.begin(), tokens.begin() + static_cast<std::ptrdiff_t>(std::min(header, start)));
    }
    window.insert(window.end(), tokens.begin() + static_cast<std::ptrdiff_t>(start),
                  tokens.begin() + static_cast<std::ptrdiff_t>(start + count));

    Primer p = primerFromTokens(model_, window, 0,
                                fmt::format("data {}: {} tokens {}..{}", dataPath_, names_[index], start, start + count));
    // The paper kept only the continuation; an ABC tune needs its header to parse, so it stays.
    p.inOutput = fromStart;
    if (!model_.dataFingerprint().empty() && fingerprint_ != model_.dataFingerprint())
        p.warnings.push_back(dataPath_ + ": not the data this model was trained on (fingerprint " + fingerprint_ +
                             ", the model's " + model_.dataFingerprint() + ")");
    return p;
}

Primer dataPrimer(const GenerationModel& model, const std::string& dataPath, int length, std::uint64_t seed) {
    return TrainingWindows(model, dataPath).draw(length, seed);
}

Primer filePrimer(const GenerationModel& model, const std::string& path, int maxTokens) {
    const Dataset data = loadDataset(path);
    for (const auto& f : data.files)
        if (!f.ok && !f.skipped) throw std::runtime_error(f.error.empty() ? path + ": cannot be read" : f.error);
    if (data.pieces.empty()) throw std::runtime_error(path + ": no MIDI or ABC piece to continue");
    const Piece& piece = data.pieces.front();
    Primer p = primerFromTokens(model, model.tokenizer().encode(piece), maxTokens, "file " + path);
    p.inOutput = true;
    return p;
}

Primer scorePrimer(const GenerationModel& model, const Score& phrase, int maxTokens, const std::string& name) {
    Primer p = primerFromTokens(model, model.tokenizer().encode(phrase, name), maxTokens, name);
    p.inOutput = true;
    return p;
}

}  // namespace nf
