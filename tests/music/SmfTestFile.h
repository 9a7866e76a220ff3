// SPDX-License-Identifier: GPL-3.0-or-later
// Builds small Standard MIDI Files byte by byte for the SMF reader/writer tests, so each tricky case (running
// status, lying lengths, SMPTE, ...) is spelled out in the test that needs it.
#pragma once

#include <algorithm>
#include <cstdint>
#include <filesystem>
#include <initializer_list>
#include <string>
#include <vector>

namespace nf::test {

using Bytes = std::vector<std::uint8_t>;

inline void appendBigEndian(Bytes& out, std::uint32_t v, int bytes) {
    for (int i = bytes - 1; i >= 0; --i) out.push_back(static_cast<std::uint8_t>(v >> (8 * i)));
}

// A chunk with its true length, or with `length` written instead (to make it lie).
inline Bytes chunk(const char* id, const Bytes& body, long long length = -1) {
    Bytes out(id, id + 4);
    appendBigEndian(out, static_cast<std::uint32_t>(length < 0 ? static_cast<long long>(body.size()) : length), 4);
    out.insert(out.end(), body.begin(), body.end());
    return out;
}

inline Bytes header(int format, int tracks, int division) {
    Bytes body;
    appendBigEndian(body, static_cast<std::uint32_t>(format), 2);
    appendBigEndian(body, static_cast<std::uint32_t>(tracks), 2);
    appendBigEndian(body, static_cast<std::uint32_t>(division), 2);
    return chunk("MThd", body);
}

inline Bytes track(std::initializer_list<int> events) {
    Bytes body;
    for (int e : events) body.push_back(static_cast<std::uint8_t>(e));
    return chunk("MTrk", body);
}

inline Bytes concat(std::initializer_list<Bytes> parts) {
    Bytes out;
    for (const auto& p : parts) out.insert(out.end(), p.begin(), p.end());
    return out;
}

inline std::filesystem::path sharedMidi() { return std::filesystem::path(NF_SHARED_DATA) / "midi"; }

inline std::vector<std::filesystem::path> midiFilesUnder(const std::filesystem::path& dir) {
    std::vector<std::filesystem::path> files;
    if (!std::filesystem::is_directory(dir)) return files;
    for (const auto& e : std::filesystem::recursive_directory_iterator(dir)) {
        const std::string ext = e.path().extension().string();
        if (e.is_regular_file() && (ext == ".mid" || ext == ".midi" || ext == ".kar")) files.push_back(e.path());
    }
    std::sort(files.begin(), files.end());
    return files;
}

}  // namespace nf::test
