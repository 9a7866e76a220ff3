// SPDX-License-Identifier: GPL-3.0-or-later
#include "remi/RemiStatistics.h"

#include <exception>

#include "remi/RemiLayout.h"
#include "remi/RemiTokenizer.h"
#include "remi/RemiVocabulary.h"
#include "tokenize/Vocabulary.h"

namespace nf::remi {

RemiStatistics remiStatistics(const Dataset& dataset) {
    TokenizerSettings settings;
    settings.kind = TokenizerKind::Remi;
    const RemiTokenizer tokenizer(settings);
    const Vocabulary vocab(vocabularyTokens());
    RemiStatistics s;
    for (const Piece& piece : dataset.pieces) {
        std::vector<std::int32_t> ids;
        try {
            ids = vocab.encode(tokenizer.encode(piece));
        } catch (const std::exception& e) {
            // One piece that cannot be written is counted and named; the others are still measured.
            if (s.failedPieces == 0) s.firstFailure = piece.file + ": " + e.what();
            ++s.failedPieces;
            continue;
        }
        const RemiLayout layout = layoutOf(ids);
        ++s.pieces;
        s.tokens += ids.size();
        s.bars += layout.bars.size();
        for (const auto& bar : layout.bars) {
            s.trackBars += bar.blocks.size();
            for (const auto& block : bar.blocks) s.blockTokens += block.end - block.begin;
        }
    }
    return s;
}

}  // namespace nf::remi
