// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <cstdint>
#include <memory>
#include <string>
#include <vector>

#include "tokenize/TokenizerSettings.h"
#include "tokenize/Vocabulary.h"

namespace nf {

class TokenShardSet;

// One piece as token indices: a whole MIDI file, or one tune of an ABC file. The validation split works on
// these, so a piece is never divided between training and validation.
struct TokenizedPiece {
    std::string file;
    int tuneNumber = -1;  // ABC X: number; -1 for MIDI
    std::string title;
    std::vector<std::int32_t> ids;
};

// A data set ready for training: what the trainer, the cache and the model file need and nothing else.
struct TokenizedCorpus {
    TokenizerSettings tokenizer;
    Vocabulary vocab;
    std::vector<TokenizedPiece> pieces;
    // Hash of the tokenized content (settings, vocabulary, every piece's tokens), independent of where the files
    // lie: a checkpoint remembers it so that resuming on different data is noticed. See contentFingerprint().
    std::string fingerprint;
    // One line per piece or file that could not be used ("FILE:LINE: msg").
    std::vector<std::string> problems;
    bool fromCache = false;
    // A corpus larger than memory (tokenize/TokenShards.h): the pieces' tokens stay in the shards (their `ids` are
    // empty) and are read from there, a group of pieces at a time (training/EpochChunks.h).
    std::shared_ptr<const TokenShardSet> shards;

    std::size_t pieceLength(std::size_t piece) const;
    std::size_t tokenCount() const;
};

// The fingerprint of a corpus's content; the corpus builders set TokenizedCorpus::fingerprint to it.
std::string contentFingerprint(const TokenizedCorpus& corpus);

}  // namespace nf
