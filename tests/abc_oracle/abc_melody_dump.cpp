// SPDX-License-Identifier: GPL-3.0-or-later
// Test helper for the abc2midi oracle: prints the notes NoteForge reads from ABC tunes, in beats, so that
// compare_abc2midi.py can compare them with what abc2midi writes, without needing the MIDI writer.
//
//   abc_melody_dump FILE [X]     every tune (or tune X): "tune N", then "track T CHANNEL" and one
//                                "ONSET PITCH DURATION" line per note, or "error MESSAGE".
#include <cstdio>
#include <cstdlib>
#include <string>

#include "abc/AbcReader.h"

int main(int argc, char** argv) {
    if (argc < 2) {
        std::fprintf(stderr, "usage: abc_melody_dump FILE [X]\n");
        return 2;
    }
    const int only = argc > 2 ? std::atoi(argv[2]) : -1;
    try {
        for (const nf::AbcTune& tune : nf::readAbcFile(argv[1])) {
            if (only >= 0 && tune.number != only) continue;
            std::printf("tune %d\n", tune.number);
            if (!tune.score) {
                std::printf("error %s\n", tune.error ? tune.error->what() : "no score");
                continue;
            }
            const nf::Score& s = *tune.score;
            const double ppq = s.ppq();
            for (std::size_t t = 0; t < s.tracks.size(); ++t) {
                std::printf("track %zu %d\n", t, s.tracks[t].channel);
                for (const nf::Note& n : s.tracks[t].notes)
                    std::printf("%.6f %d %.6f\n", n.start / ppq, n.pitch, n.duration / ppq);
            }
            if (only >= 0) break;
        }
    } catch (const std::exception& e) {
        std::fprintf(stderr, "%s\n", e.what());
        return 1;
    }
    return 0;
}
