// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <cstdint>
#include <stdexcept>
#include <string>

namespace nf {

// A problem in a user's file, located precisely enough to fix it: text formats give a line, binary formats a
// byte offset. what() is the one-line message shown to the user: "FILE:LINE: message" or "FILE:@BYTE: message".
class MusicError : public std::runtime_error {
public:
    enum class Where { None, Line, Byte };

    MusicError(std::string file, std::string message);
    static MusicError atLine(std::string file, std::int64_t line, std::string message);
    static MusicError atByte(std::string file, std::int64_t byte, std::string message);

    const std::string& file() const { return file_; }
    const std::string& message() const { return message_; }
    Where where() const { return where_; }
    std::int64_t position() const { return position_; }

private:
    MusicError(std::string file, Where where, std::int64_t position, std::string message);
    static std::string format(const std::string& file, Where where, std::int64_t position, const std::string& message);
    std::string file_;
    std::string message_;
    Where where_ = Where::None;
    std::int64_t position_ = 0;
};

// A non-fatal finding while reading (a note never closed, a chunk length that lied): the file still loads.
struct MusicWarning {
    std::string text;  // formatted like MusicError::what()
};

}  // namespace nf
