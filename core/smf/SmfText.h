// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <cstddef>
#include <cstdint>
#include <string>

namespace nf::smf {

// Text of a MIDI meta event (track name, lyric) as UTF-8. SMF does not say which encoding texts use; modern
// files write UTF-8 and old ones Latin-1, so valid UTF-8 is kept and anything else is read as Latin-1. The
// result is always valid UTF-8, which the JSON output and the Qt UI need. Trailing NUL padding that some
// sequencers write is dropped.
std::string midiTextToUtf8(const std::uint8_t* data, std::size_t size);

}  // namespace nf::smf
