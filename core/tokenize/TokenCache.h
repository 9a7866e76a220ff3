// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <optional>
#include <string>

#include "tokenize/TokenizedCorpus.h"

namespace nf {

// $XDG_CACHE_HOME/noteforge (or ~/.cache/noteforge): tokenized corpora are cached there, never beside the data,
// which may be read-only or shared.
std::string defaultCacheDir();

// A folder of tokenized corpora keyed by fingerprint. A damaged or foreign cache file is ignored (and rebuilt),
// never trusted: load() returns nullopt for it.
class TokenCache {
public:
    explicit TokenCache(std::string dir = defaultCacheDir()) : dir_(std::move(dir)) {}

    // `key` identifies the input (data files + settings); the corpus keeps its own content fingerprint.
    std::string pathFor(const std::string& key) const;
    std::optional<TokenizedCorpus> load(const std::string& key) const;
    // Written atomically; a failure to write is not an error for training, so it returns false instead.
    bool store(const std::string& key, const TokenizedCorpus& corpus) const;

private:
    std::string dir_;
};

}  // namespace nf
