// SPDX-License-Identifier: GPL-3.0-or-later
#include "document/NoteInsight.h"

#include <charconv>

#include "music/PitchNames.h"

namespace nf {

int pitchOfToken(const std::string& token) {
    if (token.rfind("ON_", 0) == 0) {
        int p = -1;
        const char* first = token.data() + 3;
        const char* last = token.data() + token.size();
        auto [ptr, ec] = std::from_chars(first, last, p);
        return ec == std::errc() && ptr == last && p >= 0 && p <= 127 ? p : -1;
    }
    if (auto p = parsePitchName(token)) return *p;
    return -1;
}

}  // namespace nf
