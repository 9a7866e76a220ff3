// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <optional>
#include <string_view>

namespace nf {

// The whole number after `prefix` in a token ("POS_12", "POS_" -> 12), or nothing when the token does not start
// with the prefix or the rest is not a whole number ("POS_", "POS_1x"). Every tokenizer reads its tokens with it.
std::optional<int> tokenNumber(std::string_view token, std::string_view prefix);

}  // namespace nf
