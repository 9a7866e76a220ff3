// SPDX-License-Identifier: GPL-3.0-or-later
#include "tokenize/TokenNumber.h"

#include <charconv>

namespace nf {

std::optional<int> tokenNumber(std::string_view token, std::string_view prefix) {
    if (token.size() <= prefix.size() || token.substr(0, prefix.size()) != prefix) return std::nullopt;
    int value = 0;
    const char* first = token.data() + prefix.size();
    const char* last = token.data() + token.size();
    auto [ptr, ec] = std::from_chars(first, last, value);
    if (ec != std::errc() || ptr != last) return std::nullopt;
    return value;
}

}  // namespace nf
