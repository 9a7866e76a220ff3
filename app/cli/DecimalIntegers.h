// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <optional>
#include <string>
#include <string_view>

namespace CLI {
class App;
}

namespace nf::cli {

// The decimal integer `text` spells ("0012" -> "12", "-007" -> "-7"), or nullopt when it is not one (empty,
// "0x10", "1e3", "12abc"). Users copy tune numbers as the file writes them (X:0012), so a leading zero never
// means octal.
std::optional<std::string> decimalInteger(std::string_view text);

// Makes every integer option of `app` and of all its subcommands read its value as decimal: CLI11 2.1 converts
// integers with strtoll(..., 0), which takes "0012" as octal 10 and refuses "0019". Each option's value is
// rewritten to plain decimal before its checks and its conversion run; anything else is a usage error naming
// the option. Call it once every subcommand has been added.
void readIntegersAsDecimal(CLI::App& app);

}  // namespace nf::cli
