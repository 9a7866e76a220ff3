// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <cstdint>
#include <string>
#include <vector>

#include "audio/Sf2Bank.h"

namespace nf {

// Serialises a bank as a SoundFont 2.01 file (RIFF 'sfbk': INFO, sdta with 16-bit samples, pdta hydra).
// Throws std::invalid_argument naming the element when the bank is inconsistent (a zone pointing at a missing
// sample, loop points outside the sample, a bank or program out of range).
std::vector<std::uint8_t> writeSf2(const Sf2Bank& bank);
// Writes atomically; throws std::runtime_error naming the file on I/O failure.
void writeSf2File(const Sf2Bank& bank, const std::string& path);

}  // namespace nf
