// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <cstdint>
#include <span>
#include <string>

namespace nf {

// Writes `bytes` to `path` atomically: a temporary file in the same folder, flushed and fsync'ed, then renamed
// over the target, so a crash or a full disk never leaves a half-written model, checkpoint or project.
// Throws std::runtime_error with a one-line message naming the file on failure (the target is untouched).
void writeFileAtomically(const std::string& path, std::span<const std::uint8_t> bytes);
void writeFileAtomically(const std::string& path, const std::string& text);

}  // namespace nf
