// SPDX-License-Identifier: GPL-3.0-or-later
// libFuzzer target for the ABC reader (and the writer on what it reads): any input must be read without
// crashing, hanging, reading out of bounds or undefined behaviour, and never throw.
#include <cstddef>
#include <cstdint>
#include <string_view>

#include "abc/AbcReader.h"
#include "abc/AbcWriter.h"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    const std::string_view text(reinterpret_cast<const char*>(data), size);
    nf::AbcReadOptions options;
    options.accompaniment = size > 0 && (data[0] & 1);  // half the inputs also build the accompaniment
    for (const nf::AbcTune& tune : nf::readAbcText(text, "fuzz.abc", options)) {
        if (!tune.score) continue;
        const int track = nf::firstMonophonicTrack(*tune.score);
        if (track < 0) continue;
        // What the writer makes of it must read back without error.
        const std::string written = nf::writeAbc(*tune.score, static_cast<std::size_t>(track));
        for (const nf::AbcTune& back : nf::readAbcText(written, "written.abc"))
            if (!back.score) __builtin_trap();
    }
    return 0;
}
