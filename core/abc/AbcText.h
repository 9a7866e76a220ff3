// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <cstdint>
#include <string_view>
#include <vector>

namespace nf::abc {

// Small scanning helpers shared by the ABC field parsers and the music-line lexer. Everything works on
// string_views into the caller's text: parsing a tune allocates per event, never per character.

// One physical line of a file (without its line terminator) and its 1-based number.
struct TextLine {
    std::string_view text;
    int number = 0;
};

// Splits text into lines at \n, \r\n or \r.
std::vector<TextLine> splitLines(std::string_view text);

std::string_view trim(std::string_view s);
// Removes a trailing % comment, honouring the \% escape.
std::string_view stripComment(std::string_view s);
bool startsWithNoCase(std::string_view s, std::string_view prefix);
inline bool isDigit(char c) { return c >= '0' && c <= '9'; }
inline bool isSpace(char c) { return c == ' ' || c == '\t'; }
inline char toLower(char c) { return (c >= 'A' && c <= 'Z') ? static_cast<char>(c - 'A' + 'a') : c; }

// Cursor over a string_view; numbers are clamped so that hostile input cannot overflow later arithmetic.
class Scanner {
public:
    explicit Scanner(std::string_view s) : s_(s) {}
    bool atEnd() const { return pos_ >= s_.size(); }
    char peek(std::size_t ahead = 0) const { return pos_ + ahead < s_.size() ? s_[pos_ + ahead] : '\0'; }
    char get() { return atEnd() ? '\0' : s_[pos_++]; }
    bool accept(char c) {
        if (peek() != c || atEnd()) return false;
        ++pos_;
        return true;
    }
    void skipSpaces() {
        while (!atEnd() && isSpace(s_[pos_])) ++pos_;
    }
    bool atDigit() const { return isDigit(peek()); }
    // Reads decimal digits (at least one must be present), clamping the value to `maxValue`.
    int number(int maxValue = kMaxNumber);
    std::size_t pos() const { return pos_; }
    void setPos(std::size_t p) { pos_ = p; }
    std::string_view rest() const { return s_.substr(pos_ < s_.size() ? pos_ : s_.size()); }
    std::string_view text() const { return s_; }

    static constexpr int kMaxNumber = 100000;

private:
    std::string_view s_;
    std::size_t pos_ = 0;
};

}  // namespace nf::abc
