// SPDX-License-Identifier: GPL-3.0-or-later
#include "remote/ShellQuote.h"

namespace nf {

std::string shellQuote(std::string_view text) {
    std::string out = "'";
    for (char c : text) {
        if (c == '\'') out += "'\\''";
        else out += c;
    }
    out += '\'';
    return out;
}

}  // namespace nf
