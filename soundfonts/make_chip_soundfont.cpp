// SPDX-License-Identifier: GPL-3.0-or-later
// Build-time tool: writes NoteForge's bundled chip soundfont. Usage: make_chip_soundfont OUT.sf2
#include <exception>
#include <iostream>

#include "ChipSoundfont.h"
#include "audio/Sf2Writer.h"

int main(int argc, char** argv) {
    if (argc != 2) {
        std::cerr << "usage: make_chip_soundfont OUT.sf2\n";
        return 2;
    }
    try {
        nf::writeSf2File(nf::buildChipSoundfont(), argv[1]);
    } catch (const std::exception& e) {
        std::cerr << "make_chip_soundfont: " << e.what() << '\n';
        return 1;
    }
    return 0;
}
