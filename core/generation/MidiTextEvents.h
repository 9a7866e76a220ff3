// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <cstdint>
#include <span>
#include <string>
#include <vector>

namespace nf {

// The text meta events (type 0x01) of a Standard MIDI File, in file order, as raw bytes. The MIDI reader keeps
// only lyrics; generation recipes travel in plain text events, so they are scanned for here.
// Throws MusicError ("NAME:@BYTE: message") for a file that is not a readable SMF.
std::vector<std::string> midiTextEvents(std::span<const std::uint8_t> bytes, const std::string& name);

}  // namespace nf
