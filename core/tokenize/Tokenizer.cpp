// SPDX-License-Identifier: GPL-3.0-or-later
#include "tokenize/Tokenizer.h"

#include "tokenize/AbcCharsTokenizer.h"
#include "tokenize/EventTokenizer.h"
#include "tokenize/PaperNotesTokenizer.h"
#include "drums/DrumTokenizer.h"
#include "remi/RemiTokenizer.h"

namespace nf {

std::vector<std::string> Tokenizer::encode(const Score& score, const std::string& name) const {
    Piece piece;
    piece.file = name;
    piece.title = score.title;
    piece.score = score;
    return encode(piece);
}

std::unique_ptr<Tokenizer> makeTokenizer(const TokenizerSettings& settings) {
    settings.validate();
    if (settings.kind == TokenizerKind::PaperNotes) return std::make_unique<PaperNotesTokenizer>(settings);
    if (settings.kind == TokenizerKind::AbcChars) return std::make_unique<AbcCharsTokenizer>(settings);
    if (settings.kind == TokenizerKind::Remi) return std::make_unique<RemiTokenizer>(settings);
    if (settings.kind == TokenizerKind::Drums) return std::make_unique<DrumTokenizer>(settings);
    return std::make_unique<EventTokenizer>(settings);
}

}  // namespace nf
