// SPDX-License-Identifier: GPL-3.0-or-later
#include "tokenize/TokenCache.h"

#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <iterator>

#include "tokenize/CorpusFile.h"
#include "util/AtomicFile.h"

namespace fs = std::filesystem;

namespace nf {

std::string defaultCacheDir() {
    const char* xdg = std::getenv("XDG_CACHE_HOME");
    if (xdg && *xdg == '/') return std::string(xdg) + "/noteforge";
    const char* home = std::getenv("HOME");
    if (home && *home) return std::string(home) + "/.cache/noteforge";
    return (fs::temp_directory_path() / "noteforge-cache").string();
}

std::string TokenCache::pathFor(const std::string& key) const { return dir_ + "/tokens/" + key + ".nftok"; }

std::optional<TokenizedCorpus> TokenCache::load(const std::string& key) const {
    std::ifstream in(pathFor(key), std::ios::binary);
    if (!in) return std::nullopt;
    const std::vector<std::uint8_t> bytes((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
    std::string storedKey;
    auto corpus = decodeCorpusFile(bytes, &storedKey);
    if (!corpus || storedKey != key) return std::nullopt;
    corpus->fromCache = true;
    return corpus;
}

bool TokenCache::store(const std::string& key, const TokenizedCorpus& corpus) const {
    const std::vector<std::uint8_t> bytes = encodeCorpusFile(corpus, key);
    try {
        fs::create_directories(fs::path(pathFor(key)).parent_path());
        writeFileAtomically(pathFor(key), bytes);
        return true;
    } catch (const std::exception&) {
        return false;
    }
}

}  // namespace nf
