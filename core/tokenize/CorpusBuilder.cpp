// SPDX-License-Identifier: GPL-3.0-or-later
#include "tokenize/CorpusBuilder.h"

#include <algorithm>
#include <optional>
#include <set>
#include <stdexcept>

#include "music/MusicError.h"
#include "tokenize/DataFingerprint.h"
#include "tokenize/Fnv1a.h"
#include "tokenize/TokenCache.h"
#include "tokenize/Tokenizer.h"

namespace nf {

namespace {

constexpr int kCacheLayoutVersion = 1;  // bump when tokenizer output changes for the same settings

bool wanted(const Piece& piece, MusicFormat format) {
    if (format == MusicFormat::Unknown) return true;
    const bool isAbc = piece.tuneNumber >= 0 || !piece.abcText.empty();
    return format == (isAbc ? MusicFormat::Abc : MusicFormat::Midi);
}

std::string cacheKey(const std::string& dataHash, const TokenizerSettings& settings, MusicFormat format) {
    Fnv1a h;
    h.add(dataHash);
    h.add(settings.toJson());
    h.add(std::to_string(static_cast<int>(format)) + "/" + std::to_string(kCacheLayoutVersion));
    return h.hex();
}

}  // namespace

std::string contentFingerprint(const TokenizedCorpus& corpus) {
    Fnv1a h;
    h.add(corpus.tokenizer.toJson());
    for (const auto& t : corpus.vocab.tokens()) h.add(t);
    for (const auto& p : corpus.pieces) {
        h.add(std::to_string(p.tuneNumber));
        h.add(p.ids.data(), p.ids.size() * sizeof(std::int32_t));
        const std::uint64_t n = p.ids.size();
        h.add(&n, sizeof n);
    }
    return h.hex();
}

TokenizedCorpus tokenizeDataset(const Dataset& dataset, const TokenizerSettings& settings, MusicFormat format) {
    const auto tokenizer = makeTokenizer(settings);
    TokenizedCorpus corpus;
    corpus.tokenizer = settings;
    for (const auto& f : dataset.files)
        if (!f.ok) corpus.problems.push_back(f.error);

    // A fixed vocabulary (remi) is known before the pieces: a piece with a token outside it is one bad piece,
    // reported with its file, not the end of the whole corpus.
    std::optional<Vocabulary> fixedVocabulary;
    if (auto fixed = tokenizer->fixedVocabulary()) fixedVocabulary.emplace(std::move(*fixed));
    std::vector<std::vector<std::string>> texts;
    for (const Piece& piece : dataset.pieces) {
        if (!wanted(piece, format)) continue;
        try {
            auto tokens = tokenizer->encode(piece);
            if (tokens.empty()) continue;
            if (fixedVocabulary)
                for (const auto& t : tokens)
                    if (!fixedVocabulary->find(t))
                        throw MusicError(piece.file, "token " + t + " is not in the " + toString(settings.kind) +
                                                         " vocabulary");
            texts.push_back(std::move(tokens));
            TokenizedPiece tp;
            tp.file = piece.file;
            tp.tuneNumber = piece.tuneNumber;
            tp.title = piece.title;
            corpus.pieces.push_back(std::move(tp));
        } catch (const MusicError& e) {
            std::string where = e.what();
            if (piece.tuneNumber >= 0 && e.file() == piece.file) where += " (tune X:" + std::to_string(piece.tuneNumber) + ")";
            corpus.problems.push_back(where);
        }
    }
    if (fixedVocabulary) {
        corpus.vocab = std::move(*fixedVocabulary);
    } else {
        std::set<std::string> distinct;
        for (const auto& t : texts) distinct.insert(t.begin(), t.end());
        corpus.vocab = Vocabulary(std::vector<std::string>(distinct.begin(), distinct.end()));
    }
    for (std::size_t i = 0; i < texts.size(); ++i) corpus.pieces[i].ids = corpus.vocab.encode(texts[i]);
    corpus.fingerprint = contentFingerprint(corpus);
    return corpus;
}

TokenizedCorpus buildCorpus(const std::string& dataPath, const TokenizerSettings& settings, const CorpusOptions& options) {
    settings.validate();
    const std::string key = cacheKey(dataFingerprint(dataPath), settings, options.format);
    const TokenCache cache(options.cacheDir.empty() ? defaultCacheDir() : options.cacheDir);
    if (options.useCache) {
        if (auto cached = cache.load(key)) return std::move(*cached);
    }
    const Dataset dataset = loadDataset(dataPath, options.onProgress, options.cancel);
    if (dataset.cancelled) throw std::runtime_error(dataPath + ": loading cancelled");
    TokenizedCorpus corpus = tokenizeDataset(dataset, settings, options.format);
    if (corpus.pieces.empty()) {
        std::string message = dataPath + ": no piece could be used for training with " + toString(settings.kind);
        for (std::size_t i = 0; i < std::min<std::size_t>(3, corpus.problems.size()); ++i)
            message += "\n  " + corpus.problems[i];
        throw std::runtime_error(message);
    }
    if (options.useCache) cache.store(key, corpus);
    return corpus;
}

}  // namespace nf
