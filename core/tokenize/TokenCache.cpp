// SPDX-License-Identifier: GPL-3.0-or-later
#include "tokenize/TokenCache.h"

#include <cstdlib>
#include <cstring>
#include <filesystem>
#include <fstream>
#include <iterator>
#include <nlohmann/json.hpp>

#include "util/AtomicFile.h"

namespace fs = std::filesystem;

namespace nf {

namespace {
constexpr char kMagic[8] = {'N', 'F', 'T', 'O', 'K', 'C', '1', '\n'};

void putU64(std::vector<std::uint8_t>& out, std::uint64_t v) {
    for (int i = 0; i < 8; ++i) out.push_back(static_cast<std::uint8_t>(v >> (8 * i)));
}
std::uint64_t getU64(const std::uint8_t* p) {
    std::uint64_t v = 0;
    for (int i = 0; i < 8; ++i) v |= static_cast<std::uint64_t>(p[i]) << (8 * i);
    return v;
}
}  // namespace

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
    if (bytes.size() < 16 || std::memcmp(bytes.data(), kMagic, 8) != 0) return std::nullopt;
    const std::uint64_t jsonSize = getU64(bytes.data() + 8);
    if (jsonSize > bytes.size() - 16) return std::nullopt;
    try {
        const auto meta = nlohmann::json::parse(bytes.begin() + 16, bytes.begin() + 16 + static_cast<std::ptrdiff_t>(jsonSize));
        TokenizedCorpus c;
        if (meta.at("key").get<std::string>() != key) return std::nullopt;
        c.fingerprint = meta.at("fingerprint").get<std::string>();
        c.tokenizer = TokenizerSettings::fromJson(meta.at("tokenizer").get<std::string>());
        c.vocab = Vocabulary(meta.at("vocab").get<std::vector<std::string>>());
        c.problems = meta.at("problems").get<std::vector<std::string>>();
        std::size_t offset = 16 + jsonSize;
        for (const auto& p : meta.at("pieces")) {
            TokenizedPiece piece;
            piece.file = p.at("file").get<std::string>();
            piece.tuneNumber = p.at("tune").get<int>();
            piece.title = p.at("title").get<std::string>();
            const auto count = p.at("count").get<std::size_t>();
            if (count > (bytes.size() - offset) / 4) return std::nullopt;
            piece.ids.resize(count);
            for (std::size_t i = 0; i < count; ++i, offset += 4) {
                const std::uint32_t v = static_cast<std::uint32_t>(bytes[offset]) | (static_cast<std::uint32_t>(bytes[offset + 1]) << 8) |
                                        (static_cast<std::uint32_t>(bytes[offset + 2]) << 16) |
                                        (static_cast<std::uint32_t>(bytes[offset + 3]) << 24);
                piece.ids[i] = static_cast<std::int32_t>(v);
                if (piece.ids[i] < 0 || piece.ids[i] >= c.vocab.size()) return std::nullopt;
            }
            c.pieces.push_back(std::move(piece));
        }
        if (offset != bytes.size()) return std::nullopt;
        c.fromCache = true;
        return c;
    } catch (const std::exception&) {
        return std::nullopt;
    }
}

bool TokenCache::store(const std::string& key, const TokenizedCorpus& corpus) const {
    nlohmann::json meta;
    meta["key"] = key;
    meta["fingerprint"] = corpus.fingerprint;
    meta["tokenizer"] = corpus.tokenizer.toJson();
    meta["vocab"] = corpus.vocab.tokens();
    meta["problems"] = corpus.problems;
    meta["pieces"] = nlohmann::json::array();
    for (const auto& p : corpus.pieces)
        meta["pieces"].push_back({{"file", p.file}, {"tune", p.tuneNumber}, {"title", p.title}, {"count", p.ids.size()}});
    // Invalid UTF-8 in a title must not stop training: replace it.
    const std::string text = meta.dump(-1, ' ', false, nlohmann::json::error_handler_t::replace);
    std::vector<std::uint8_t> bytes(kMagic, kMagic + 8);
    putU64(bytes, text.size());
    bytes.insert(bytes.end(), text.begin(), text.end());
    bytes.reserve(bytes.size() + corpus.tokenCount() * 4);
    for (const auto& p : corpus.pieces)
        for (auto id : p.ids)
            for (int i = 0; i < 4; ++i) bytes.push_back(static_cast<std::uint8_t>(static_cast<std::uint32_t>(id) >> (8 * i)));
    try {
        fs::create_directories(fs::path(pathFor(key)).parent_path());
        writeFileAtomically(pathFor(key), bytes);
        return true;
    } catch (const std::exception&) {
        return false;
    }
}

}  // namespace nf
