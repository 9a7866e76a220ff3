// SPDX-License-Identifier: GPL-3.0-or-later
#include "training/ModelFile.h"

#include <bit>
#include <cstring>
#include <fstream>
#include <iterator>

#include "tokenize/Fnv1a.h"
#include "util/AtomicFile.h"

namespace nf {

namespace {

constexpr std::uint8_t kMagic[8] = {'N', 'F', 'M', 'O', 'D', 'E', 'L', 0x1A};
constexpr std::uint64_t kMaxTensorElements = std::uint64_t(1) << 34;

constexpr std::uint32_t tag(const char (&s)[5]) {
    return static_cast<std::uint32_t>(static_cast<unsigned char>(s[0])) |
           static_cast<std::uint32_t>(static_cast<unsigned char>(s[1])) << 8 |
           static_cast<std::uint32_t>(static_cast<unsigned char>(s[2])) << 16 |
           static_cast<std::uint32_t>(static_cast<unsigned char>(s[3])) << 24;
}

class Writer {
public:
    std::vector<std::uint8_t> bytes;
    template <typename T>
    void put(T v) {
        auto u = static_cast<std::make_unsigned_t<T>>(v);
        for (std::size_t i = 0; i < sizeof(T); ++i) bytes.push_back(static_cast<std::uint8_t>(u >> (8 * i)));
    }
    void putString(const std::string& s) {
        put<std::uint32_t>(static_cast<std::uint32_t>(s.size()));
        bytes.insert(bytes.end(), s.begin(), s.end());
    }
    void putRaw(const void* p, std::size_t n) {
        const auto* b = static_cast<const std::uint8_t*>(p);
        bytes.insert(bytes.end(), b, b + n);
    }
    void section(std::uint32_t t, const Writer& payload) {
        put(t);
        put<std::uint64_t>(payload.bytes.size());
        bytes.insert(bytes.end(), payload.bytes.begin(), payload.bytes.end());
    }
};

class Reader {
public:
    Reader(std::span<const std::uint8_t> b, const std::string& name, std::size_t base) : b_(b), name_(name), base_(base) {}
    [[noreturn]] void fail(const std::string& message) const {
        throw ModelFileError(name_ + ":@" + std::to_string(base_ + pos_) + ": " + message);
    }
    void need(std::uint64_t n, const char* what) const {
        if (n > b_.size() - pos_) fail(std::string("truncated: ") + what + " runs past the end of the data");
    }
    template <typename T>
    T get(const char* what) {
        need(sizeof(T), what);
        std::make_unsigned_t<T> v = 0;
        for (std::size_t i = 0; i < sizeof(T); ++i) v |= static_cast<std::make_unsigned_t<T>>(static_cast<std::make_unsigned_t<T>>(b_[pos_ + i]) << (8 * i));
        pos_ += sizeof(T);
        return static_cast<T>(v);
    }
    std::string getString(const char* what) {
        const auto n = get<std::uint32_t>(what);
        need(n, what);
        std::string s(reinterpret_cast<const char*>(b_.data() + pos_), n);
        pos_ += n;
        return s;
    }
    std::span<const std::uint8_t> take(std::uint64_t n, const char* what) {
        need(n, what);
        auto s = b_.subspan(pos_, static_cast<std::size_t>(n));
        pos_ += static_cast<std::size_t>(n);
        return s;
    }
    std::size_t pos() const { return pos_; }
    bool atEnd() const { return pos_ == b_.size(); }

private:
    std::span<const std::uint8_t> b_;
    const std::string& name_;
    std::size_t base_;
    std::size_t pos_ = 0;
};

void putFloats(Writer& w, const std::vector<float>& values) {
    if constexpr (std::endian::native == std::endian::little) {
        w.putRaw(values.data(), values.size() * sizeof(float));
    } else {
        for (float f : values) w.put(std::bit_cast<std::uint32_t>(f));
    }
}

NamedTensor readTensor(Reader& r) {
    NamedTensor t;
    t.name = r.getString("tensor name");
    const auto dtype = r.get<std::uint32_t>("tensor type");
    if (dtype != 0) r.fail("tensor '" + t.name + "' has an unknown element type " + std::to_string(dtype));
    const auto rank = r.get<std::uint32_t>("tensor rank");
    if (rank > 8) r.fail("tensor '" + t.name + "' has an implausible rank " + std::to_string(rank));
    std::uint64_t count = 1;
    for (std::uint32_t i = 0; i < rank; ++i) {
        const auto d = r.get<std::int64_t>("tensor shape");
        if (d < 0 || (d > 0 && count > kMaxTensorElements / static_cast<std::uint64_t>(d)))
            r.fail("tensor '" + t.name + "' has an invalid shape");
        t.shape.push_back(d);
        count *= static_cast<std::uint64_t>(d);
    }
    const auto raw = r.take(count * 4, "tensor data");
    t.values.resize(static_cast<std::size_t>(count));
    if constexpr (std::endian::native == std::endian::little) {
        std::memcpy(t.values.data(), raw.data(), raw.size());
    } else {
        for (std::size_t i = 0; i < t.values.size(); ++i) {
            std::uint32_t u = 0;
            for (int k = 0; k < 4; ++k) u |= static_cast<std::uint32_t>(raw[i * 4 + static_cast<std::size_t>(k)]) << (8 * k);
            t.values[i] = std::bit_cast<float>(u);
        }
    }
    return t;
}

}  // namespace

std::int64_t NamedTensor::elementCount() const {
    std::int64_t n = 1;
    for (auto d : shape) n *= d;
    return n;
}

const NamedTensor* ModelFile::findTensor(const std::string& name) const {
    for (const auto& t : tensors)
        if (t.name == name) return &t;
    return nullptr;
}

const NamedBlob* ModelFile::findBlob(const std::string& name) const {
    for (const auto& b : blobs)
        if (b.name == name) return &b;
    return nullptr;
}

std::vector<std::uint8_t> serializeModelFile(const ModelFile& file) {
    Writer w;
    w.putRaw(kMagic, sizeof kMagic);
    w.put<std::uint32_t>(ModelFile::kFormatVersion);
    w.put<std::uint32_t>(0);
    auto text = [](const std::string& s) {
        Writer p;
        p.putRaw(s.data(), s.size());
        return p;
    };
    w.section(tag("KIND"), text(toString(file.kind)));
    w.section(tag("CONF"), text(file.configJson));
    w.section(tag("INFO"), text(file.infoJson));
    Writer vocab;
    vocab.put<std::uint32_t>(static_cast<std::uint32_t>(file.vocabulary.size()));
    for (const auto& t : file.vocabulary) vocab.putString(t);
    w.section(tag("VOCB"), vocab);
    w.section(tag("METR"), text(file.metricsJson));
    if (!file.cardJson.empty()) w.section(tag("CARD"), text(file.cardJson));
    Writer tensors;
    tensors.put<std::uint32_t>(static_cast<std::uint32_t>(file.tensors.size()));
    for (const auto& t : file.tensors) {
        if (static_cast<std::int64_t>(t.values.size()) != t.elementCount())
            throw std::logic_error("tensor '" + t.name + "': shape and value count disagree");
        tensors.putString(t.name);
        tensors.put<std::uint32_t>(0);
        tensors.put<std::uint32_t>(static_cast<std::uint32_t>(t.shape.size()));
        for (auto d : t.shape) tensors.put<std::int64_t>(d);
        putFloats(tensors, t.values);
    }
    w.section(tag("TENS"), tensors);
    for (const auto& b : file.blobs) {
        Writer blob;
        blob.putString(b.name);
        blob.putRaw(b.bytes.data(), b.bytes.size());
        w.section(tag("BLOB"), blob);
    }
    Fnv1a h;
    h.add(w.bytes.data(), w.bytes.size());
    Writer end;
    end.put<std::uint64_t>(h.value());
    w.section(tag("END!"), end);
    return std::move(w.bytes);
}

ModelFile parseModelFile(std::span<const std::uint8_t> bytes, const std::string& name) {
    if (bytes.size() < 8 || std::memcmp(bytes.data(), kMagic, 8) != 0)
        throw ModelFileError(name + ": not a NoteForge model file (no NFMODEL header)");
    Reader r(bytes, name, 0);
    r.take(8, "header");
    const auto version = r.get<std::uint32_t>("format version");
    if (version == 0 || version > ModelFile::kFormatVersion)
        throw ModelFileError(name + ": model format version " + std::to_string(version) +
                             " is newer than this NoteForge reads (up to " + std::to_string(ModelFile::kFormatVersion) +
                             "); update NoteForge to open it");
    r.get<std::uint32_t>("header");
    ModelFile file;
    bool sawTensors = false;
    for (;;) {
        const std::size_t sectionStart = r.pos();
        if (r.atEnd()) r.fail("truncated: the file ends before its END! section (incomplete download or copy?)");
        const auto t = r.get<std::uint32_t>("section tag");
        const auto length = r.get<std::uint64_t>("section length");
        const auto payload = r.take(length, "section");
        Reader p(payload, name, sectionStart + 12);
        auto asText = [&] { return std::string(reinterpret_cast<const char*>(payload.data()), payload.size()); };
        if (t == tag("END!")) {
            const auto stored = p.get<std::uint64_t>("checksum");
            Fnv1a h;
            h.add(bytes.data(), sectionStart);
            if (stored != h.value()) throw ModelFileError(name + ": damaged: checksum mismatch (the file was altered or corrupted)");
            break;
        }
        if (t == tag("KIND")) {
            try {
                file.kind = parseEnum<ModelFileKind>(asText());
            } catch (const std::invalid_argument& e) {
                p.fail(e.what());
            }
        } else if (t == tag("CONF")) file.configJson = asText();
        else if (t == tag("INFO")) file.infoJson = asText();
        else if (t == tag("METR")) file.metricsJson = asText();
        else if (t == tag("CARD")) file.cardJson = asText();
        else if (t == tag("VOCB")) {
            const auto n = p.get<std::uint32_t>("vocabulary size");
            for (std::uint32_t i = 0; i < n; ++i) file.vocabulary.push_back(p.getString("vocabulary entry"));
        } else if (t == tag("TENS")) {
            const auto n = p.get<std::uint32_t>("tensor count");
            for (std::uint32_t i = 0; i < n; ++i) file.tensors.push_back(readTensor(p));
            sawTensors = true;
        } else if (t == tag("BLOB")) {
            NamedBlob b;
            b.name = p.getString("blob name");
            const auto rest = payload.subspan(p.pos());
            b.bytes.assign(rest.begin(), rest.end());
            file.blobs.push_back(std::move(b));
        }
    }
    if (file.configJson.empty() || !sawTensors) throw ModelFileError(name + ": damaged: configuration or weights missing");
    return file;
}

void writeModelFile(const ModelFile& file, const std::string& path) {
    writeFileAtomically(path, serializeModelFile(file));
}

std::vector<std::uint8_t> readModelFileBytes(const std::string& path) {
    std::ifstream in(path, std::ios::binary);
    if (!in) throw ModelFileError(path + ": cannot be opened (missing or unreadable)");
    std::vector<std::uint8_t> bytes((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
    if (in.bad()) throw ModelFileError(path + ": cannot be read");
    return bytes;
}

ModelFile readModelFile(const std::string& path) { return parseModelFile(readModelFileBytes(path), path); }

}  // namespace nf

namespace nf {

namespace {

// One text section of a model file ("" when it has none), reading section headers and skipping the others.
std::string readTextSection(const std::string& path, std::uint32_t wanted, const char* what) {
    std::ifstream in(path, std::ios::binary);
    if (!in) throw ModelFileError(path + ": cannot be opened");
    std::uint8_t header[16];
    if (!in.read(reinterpret_cast<char*>(header), sizeof header) || std::memcmp(header, kMagic, 8) != 0)
        throw ModelFileError(path + ": not a NoteForge model file (no NFMODEL header)");
    auto little = [](const std::uint8_t* p, int n) {
        std::uint64_t v = 0;
        for (int i = n - 1; i >= 0; --i) v = (v << 8) | p[i];
        return v;
    };
    for (;;) {  // section headers only: the tensors are skipped, not read
        std::uint8_t head[12];
        if (!in.read(reinterpret_cast<char*>(head), sizeof head))
            throw ModelFileError(path + ": truncated: the file ends before its END! section");
        const auto t = static_cast<std::uint32_t>(little(head, 4));
        const std::uint64_t length = little(head + 4, 8);
        if (t == tag("END!")) return {};
        if (t == wanted) {
            if (length > (1u << 24)) throw ModelFileError(path + ": its " + what + " is implausibly large");
            std::string text(length, '\0');
            if (!in.read(text.data(), static_cast<std::streamsize>(length)))
                throw ModelFileError(path + ": truncated inside its " + what);
            return text;
        }
        if (!in.seekg(static_cast<std::streamoff>(length), std::ios::cur))
            throw ModelFileError(path + ": truncated: a section runs past the end of the file");
    }
}

}  // namespace

std::string readModelCard(const std::string& path) { return readTextSection(path, tag("CARD"), "data card"); }

std::string readModelInfo(const std::string& path) { return readTextSection(path, tag("INFO"), "run information"); }

}  // namespace nf
