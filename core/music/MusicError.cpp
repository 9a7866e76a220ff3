// SPDX-License-Identifier: GPL-3.0-or-later
#include "music/MusicError.h"

namespace nf {

MusicError::MusicError(std::string file, std::string message)
    : MusicError(std::move(file), Where::None, 0, std::move(message)) {}

MusicError::MusicError(std::string file, Where where, std::int64_t position, std::string message)
    : std::runtime_error(format(file, where, position, message)),
      file_(std::move(file)),
      message_(std::move(message)),
      where_(where),
      position_(position) {}

MusicError MusicError::atLine(std::string file, std::int64_t line, std::string message) {
    return MusicError(std::move(file), Where::Line, line, std::move(message));
}

MusicError MusicError::atByte(std::string file, std::int64_t byte, std::string message) {
    return MusicError(std::move(file), Where::Byte, byte, std::move(message));
}

std::string MusicError::format(const std::string& file, Where where, std::int64_t position,
                               const std::string& message) {
    std::string out = file.empty() ? std::string("<input>") : file;
    // Appended piecewise: GCC 12 at -O3 reports a false -Wrestrict for `":" + std::to_string(...)`.
    if (where == Where::Line) out += ':';
    if (where == Where::Byte) out += ":@";
    if (where != Where::None) out += std::to_string(position);
    out += ": ";
    out += message;
    return out;
}

}  // namespace nf
