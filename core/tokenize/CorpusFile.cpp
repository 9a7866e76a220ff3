// SPDX-License-Identifier: GPL-3.0-or-later
#include "tokenize/CorpusFile.h"

#include <cstring>
#include <fstream>
#include <iterator>
#include <nlohmann/json.hpp>
#include <stdexcept>

#include "util/AtomicFile.h"

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
std::optional<TokenizedCorpus> refuse(std::string* why, const char* reason) {
    if (why) *why = reason;
    return std::nullopt;
}
}  // namespace

std::vector<std::uint8_t> encodeCorpusFile(const TokenizedCorpus& corpus, const std::string& key) {
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
    return bytes;
}

std::optional<CorpusFileLayout> decodeCorpusFileLayout(std::span<const std::uint8_t> bytes, std::string* why) {
    const auto refuseLayout = [&](const char* reason) -> std::optional<CorpusFileLayout> {
        if (why) *why = reason;
        return std::nullopt;
    };
    if (bytes.size() < 16 || std::memcmp(bytes.data(), kMagic, 8) != 0) return refuseLayout("not a NoteForge token file");
    const std::uint64_t jsonSize = getU64(bytes.data() + 8);
    if (jsonSize > bytes.size() - 16) return refuseLayout("token file cut short (header)");
    try {
        const auto meta = nlohmann::json::parse(bytes.begin() + 16, bytes.begin() + 16 + static_cast<std::ptrdiff_t>(jsonSize));
        CorpusFileLayout layout;
        TokenizedCorpus& c = layout.corpus;
        layout.key = meta.at("key").get<std::string>();
        c.fingerprint = meta.at("fingerprint").get<std::string>();
        c.tokenizer = TokenizerSettings::fromJson(meta.at("tokenizer").get<std::string>());
        c.vocab = Vocabulary(meta.at("vocab").get<std::vector<std::string>>());
        c.problems = meta.at("problems").get<std::vector<std::string>>();
        layout.tokensAt = 16 + jsonSize;
        std::uint64_t tokens = 0;
        for (const auto& p : meta.at("pieces")) {
            TokenizedPiece piece;
            piece.file = p.at("file").get<std::string>();
            piece.tuneNumber = p.at("tune").get<int>();
            piece.title = p.at("title").get<std::string>();
            const auto count = p.at("count").get<std::uint64_t>();
            if (count > (bytes.size() - layout.tokensAt) / 4 - tokens) return refuseLayout("token file cut short (tokens)");
            tokens += count;
            layout.counts.push_back(count);
            c.pieces.push_back(std::move(piece));
        }
        if (layout.tokensAt + tokens * 4 != bytes.size()) return refuseLayout("bytes left over after the last piece");
        return layout;
    } catch (const std::exception&) {
        return refuseLayout("damaged header");
    }
}

std::optional<TokenizedCorpus> decodeCorpusFile(std::span<const std::uint8_t> bytes, std::string* key, std::string* why) {
    auto layout = decodeCorpusFileLayout(bytes, why);
    if (!layout) return std::nullopt;
    if (key) *key = layout->key;
    TokenizedCorpus& c = layout->corpus;
    std::size_t offset = layout->tokensAt;
    for (std::size_t p = 0; p < c.pieces.size(); ++p) {
        auto& ids = c.pieces[p].ids;
        ids.resize(layout->counts[p]);
        for (std::size_t i = 0; i < ids.size(); ++i, offset += 4) {
            const std::uint32_t v = static_cast<std::uint32_t>(bytes[offset]) | (static_cast<std::uint32_t>(bytes[offset + 1]) << 8) |
                                    (static_cast<std::uint32_t>(bytes[offset + 2]) << 16) |
                                    (static_cast<std::uint32_t>(bytes[offset + 3]) << 24);
            ids[i] = static_cast<std::int32_t>(v);
            if (ids[i] < 0 || ids[i] >= c.vocab.size()) return refuse(why, "a token outside the vocabulary");
        }
    }
    return std::move(c);
}

void writeCorpusFile(const std::string& path, const TokenizedCorpus& corpus) {
    writeFileAtomically(path, encodeCorpusFile(corpus));
}

TokenizedCorpus readCorpusFile(const std::string& path) {
    std::ifstream in(path, std::ios::binary);
    if (!in) throw std::runtime_error(path + ": cannot read the token file");
    const std::vector<std::uint8_t> bytes((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
    std::string why;
    auto corpus = decodeCorpusFile(bytes, nullptr, &why);
    if (!corpus) throw std::runtime_error(path + ": " + why);
    return std::move(*corpus);
}

}  // namespace nf
