// SPDX-License-Identifier: GPL-3.0-or-later
#include "smf/SmfText.h"

namespace nf::smf {

namespace {

// Length of the well-formed UTF-8 sequence at p (1..4), or 0 if the bytes there are not UTF-8.
std::size_t utf8SequenceLength(const std::uint8_t* p, std::size_t left) {
    const std::uint8_t b = p[0];
    if (b < 0x80) return 1;
    std::size_t len = 0;
    std::uint32_t cp = 0;
    if ((b & 0xE0) == 0xC0) len = 2, cp = b & 0x1F;
    else if ((b & 0xF0) == 0xE0) len = 3, cp = b & 0x0F;
    else if ((b & 0xF8) == 0xF0) len = 4, cp = b & 0x07;
    else return 0;
    if (len > left) return 0;
    for (std::size_t i = 1; i < len; ++i) {
        if ((p[i] & 0xC0) != 0x80) return 0;
        cp = (cp << 6) | (p[i] & 0x3F);
    }
    static constexpr std::uint32_t kMinForLength[5] = {0, 0, 0x80, 0x800, 0x10000};
    if (cp < kMinForLength[len] || cp > 0x10FFFF || (cp >= 0xD800 && cp <= 0xDFFF)) return 0;
    return len;
}

bool isUtf8(const std::uint8_t* p, std::size_t n) {
    for (std::size_t i = 0; i < n;) {
        const std::size_t len = utf8SequenceLength(p + i, n - i);
        if (len == 0) return false;
        i += len;
    }
    return true;
}

}  // namespace

std::string midiTextToUtf8(const std::uint8_t* data, std::size_t size) {
    while (size > 0 && data[size - 1] == 0) --size;
    if (isUtf8(data, size)) return std::string(reinterpret_cast<const char*>(data), size);
    std::string out;
    out.reserve(size * 2);
    for (std::size_t i = 0; i < size; ++i) {
        const std::uint8_t b = data[i];
        if (b < 0x80) {
            out.push_back(static_cast<char>(b));
        } else {
            out.push_back(static_cast<char>(0xC0 | (b >> 6)));
            out.push_back(static_cast<char>(0x80 | (b & 0x3F)));
        }
    }
    return out;
}

}  // namespace nf::smf
