// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <atomic>
#include <cstdint>
#include <functional>
#include <memory>
#include <string>
#include <vector>

#include "dataset/MusicFormat.h"
#include "tokenize/TokenizedCorpus.h"

namespace nf {

// A corpus larger than memory, tokenized into a folder of shards (docs/scaling.md). Each shard is a token file of
// the corpus-file format (tokenize/CorpusFile.h) holding a fixed group of the folder's files, in the folder's order,
// with a vocabulary of its own; manifest.json, written last, joins them: the settings, the whole vocabulary (the
// sorted union, as buildCorpus() builds it, or the representation's fixed one), the fingerprint, counts and problems.
// The shards of a folder are therefore the corpus buildCorpus() makes of it, piece for piece, with the same
// fingerprint; only where the tokens lie differs. Training maps them into memory and copies out the pieces it
// needs, one group at a time (TrainingConfig::chunkTokens), so memory stays bounded whatever the corpus's size.
struct TokenShardOptions {
    MusicFormat format = MusicFormat::Unknown;  // which pieces, as CorpusOptions::format
    std::size_t filesPerShard = 256;
    int jobs = 0;  // threads tokenizing shards at once; 0: one per core
    // After each shard, from a worker thread, never two calls at once: shards done (kept or built) of all.
    std::function<void(std::size_t done, std::size_t total)> onShard;
    const std::atomic<bool>* cancel = nullptr;  // polled between shards
};

struct TokenShardBuild {
    std::size_t shards = 0;  // of the folder
    std::size_t built = 0;   // tokenized now
    std::size_t kept = 0;    // found done by an earlier, interrupted build (the same files and settings)
    bool complete = false;   // false: cancelled; what was built is kept for the next build
    std::size_t pieces = 0, tokens = 0;
    std::size_t problemCount = 0;
    std::vector<std::string> problems;  // the first few, one line each
};

// Tokenizes the folder `dataPath` into `shardDir` with `jobs` threads. Resumable: a shard whose files (paths, sizes,
// modification times) and settings are those it was built from is kept, so an interrupted build (Ctrl-C, a crash,
// a full disk) continues where it stopped. Each shard and the manifest are written atomically. Throws
// std::runtime_error naming the folder or file when the folder cannot be read, a shard cannot be written, or no
// piece is usable.
TokenShardBuild buildTokenShards(const std::string& dataPath, const std::string& shardDir,
                                 const TokenizerSettings& settings, const TokenShardOptions& options = {});

// Writes the manifest of shards 0..shardCount-1 already in `shardDir` (shard-NNNNN.nftok, each a corpus file of
// `settings`): what buildTokenShards() does last, and what a program that writes shards itself (a generated corpus)
// calls. Throws std::runtime_error naming the file that is missing or damaged.
TokenShardBuild finishTokenShards(const std::string& shardDir, const TokenizerSettings& settings, std::size_t shardCount);

// True when `path` is a folder holding a finished shard set (its manifest).
bool isTokenShardFolder(const std::string& path);

// A finished shard set, its shards mapped read-only into memory (mmap: pages the kernel may drop and read again,
// never counted as this process's own memory).
class TokenShardSet {
public:
    // Throws std::runtime_error "DIR: why" (no manifest, a shard missing, damaged or from another build).
    static std::shared_ptr<const TokenShardSet> open(const std::string& dir);
    ~TokenShardSet();
    TokenShardSet(const TokenShardSet&) = delete;
    TokenShardSet& operator=(const TokenShardSet&) = delete;

    const std::string& path() const { return dir_; }
    // The corpus without tokens: settings, vocabulary, fingerprint, problems and each piece's file, tune and title
    // (ids empty; `shards` unset: openTokenShards() sets it).
    const TokenizedCorpus& header() const { return header_; }
    std::size_t pieceCount() const { return pieces_.size(); }
    std::size_t length(std::size_t piece) const { return pieces_.at(piece).count; }
    std::size_t tokenCount() const { return tokens_; }
    // The piece's tokens in the whole vocabulary's numbering, into `out` (replaced).
    void copy(std::size_t piece, std::vector<std::int32_t>& out) const;

private:
    struct Shard;
    struct PieceAt {
        std::uint32_t shard;
        std::uint64_t offset;  // byte offset of its first token in the shard
        std::uint64_t count;
    };
    TokenShardSet() = default;

    std::string dir_;
    TokenizedCorpus header_;
    std::vector<std::unique_ptr<Shard>> shards_;
    std::vector<PieceAt> pieces_;
    std::size_t tokens_ = 0;
};

// TokenShardSet::open(dir)->header(), with `shards` set: what the trainer takes instead of a corpus in memory.
TokenizedCorpus openTokenShards(const std::string& dir);

}  // namespace nf
