// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <string>
#include <vector>

namespace nf {

// One playable instrument of a soundfont, as a MIDI channel selects it.
struct SoundfontPreset {
    int bank = 0;     // 0..16383; 128 is the General MIDI percussion bank
    int program = 0;  // 0..127
    std::string name;
    bool operator==(const SoundfontPreset&) const = default;
};

// What a soundfont file holds, read from its headers alone (no sample data is loaded).
struct SoundfontInfo {
    std::string path;
    std::string name;         // INAM of the INFO list; the file name when empty
    int versionMajor = 2;     // 2 = SF2, 3 = SF3 (Ogg Vorbis compressed samples)
    int versionMinor = 1;
    std::vector<SoundfontPreset> presets;  // sorted by (bank, program)

    bool isSf3() const { return versionMajor == 3; }
    // True when bank 0 covers (nearly) every General MIDI program and a drum kit is present: the soundfont can
    // play any GM file as intended. A few holes are tolerated because several common GM fonts lack some programs.
    bool isGeneralMidi() const;
    const SoundfontPreset* find(int bank, int program) const;
};

}  // namespace nf
