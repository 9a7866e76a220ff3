// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "tokenize/Tokenizer.h"

namespace nf {

// The paper's ABC encoding: the characters (UTF-8 code points) of each tune, header and body, between the
// boundary tokens "<tune>" and "</tune>". ABC pieces use their source text; MIDI pieces are first written as ABC
// (their first monophonic non-drum track), and a file without one is refused with a clear error.
class AbcCharsTokenizer final : public Tokenizer {
public:
    static constexpr const char* kStart = "<tune>";
    static constexpr const char* kEnd = "</tune>";

    explicit AbcCharsTokenizer(TokenizerSettings settings) : Tokenizer(std::move(settings)) {}

    using Tokenizer::encode;
    std::vector<std::string> encode(const Piece& piece) const override;
    // Parses the first tune of the decoded text that reads; throws MusicError when none does.
    Score decode(const std::vector<std::string>& tokens) const override;
    // The ABC text of the first tune in the tokens (what decode() parses), for saving generated tunes as .abc.
    static std::string decodeText(const std::vector<std::string>& tokens);

    std::optional<std::string> endToken() const override { return std::string(kEnd); }
    std::optional<std::string> startToken() const override { return std::string(kStart); }

    // Splits text into UTF-8 code points (an invalid byte becomes a token of its own).
    static std::vector<std::string> splitCodePoints(const std::string& text);
};

}  // namespace nf
