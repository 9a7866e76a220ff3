// SPDX-License-Identifier: GPL-3.0-or-later
#include "abc/AbcBarSigns.h"

namespace nf::abc {

std::int32_t readBarSigns(std::string_view s) {
    std::uint32_t packed = 0;
    int count = 0;
    auto add = [&](BarSign sign) {
        if (count < kMaxBarSigns) packed |= static_cast<std::uint32_t>(sign) << (4 * count++);
    };
    auto at = [&](std::size_t i) { return i < s.size() ? s[i] : '\0'; };
    std::size_t i = 0;
    while (i < s.size()) {
        const char c = s[i];
        if (c == '|') {
            const char n = at(i + 1);
            if (n == ':') add(BarSign::Start);
            else if (n == '|' || n == ']') add(BarSign::Double);
            else add(BarSign::Single);
            i += (n == ':' || n == '|' || n == ']') ? 2 : 1;
        } else if (c == ':') {
            const char n = at(i + 1);
            if (n == ':') {
                add(BarSign::EndAndStart);
                i += 2;
            } else if (n == '|') {
                add(BarSign::End);
                i += 2;
                if (at(i) == ']') ++i;  // ":|]" is one end sign
            } else {
                add(BarSign::Double);  // a dotted bar
                ++i;
            }
        } else if ((c == '[' || c == ']') && at(i + 1) == '|') {
            add(BarSign::Double);  // "[|" thick-thin, "]|" thin-thick
            i += 2;
            if (c == '[' && at(i) == ':') {  // "[|:": abc2midi reads the start apart
                add(BarSign::Start);
                ++i;
            }
        } else {
            ++i;
        }
    }
    return static_cast<std::int32_t>(packed);
}

}  // namespace nf::abc
