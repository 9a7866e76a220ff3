// SPDX-License-Identifier: GPL-3.0-or-later
#include "tokenize/AbcCharsTokenizer.h"

#include "abc/AbcReader.h"
#include "abc/AbcWriter.h"
#include "music/MusicError.h"

namespace nf {

namespace {

// Line endings and trailing blank lines differ between editors, not between tunes: normalise them so the model
// does not spend capacity on them.
std::string normaliseText(const std::string& text) {
    std::string out;
    out.reserve(text.size());
    for (std::size_t i = 0; i < text.size(); ++i) {
        if (text[i] == '\r') {
            if (i + 1 < text.size() && text[i + 1] == '\n') continue;
            out += '\n';
            continue;
        }
        out += text[i];
    }
    while (!out.empty() && (out.back() == '\n' || out.back() == ' ' || out.back() == '\t')) out.pop_back();
    out += '\n';
    return out;
}

std::size_t codePointLength(unsigned char lead) {
    if (lead < 0x80) return 1;
    if ((lead >> 5) == 0x6) return 2;
    if ((lead >> 4) == 0xE) return 3;
    if ((lead >> 3) == 0x1E) return 4;
    return 1;
}

}  // namespace

std::vector<std::string> AbcCharsTokenizer::splitCodePoints(const std::string& text) {
    std::vector<std::string> out;
    out.reserve(text.size());
    std::size_t i = 0;
    while (i < text.size()) {
        std::size_t len = codePointLength(static_cast<unsigned char>(text[i]));
        if (i + len > text.size()) len = 1;
        for (std::size_t k = 1; k < len; ++k)
            if ((static_cast<unsigned char>(text[i + k]) >> 6) != 0x2) len = 1;
        out.push_back(text.substr(i, len));
        i += len;
    }
    return out;
}

std::vector<std::string> AbcCharsTokenizer::encode(const Piece& piece) const {
    std::string text = piece.abcText;
    if (text.empty()) {
        const int track = firstMonophonicTrack(piece.score);
        if (track < 0)
            throw MusicError(piece.file, "abc-chars needs a monophonic non-drum part and this piece has none "
                                         "(use --repr events or paper-notes for polyphonic MIDI)");
        AbcWriteOptions options;
        options.title = piece.title.empty() ? piece.score.title : piece.title;
        text = writeAbc(piece.score, static_cast<std::size_t>(track), options);
    }
    std::vector<std::string> tokens{kStart};
    for (auto& cp : splitCodePoints(normaliseText(text))) tokens.push_back(std::move(cp));
    tokens.emplace_back(kEnd);
    return tokens;
}

std::string AbcCharsTokenizer::decodeText(const std::vector<std::string>& tokens) {
    std::string text;
    bool inTune = false;
    bool sawStart = false;
    for (const auto& t : tokens) {
        if (t == kStart) {
            if (sawStart && !text.empty()) break;  // a second tune begins: keep the first
            inTune = true;
            sawStart = true;
            continue;
        }
        if (t == kEnd) {
            if (inTune || !text.empty()) break;
            continue;
        }
        // Tokens before any start marker still count: a generator primed mid-tune has none.
        text += t;
    }
    return text;
}

Score AbcCharsTokenizer::decode(const std::vector<std::string>& tokens) const {
    const std::string text = decodeText(tokens);
    auto tunes = readAbcText(text, "<generated ABC>");
    for (auto& tune : tunes)
        if (tune.score) return std::move(*tune.score);
    if (!tunes.empty() && tunes.front().error) throw *tunes.front().error;
    throw MusicError("<generated ABC>", "the generated text holds no ABC tune");
}

}  // namespace nf
