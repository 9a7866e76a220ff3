// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <cstdint>
#include <string_view>

namespace nf::abc {

// How abc2midi reads a bar line's characters, sign by sign, left to right: "|" single, "||" "|]" "[|" "]|"
// and a lone ':' double, "|:" start, ":|" (":|]") end, "::" both. A bar line can hold several signs:
// ":|:" is an end and a double bar (not a start), "||:" two double bars, "[|:" a double bar and a start,
// ":||:" an end and a start. The repeat expander follows these, so that repeats play as abc2midi plays them.
enum class BarSign : std::uint8_t { None = 0, Single, Double, Start, End, EndAndStart };

constexpr int kMaxBarSigns = 6;

// The signs of `spelling` (the bar line's characters: ':' '|' '[' ']'), packed 4 bits each into an int32
// (first sign lowest); signs beyond kMaxBarSigns are dropped.
std::int32_t readBarSigns(std::string_view spelling);

// The k-th sign (0-based) of a packed value, BarSign::None past the last.
inline BarSign barSign(std::int32_t packed, int k) {
    if (k < 0 || k >= kMaxBarSigns) return BarSign::None;
    return static_cast<BarSign>((static_cast<std::uint32_t>(packed) >> (4 * k)) & 0xFu);
}

}  // namespace nf::abc
