// SPDX-License-Identifier: GPL-3.0-or-later
#include "tokenize/TokenShards.h"

#include <fcntl.h>
#include <sys/mman.h>
#include <sys/stat.h>
#include <unistd.h>

#include <algorithm>
#include <cstdio>
#include <cstring>
#include <filesystem>
#include <fstream>
#include <mutex>
#include <nlohmann/json.hpp>
#include <optional>
#include <set>
#include <stdexcept>
#include <thread>

#include "dataset/Dataset.h"
#include "tokenize/CorpusBuilder.h"
#include "tokenize/CorpusFile.h"
#include "tokenize/Fnv1a.h"
#include "tokenize/Tokenizer.h"
#include "util/AtomicFile.h"

namespace nf {

namespace fs = std::filesystem;

namespace {

constexpr int kShardLayoutVersion = 1;  // bump when a shard's content changes for the same files and settings
constexpr const char* kManifest = "manifest.json";
constexpr std::size_t kProblemsKept = 20;

std::string shardName(std::size_t index) {
    char name[32];
    std::snprintf(name, sizeof name, "shard-%05zu.nftok", index);
    return name;
}

// What a shard was made from: its files as they are now (path, size, modification time) and the settings. A shard
// whose key still matches is kept by a later build.
std::string groupKey(const std::vector<std::string>& files, const TokenizerSettings& settings, MusicFormat format) {
    Fnv1a h;
    h.add(settings.toJson());
    h.add(std::to_string(static_cast<int>(format)) + "/" + std::to_string(kShardLayoutVersion));
    for (const auto& f : files) {
        std::error_code ec;
        h.add(f);
        const auto size = fs::file_size(f, ec);
        h.add(std::to_string(ec ? 0 : size));
        const auto time = fs::last_write_time(f, ec);
        h.add(std::to_string(ec ? 0 : time.time_since_epoch().count()));
    }
    return h.hex();
}

// A read-only view of a whole file; unmapped when it goes.
class MappedFile {
public:
    explicit MappedFile(const std::string& path) {
        const int fd = ::open(path.c_str(), O_RDONLY | O_CLOEXEC);
        if (fd < 0) throw std::runtime_error(path + ": cannot open: " + std::strerror(errno));
        struct stat st {};
        if (::fstat(fd, &st) != 0) {
            ::close(fd);
            throw std::runtime_error(path + ": cannot read: " + std::strerror(errno));
        }
        size_ = static_cast<std::size_t>(st.st_size);
        if (size_ > 0) {
            void* p = ::mmap(nullptr, size_, PROT_READ, MAP_SHARED, fd, 0);
            if (p == MAP_FAILED) {
                ::close(fd);
                throw std::runtime_error(path + ": cannot map into memory: " + std::strerror(errno));
            }
            data_ = static_cast<const std::uint8_t*>(p);
        }
        ::close(fd);
    }
    ~MappedFile() {
        if (data_) ::munmap(const_cast<std::uint8_t*>(data_), size_);
    }
    MappedFile(const MappedFile&) = delete;
    MappedFile& operator=(const MappedFile&) = delete;
    std::span<const std::uint8_t> bytes() const { return {data_, size_}; }

private:
    const std::uint8_t* data_ = nullptr;
    std::size_t size_ = 0;
};

std::optional<CorpusFileLayout> layoutOf(const std::string& path, const MappedFile& file, std::string* why) {
    auto layout = decodeCorpusFileLayout(file.bytes(), why);
    if (!layout && why) *why = path + ": " + *why;
    return layout;
}

// The shard's key if it is a whole shard file; empty otherwise.
std::string keyOfShard(const std::string& path) {
    std::error_code ec;
    if (!fs::is_regular_file(path, ec)) return {};
    try {
        const MappedFile file(path);
        const auto layout = decodeCorpusFileLayout(file.bytes());
        return layout ? layout->key : std::string();
    } catch (const std::exception&) {
        return {};
    }
}

std::int32_t readId(const std::uint8_t* p) {
    return static_cast<std::int32_t>(static_cast<std::uint32_t>(p[0]) | (static_cast<std::uint32_t>(p[1]) << 8) |
                                     (static_cast<std::uint32_t>(p[2]) << 16) | (static_cast<std::uint32_t>(p[3]) << 24));
}

}  // namespace

struct TokenShardSet::Shard {
    explicit Shard(const std::string& path) : file(path) {}
    MappedFile file;
    std::vector<std::int32_t> toGlobal;  // the shard's token numbers -> the set's
};

bool isTokenShardFolder(const std::string& path) {
    std::error_code ec;
    return fs::is_directory(path, ec) && fs::is_regular_file(fs::path(path) / kManifest, ec);
}

TokenShardBuild buildTokenShards(const std::string& dataPath, const std::string& shardDir, const TokenizerSettings& settings,
                                 const TokenShardOptions& options) {
    settings.validate();
    std::error_code ec;
    if (!fs::is_directory(dataPath, ec)) throw std::runtime_error(dataPath + ": not a folder (shards are for folders of music)");
    fs::create_directories(shardDir, ec);
    if (!fs::is_directory(shardDir, ec)) throw std::runtime_error(shardDir + ": cannot create the shard folder");
    // Leftovers of writes cut short (util/AtomicFile.h's temporary names), and a manifest that no longer describes them.
    for (const auto& entry : fs::directory_iterator(shardDir, ec))
        if (entry.path().filename().string().find(".tmp-") != std::string::npos) fs::remove(entry.path(), ec);
    fs::remove(fs::path(shardDir) / kManifest, ec);

    const std::vector<std::string> files = listDataFiles(dataPath);
    const std::size_t perShard = std::max<std::size_t>(1, options.filesPerShard);
    TokenShardBuild result;
    result.shards = (files.size() + perShard - 1) / perShard;
    const auto groupOf = [&](std::size_t k) {
        const auto begin = files.begin() + static_cast<std::ptrdiff_t>(k * perShard);
        const auto end = files.begin() + static_cast<std::ptrdiff_t>(std::min(files.size(), (k + 1) * perShard));
        return std::vector<std::string>(begin, end);
    };

    std::atomic<std::size_t> next{0};
    std::mutex mutex;
    std::size_t done = 0;
    std::string failure;
    const auto worker = [&] {
        for (;;) {
            if (options.cancel && options.cancel->load()) return;
            const std::size_t k = next.fetch_add(1);
            if (k >= result.shards) return;
            const auto group = groupOf(k);
            const std::string key = groupKey(group, settings, options.format);
            const std::string path = (fs::path(shardDir) / shardName(k)).string();
            bool kept = keyOfShard(path) == key;
            if (!kept) {
                try {
                    // A shard's pieces may all be unusable: it is then empty, not an error (the whole set decides).
                    TokenizedCorpus corpus = tokenizeDataset(loadDataFiles(group), settings, options.format);
                    writeFileAtomically(path, encodeCorpusFile(corpus, key));
                } catch (const std::exception& e) {
                    const std::lock_guard lock(mutex);
                    if (failure.empty()) failure = e.what();
                    return;
                }
            }
            const std::lock_guard lock(mutex);
            ++(kept ? result.kept : result.built);
            ++done;
            if (options.onShard) options.onShard(done, result.shards);
        }
    };
    const std::size_t threads = std::min<std::size_t>(
        std::max<std::size_t>(1, result.shards),
        options.jobs > 0 ? static_cast<std::size_t>(options.jobs) : std::max(1u, std::thread::hardware_concurrency()));
    {
        std::vector<std::jthread> pool;
        for (std::size_t t = 0; t < threads; ++t) pool.emplace_back(worker);
    }
    if (!failure.empty()) throw std::runtime_error(failure);
    if (done < result.shards) return result;  // cancelled: the shards written so far stay for the next build
    if (result.shards == 0) throw std::runtime_error(dataPath + ": no files to tokenize");
    TokenShardBuild finished = finishTokenShards(shardDir, settings, result.shards);
    finished.built = result.built;
    finished.kept = result.kept;
    return finished;
}

TokenShardBuild finishTokenShards(const std::string& shardDir, const TokenizerSettings& settings, std::size_t shardCount) {
    // The manifest: the whole vocabulary, the fingerprint buildCorpus() would give, counts and problems. One pass
    // over the shards, a piece at a time.
    TokenShardBuild result;
    result.shards = shardCount;
    std::optional<Vocabulary> fixed;
    if (auto tokens = makeTokenizer(settings)->fixedVocabulary()) fixed.emplace(std::move(*tokens));
    std::set<std::string> distinct;
    std::vector<std::string> names;
    for (std::size_t k = 0; k < result.shards; ++k) {
        names.push_back(shardName(k));
        const std::string path = (fs::path(shardDir) / names.back()).string();
        const MappedFile file(path);
        std::string why;
        const auto layout = layoutOf(path, file, &why);
        if (!layout) throw std::runtime_error(why);
        if (!(layout->corpus.tokenizer == settings)) throw std::runtime_error(path + ": tokenized with other settings");
        if (!fixed) distinct.insert(layout->corpus.vocab.tokens().begin(), layout->corpus.vocab.tokens().end());
        result.pieces += layout->corpus.pieces.size();
        for (const auto c : layout->counts) result.tokens += c;
        for (const auto& p : layout->corpus.problems) {
            ++result.problemCount;
            if (result.problems.size() < kProblemsKept) result.problems.push_back(p);
        }
    }
    if (result.pieces == 0) {
        std::string message = shardDir + ": no piece could be used for training with " + toString(settings.kind);
        for (std::size_t i = 0; i < std::min<std::size_t>(3, result.problems.size()); ++i) message += "\n  " + result.problems[i];
        throw std::runtime_error(message);
    }
    const Vocabulary vocab = fixed ? std::move(*fixed) : Vocabulary(std::vector<std::string>(distinct.begin(), distinct.end()));
    nlohmann::json manifest;
    manifest["noteforge_shards"] = kShardLayoutVersion;
    manifest["tokenizer"] = settings.toJson();
    manifest["shards"] = names;
    manifest["vocab"] = vocab.tokens();
    manifest["pieces"] = result.pieces;
    manifest["tokens"] = result.tokens;
    manifest["problems"] = result.problems;
    manifest["problem_count"] = result.problemCount;
    manifest["fingerprint"] = "";
    writeFileAtomically((fs::path(shardDir) / kManifest).string(), manifest.dump(1, ' ', false, nlohmann::json::error_handler_t::replace));
    // contentFingerprint()'s hash, taken through the set as training will read it.
    {
        const auto set = TokenShardSet::open(shardDir);
        Fnv1a h;
        h.add(settings.toJson());
        for (const auto& t : vocab.tokens()) h.add(t);
        std::vector<std::int32_t> ids;
        for (std::size_t i = 0; i < set->pieceCount(); ++i) {
            set->copy(i, ids);
            h.add(std::to_string(set->header().pieces[i].tuneNumber));
            h.add(ids.data(), ids.size() * sizeof(std::int32_t));
            const std::uint64_t n = ids.size();
            h.add(&n, sizeof n);
        }
        manifest["fingerprint"] = h.hex();
    }
    writeFileAtomically((fs::path(shardDir) / kManifest).string(), manifest.dump(1, ' ', false, nlohmann::json::error_handler_t::replace));
    result.complete = true;
    return result;
}

std::shared_ptr<const TokenShardSet> TokenShardSet::open(const std::string& dir) {
    const std::string manifestPath = (fs::path(dir) / kManifest).string();
    std::ifstream in(manifestPath);
    if (!in) throw std::runtime_error(dir + ": not a finished token shard folder (no " + kManifest + "; build it with noteforge-cli tokenize)");
    nlohmann::json manifest;
    try {
        manifest = nlohmann::json::parse(in);
    } catch (const std::exception&) {
        throw std::runtime_error(manifestPath + ": damaged (not JSON)");
    }
    std::shared_ptr<TokenShardSet> set(new TokenShardSet);
    set->dir_ = dir;
    TokenizedCorpus& header = set->header_;
    try {
        header.tokenizer = TokenizerSettings::fromJson(manifest.at("tokenizer").get<std::string>());
        header.vocab = Vocabulary(manifest.at("vocab").get<std::vector<std::string>>());
        header.fingerprint = manifest.at("fingerprint").get<std::string>();
        header.problems = manifest.at("problems").get<std::vector<std::string>>();
        for (const auto& name : manifest.at("shards")) {
            const std::string path = (fs::path(dir) / name.get<std::string>()).string();
            auto shard = std::make_unique<Shard>(path);
            std::string why;
            const auto layout = layoutOf(path, shard->file, &why);
            if (!layout) throw std::runtime_error(why);
            if (!(layout->corpus.tokenizer == header.tokenizer))
                throw std::runtime_error(path + ": tokenized with other settings than its folder's manifest");
            for (const auto& token : layout->corpus.vocab.tokens()) {
                const auto global = header.vocab.find(token);
                if (!global) throw std::runtime_error(path + ": token " + token + " is not in the manifest's vocabulary");
                shard->toGlobal.push_back(*global);
            }
            std::uint64_t offset = layout->tokensAt;
            for (std::size_t p = 0; p < layout->corpus.pieces.size(); ++p) {
                set->pieces_.push_back({static_cast<std::uint32_t>(set->shards_.size()), offset, layout->counts[p]});
                offset += layout->counts[p] * 4;
                set->tokens_ += layout->counts[p];
                header.pieces.push_back(layout->corpus.pieces[p]);
            }
            set->shards_.push_back(std::move(shard));
        }
    } catch (const nlohmann::json::exception&) {
        throw std::runtime_error(manifestPath + ": damaged (a field is missing or of the wrong kind)");
    }
    if (set->tokens_ != manifest.value("tokens", std::uint64_t{0}))
        throw std::runtime_error(dir + ": its shards hold other tokens than its manifest says (changed after the build?)");
    return set;
}

TokenShardSet::~TokenShardSet() = default;

void TokenShardSet::copy(std::size_t piece, std::vector<std::int32_t>& out) const {
    const PieceAt& at = pieces_.at(piece);
    const Shard& shard = *shards_[at.shard];
    const std::uint8_t* p = shard.file.bytes().data() + at.offset;
    out.resize(at.count);
    const auto vocabulary = static_cast<std::int32_t>(shard.toGlobal.size());
    for (std::size_t i = 0; i < at.count; ++i, p += 4) {
        const std::int32_t local = readId(p);
        if (local < 0 || local >= vocabulary)
            throw std::runtime_error(dir_ + ": a token outside its shard's vocabulary (piece " + header_.pieces[piece].file + ")");
        out[i] = shard.toGlobal[static_cast<std::size_t>(local)];
    }
}

TokenizedCorpus openTokenShards(const std::string& dir) {
    auto set = TokenShardSet::open(dir);
    TokenizedCorpus corpus = set->header();
    corpus.shards = std::move(set);
    return corpus;
}

std::size_t TokenizedCorpus::pieceLength(std::size_t piece) const {
    return shards ? shards->length(piece) : pieces.at(piece).ids.size();
}

std::size_t TokenizedCorpus::tokenCount() const {
    if (shards) return shards->tokenCount();
    std::size_t n = 0;
    for (const auto& p : pieces) n += p.ids.size();
    return n;
}

}  // namespace nf
