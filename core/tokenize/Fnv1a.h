// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <cstdint>
#include <string>
#include <string_view>

namespace nf {

// 64-bit FNV-1a: a cache key and corruption check, not a cryptographic hash.
class Fnv1a {
public:
    void add(const void* data, std::size_t size) {
        const auto* p = static_cast<const unsigned char*>(data);
        for (std::size_t i = 0; i < size; ++i) {
            h_ ^= p[i];
            h_ *= 0x100000001b3ULL;
        }
    }
    void add(std::string_view s) {
        add(s.data(), s.size());
        const std::uint64_t n = s.size();  // length-delimited so ("ab","c") != ("a","bc")
        add(&n, sizeof n);
    }
    std::uint64_t value() const { return h_; }
    std::string hex() const {
        static const char* digits = "0123456789abcdef";
        std::string out(16, '0');
        for (int i = 0; i < 16; ++i) out[static_cast<std::size_t>(15 - i)] = digits[(h_ >> (4 * i)) & 0xF];
        return out;
    }

private:
    std::uint64_t h_ = 0xcbf29ce484222325ULL;
};

}  // namespace nf
