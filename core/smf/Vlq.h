// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <cstddef>
#include <cstdint>
#include <vector>

namespace nf::smf {

// The largest value a Standard MIDI File variable-length quantity may hold (four bytes of seven bits).
constexpr std::uint32_t kMaxVlq = 0x0FFFFFFF;

// Appends `value` (<= kMaxVlq) as a big-endian base-128 number, continuation bit set on all bytes but the last.
inline void appendVlq(std::vector<std::uint8_t>& out, std::uint32_t value) {
    std::uint8_t buf[4];
    int n = 0;
    buf[n++] = static_cast<std::uint8_t>(value & 0x7F);
    while ((value >>= 7) != 0 && n < 4) buf[n++] = static_cast<std::uint8_t>(0x80 | (value & 0x7F));
    while (n > 0) out.push_back(buf[--n]);
}

inline std::size_t vlqSize(std::uint32_t value) {
    std::size_t n = 1;
    while ((value >>= 7) != 0 && n < 4) ++n;
    return n;
}

enum class VlqStatus { Ok, Truncated, TooLong };

// Decodes a VLQ starting at data[pos], pos < end. On Ok advances pos past it. A fifth byte is never read: SMF
// allows four, and a file with more is corrupt (reading on would let a run of 0xFF bytes overflow the value).
inline VlqStatus decodeVlq(const std::uint8_t* data, std::size_t end, std::size_t& pos, std::uint32_t& value) {
    std::uint32_t v = 0;
    std::size_t p = pos;
    for (int i = 0; i < 4; ++i) {
        if (p >= end) return VlqStatus::Truncated;
        const std::uint8_t b = data[p++];
        v = (v << 7) | (b & 0x7Fu);
        if ((b & 0x80) == 0) {
            value = v;
            pos = p;
            return VlqStatus::Ok;
        }
    }
    return VlqStatus::TooLong;
}

}  // namespace nf::smf
