// SPDX-License-Identifier: GPL-3.0-or-later
#include "abc/AbcText.h"

namespace nf::abc {

std::vector<TextLine> splitLines(std::string_view text) {
    std::vector<TextLine> lines;
    std::size_t start = 0;
    int number = 1;
    for (std::size_t i = 0; i < text.size(); ++i) {
        const char c = text[i];
        if (c != '\n' && c != '\r') continue;
        lines.push_back({text.substr(start, i - start), number++});
        if (c == '\r' && i + 1 < text.size() && text[i + 1] == '\n') ++i;
        start = i + 1;
    }
    if (start < text.size()) lines.push_back({text.substr(start), number});
    return lines;
}

std::string_view trim(std::string_view s) {
    while (!s.empty() && (isSpace(s.front()) || s.front() == '\f' || s.front() == '\v')) s.remove_prefix(1);
    while (!s.empty() && (isSpace(s.back()) || s.back() == '\f' || s.back() == '\v')) s.remove_suffix(1);
    return s;
}

std::string_view stripComment(std::string_view s) {
    for (std::size_t i = 0; i < s.size(); ++i) {
        if (s[i] == '\\' && i + 1 < s.size()) {
            ++i;  // "\%" is a literal percent sign, not a comment
            continue;
        }
        if (s[i] == '%') return s.substr(0, i);
    }
    return s;
}

bool startsWithNoCase(std::string_view s, std::string_view prefix) {
    if (s.size() < prefix.size()) return false;
    for (std::size_t i = 0; i < prefix.size(); ++i)
        if (toLower(s[i]) != toLower(prefix[i])) return false;
    return true;
}

int Scanner::number(int maxValue) {
    long long v = 0;
    while (!atEnd() && isDigit(s_[pos_])) {
        if (v <= maxValue) v = v * 10 + (s_[pos_] - '0');
        ++pos_;
    }
    return static_cast<int>(v > maxValue ? maxValue : v);
}

}  // namespace nf::abc
