// SPDX-License-Identifier: GPL-3.0-or-later
#include "cli/DecimalIntegers.h"

#include <CLI/CLI.hpp>

namespace nf::cli {

namespace {

bool isIntegerOption(const CLI::Option& option) {
    // CLI11's names for the value types it converts with strtoll/strtoull (also for optionals and vectors of them).
    const std::string type = option.get_type_name();
    return type == "INT" || type == "UINT";
}

void rewriteIntegerOptions(CLI::App& app) {
    for (CLI::Option* option : app.get_options()) {
        if (!isIntegerOption(*option)) continue;
        option->transform(CLI::Validator(
            [](std::string& value) -> std::string {
                const auto digits = decimalInteger(value);
                if (!digits) return "'" + value + "' is not a decimal integer";
                value = *digits;
                return {};
            },
            std::string{}, "decimal"));
    }
    for (CLI::App* sub : app.get_subcommands([](CLI::App*) { return true; })) rewriteIntegerOptions(*sub);
}

}  // namespace

std::optional<std::string> decimalInteger(std::string_view text) {
    std::string sign;
    if (!text.empty() && (text.front() == '-' || text.front() == '+')) {
        if (text.front() == '-') sign = "-";
        text.remove_prefix(1);
    }
    if (text.empty()) return std::nullopt;
    for (char c : text)
        if (c < '0' || c > '9') return std::nullopt;
    while (text.size() > 1 && text.front() == '0') text.remove_prefix(1);
    if (text == "0") return std::string(text);
    return sign + std::string(text);
}

void readIntegersAsDecimal(CLI::App& app) { rewriteIntegerOptions(app); }

}  // namespace nf::cli
