// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "dataset/Dataset.h"
#include "music/Score.h"
#include "tokenize/TokenizerSettings.h"

namespace nf {

// Turns one piece of music into a sequence of token strings and back. Token strings (not indices) are the
// interface: the vocabulary that numbers them is built per corpus and stored with the model.
class Tokenizer {
public:
    virtual ~Tokenizer() = default;

    const TokenizerSettings& settings() const { return settings_; }

    // Tokens of one piece. Throws MusicError naming the piece's file when this representation cannot hold it
    // (e.g. abc-chars on a polyphonic MIDI file).
    virtual std::vector<std::string> encode(const Piece& piece) const = 0;
    std::vector<std::string> encode(const Score& score, const std::string& name = "<score>") const;

    // A Score from tokens. Generated sequences can be odd: tokens that make no sense where they stand are
    // skipped rather than rejected, so any sequence decodes to something playable.
    virtual Score decode(const std::vector<std::string>& tokens) const = 0;

    // The token that ends a piece, when the representation has one (the generator stops there).
    virtual std::optional<std::string> endToken() const { return std::nullopt; }
    // A token that starts a piece, when the representation has one (the generator can prime with it).
    virtual std::optional<std::string> startToken() const { return std::nullopt; }
    // The representation's own vocabulary when it is fixed (remi), in index order; nothing when the corpus builds
    // one from its data.
    virtual std::optional<std::vector<std::string>> fixedVocabulary() const { return std::nullopt; }

protected:
    explicit Tokenizer(TokenizerSettings settings) : settings_(std::move(settings)) {}

private:
    TokenizerSettings settings_;
};

// Throws std::invalid_argument for invalid settings.
std::unique_ptr<Tokenizer> makeTokenizer(const TokenizerSettings& settings);

}  // namespace nf
