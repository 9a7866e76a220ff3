// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <cstdint>
#include <optional>
#include <span>
#include <string>
#include <vector>

#include "tokenize/TokenizedCorpus.h"

namespace nf {

// A tokenized corpus as one file (".nftok": the token cache's format): magic, a JSON header (settings, vocabulary,
// pieces, fingerprint) and the token ids as little-endian 32-bit integers. The token cache keeps corpora in it, and
// the studio sends one to a remote trainer instead of the music files (the remote machine then needs no codecs'
// view of the user's folder and trains on exactly the pieces the studio loaded).
// `key` is the cache's key of the input; a corpus file sent elsewhere has none.
std::vector<std::uint8_t> encodeCorpusFile(const TokenizedCorpus& corpus, const std::string& key = {});

// Parses the bytes of a corpus file; nullopt (and the reason in `why`) for a damaged or foreign file: a wrong magic,
// a header that is not the expected JSON, a token outside the vocabulary, bytes missing or left over.
std::optional<TokenizedCorpus> decodeCorpusFile(std::span<const std::uint8_t> bytes, std::string* key = nullptr,
                                                std::string* why = nullptr);

// A corpus file's header alone, for reading its tokens where they lie (a memory-mapped token shard,
// tokenize/TokenShards.h): the corpus without tokens (pieces' ids empty), each piece's token count, and where the
// tokens begin (little-endian 32-bit, pieces one after the other). nullopt for a damaged file, as above; the size
// of the token part is checked, the tokens themselves are not.
struct CorpusFileLayout {
    TokenizedCorpus corpus;
    std::vector<std::uint64_t> counts;
    std::size_t tokensAt = 0;
    std::string key;
};
std::optional<CorpusFileLayout> decodeCorpusFileLayout(std::span<const std::uint8_t> bytes, std::string* why = nullptr);

// Written atomically (util/AtomicFile.h); throws std::runtime_error naming the file.
void writeCorpusFile(const std::string& path, const TokenizedCorpus& corpus);
// Throws std::runtime_error "PATH: why" when the file cannot be read or is not a corpus file.
TokenizedCorpus readCorpusFile(const std::string& path);

}  // namespace nf
