// SPDX-License-Identifier: GPL-3.0-or-later
#include "audio/SoundfontReader.h"

#include <algorithm>
#include <array>
#include <cstdint>
#include <cstring>
#include <filesystem>
#include <fstream>
#include <optional>

#include "music/MusicError.h"

namespace nf {

namespace {

constexpr std::uint32_t kPresetHeaderSize = 38;  // phdr record: name[20] + 2+2+2 + 4+4+4

struct Chunk {
    std::string id;
    std::uint32_t size = 0;
    std::uint64_t dataOffset = 0;  // first byte after the 8-byte header
};

class RiffWalker {
public:
    RiffWalker(const std::string& path) : path_(path), in_(path, std::ios::binary) {
        std::error_code ec;
        if (!std::filesystem::is_regular_file(path, ec))
            throw MusicError(path, std::filesystem::exists(path, ec) ? "not a regular file" : "no such file");
        if (!in_) throw MusicError(path, "cannot open for reading");
        fileSize_ = std::filesystem::file_size(path, ec);
        if (ec) throw MusicError(path, "cannot read its size: " + ec.message());
    }

    std::uint64_t fileSize() const { return fileSize_; }

    void read(std::uint64_t offset, void* out, std::size_t n) {
        if (offset + n > fileSize_)
            throw MusicError::atByte(path_, static_cast<std::int64_t>(fileSize_), "file is truncated");
        in_.seekg(static_cast<std::streamoff>(offset));
        in_.read(static_cast<char*>(out), static_cast<std::streamsize>(n));
        if (!in_) throw MusicError::atByte(path_, static_cast<std::int64_t>(offset), "read error");
    }

    Chunk chunkAt(std::uint64_t offset, std::uint64_t parentEnd) {
        std::array<unsigned char, 8> h{};
        read(offset, h.data(), h.size());
        Chunk c;
        c.id.assign(reinterpret_cast<const char*>(h.data()), 4);
        c.size = h[4] | (h[5] << 8) | (h[6] << 16) | (std::uint32_t(h[7]) << 24);
        c.dataOffset = offset + 8;
        if (c.dataOffset + c.size > parentEnd) {
            const bool truncated = c.dataOffset + c.size > fileSize_;
            throw MusicError::atByte(path_, static_cast<std::int64_t>(offset),
                                     "chunk '" + printable(c.id) + "' of " + std::to_string(c.size) + " bytes " +
                                         (truncated ? "runs past the end of the file (truncated)"
                                                    : "runs past its parent chunk"));
        }
        return c;
    }

    std::string fourcc(std::uint64_t offset) {
        char id[4];
        read(offset, id, 4);
        return std::string(id, 4);
    }

    static std::string printable(const std::string& id) {
        std::string s = id;
        for (char& ch : s)
            if (static_cast<unsigned char>(ch) < 32 || static_cast<unsigned char>(ch) > 126) ch = '?';
        return s;
    }

    const std::string& path() const { return path_; }

private:
    std::string path_;
    std::ifstream in_;
    std::uint64_t fileSize_ = 0;
};

std::string zstring(const char* data, std::size_t max) {
    std::size_t n = 0;
    while (n < max && data[n] != '\0') ++n;
    std::string s(data, n);
    while (!s.empty() && s.back() == ' ') s.pop_back();
    return s;
}

std::uint16_t le16(const unsigned char* p) { return static_cast<std::uint16_t>(p[0] | (p[1] << 8)); }

void readInfoList(RiffWalker& riff, const Chunk& list, SoundfontInfo& info) {
    const std::uint64_t end = list.dataOffset + list.size;
    for (std::uint64_t at = list.dataOffset + 4; at + 8 <= end;) {
        const Chunk c = riff.chunkAt(at, end);
        if (c.id == "ifil" && c.size >= 4) {
            unsigned char v[4];
            riff.read(c.dataOffset, v, 4);
            info.versionMajor = le16(v);
            info.versionMinor = le16(v + 2);
        } else if (c.id == "INAM" && c.size > 0) {
            std::string name(std::min<std::uint32_t>(c.size, 256), '\0');
            riff.read(c.dataOffset, name.data(), name.size());
            info.name = zstring(name.data(), name.size());
        }
        at = c.dataOffset + c.size + (c.size & 1u);
    }
}

void readPresetHeaders(RiffWalker& riff, const Chunk& phdr, SoundfontInfo& info) {
    if (phdr.size % kPresetHeaderSize != 0 || phdr.size < 2 * kPresetHeaderSize)
        throw MusicError::atByte(riff.path(), static_cast<std::int64_t>(phdr.dataOffset - 8),
                                 "preset header chunk 'phdr' has a size of " + std::to_string(phdr.size) +
                                     " bytes, not a multiple of 38 with a terminal record");
    const std::uint32_t count = phdr.size / kPresetHeaderSize - 1;  // the last record is the "EOP" terminator
    std::vector<unsigned char> bytes(phdr.size);
    riff.read(phdr.dataOffset, bytes.data(), bytes.size());
    for (std::uint32_t i = 0; i < count; ++i) {
        const unsigned char* r = bytes.data() + i * kPresetHeaderSize;
        SoundfontPreset p;
        p.name = zstring(reinterpret_cast<const char*>(r), 20);
        p.program = le16(r + 20);
        p.bank = le16(r + 22);
        if (p.program > 127 || p.bank > 16383) continue;  // unreachable from MIDI; FluidSynth ignores them too
        info.presets.push_back(std::move(p));
    }
    std::sort(info.presets.begin(), info.presets.end(), [](const auto& a, const auto& b) {
        return a.bank != b.bank ? a.bank < b.bank : a.program < b.program;
    });
}

}  // namespace

bool SoundfontInfo::isGeneralMidi() const {
    int melodic = 0;
    bool drums = false;
    for (const auto& p : presets) {
        if (p.bank == 0) ++melodic;
        if (p.bank == 128) drums = true;
    }
    return melodic >= 120 && drums;
}

const SoundfontPreset* SoundfontInfo::find(int bank, int program) const {
    for (const auto& p : presets)
        if (p.bank == bank && p.program == program) return &p;
    return nullptr;
}

SoundfontInfo readSoundfontInfo(const std::string& path) {
    RiffWalker riff(path);
    if (riff.fileSize() < 12) throw MusicError::atByte(path, 0, "too short to be a soundfont");
    if (riff.fourcc(0) != "RIFF" || riff.fourcc(8) != "sfbk")
        throw MusicError::atByte(path, 0, "not a soundfont (no RIFF 'sfbk' header)");
    const Chunk top = riff.chunkAt(0, ~std::uint64_t{0} >> 1);
    if (top.dataOffset + top.size > riff.fileSize())
        throw MusicError::atByte(path, static_cast<std::int64_t>(riff.fileSize()),
                                 "file is truncated: the RIFF header announces " + std::to_string(top.size + 8) +
                                     " bytes, the file has " + std::to_string(riff.fileSize()));

    SoundfontInfo info;
    info.path = path;
    bool haveInfo = false, haveSamples = false;
    std::optional<Chunk> phdr;
    const std::uint64_t end = top.dataOffset + top.size;
    for (std::uint64_t at = top.dataOffset + 4; at + 8 <= end;) {
        const Chunk c = riff.chunkAt(at, end);
        if (c.id == "LIST" && c.size >= 4) {
            const std::string type = riff.fourcc(c.dataOffset);
            if (type == "INFO") {
                readInfoList(riff, c, info);
                haveInfo = true;
            } else if (type == "sdta") {
                haveSamples = true;
            } else if (type == "pdta") {
                const std::uint64_t listEnd = c.dataOffset + c.size;
                for (std::uint64_t sub = c.dataOffset + 4; sub + 8 <= listEnd;) {
                    const Chunk s = riff.chunkAt(sub, listEnd);
                    if (s.id == "phdr") phdr = s;
                    sub = s.dataOffset + s.size + (s.size & 1u);
                }
            }
        }
        at = c.dataOffset + c.size + (c.size & 1u);
    }
    if (!haveInfo) throw MusicError::atByte(path, 12, "soundfont has no INFO list");
    if (!haveSamples) throw MusicError::atByte(path, 12, "soundfont has no sample data list 'sdta'");
    if (!phdr) throw MusicError::atByte(path, 12, "soundfont has no preset headers ('pdta' list with 'phdr')");
    if (info.versionMajor != 2 && info.versionMajor != 3)
        throw MusicError::atByte(path, 12, "unsupported soundfont version " + std::to_string(info.versionMajor));
    readPresetHeaders(riff, *phdr, info);
    if (info.name.empty()) info.name = std::filesystem::path(path).stem().string();
    return info;
}

}  // namespace nf
