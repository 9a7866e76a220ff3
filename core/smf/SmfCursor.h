// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <cstddef>
#include <cstdint>
#include <string>

#include "music/MusicError.h"
#include "smf/Vlq.h"

namespace nf::smf {

// Bounds-checked big-endian reading from one in-memory buffer. Everything is inline and non-virtual because the
// track decoder calls it for every byte of the file; positions are absolute offsets into the whole file so that
// errors name the byte a user can find in a hex editor.
class SmfCursor {
public:
    SmfCursor(const std::uint8_t* data, std::size_t pos, std::size_t end, const std::string& file)
        : data_(data), pos_(pos), end_(end), file_(file) {}

    std::size_t pos() const { return pos_; }
    std::size_t end() const { return end_; }
    std::size_t remaining() const { return end_ - pos_; }
    bool atEnd() const { return pos_ >= end_; }

    std::uint8_t peek() const {
        need(1, "unexpected end of data");
        return data_[pos_];
    }
    std::uint8_t u8(const char* what = "unexpected end of data") {
        need(1, what);
        return data_[pos_++];
    }
    std::uint16_t u16() {
        need(2, "unexpected end of data");
        const std::uint16_t v = static_cast<std::uint16_t>((data_[pos_] << 8) | data_[pos_ + 1]);
        pos_ += 2;
        return v;
    }
    std::uint32_t u32() {
        need(4, "unexpected end of data");
        const std::uint32_t v = (std::uint32_t{data_[pos_]} << 24) | (std::uint32_t{data_[pos_ + 1]} << 16) |
                                (std::uint32_t{data_[pos_ + 2]} << 8) | std::uint32_t{data_[pos_ + 3]};
        pos_ += 4;
        return v;
    }
    std::uint32_t vlq(const char* what) {
        std::uint32_t v = 0;
        switch (decodeVlq(data_, end_, pos_, v)) {
            case VlqStatus::Ok: return v;
            case VlqStatus::Truncated: throw error(pos_, std::string(what) + " cut off by the end of the data");
            case VlqStatus::TooLong: break;
        }
        throw error(pos_, std::string(what) + " is longer than 4 bytes");
    }
    const std::uint8_t* bytes(std::size_t n, const char* what) {
        need(n, what);
        const std::uint8_t* p = data_ + pos_;
        pos_ += n;
        return p;
    }
    void skip(std::size_t n, const char* what) { bytes(n, what); }

    MusicError error(std::size_t at, const std::string& message) const {
        return MusicError::atByte(file_, static_cast<std::int64_t>(at), message);
    }

private:
    void need(std::size_t n, const char* what) const {
        if (end_ - pos_ < n) throw error(pos_, what);
    }

    const std::uint8_t* data_;
    std::size_t pos_;
    std::size_t end_;
    const std::string& file_;
};

}  // namespace nf::smf
