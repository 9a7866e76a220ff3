// SPDX-License-Identifier: GPL-3.0-or-later
// Helpers shared by the ABC reader and writer tests.
#pragma once

#include <gtest/gtest.h>

#include <algorithm>
#include <cmath>
#include <ostream>
#include <string>
#include <vector>

#include "abc/AbcReader.h"

namespace nf::abctest {

// A note in beats (quarter notes), easy to write expected values for.
struct BeatNote {
    double onset;
    int pitch;
    double length;
    bool operator==(const BeatNote& o) const {
        return std::abs(onset - o.onset) < 1e-3 && pitch == o.pitch && std::abs(length - o.length) < 1e-3;
    }
};

inline std::ostream& operator<<(std::ostream& os, const BeatNote& n) {
    return os << "{" << n.onset << ", " << n.pitch << ", " << n.length << "}";
}

inline std::vector<BeatNote> beats(const Score& s, std::size_t track = 0) {
    std::vector<BeatNote> out;
    if (track >= s.tracks.size()) return out;
    for (const Note& n : s.tracks[track].notes)
        out.push_back({static_cast<double>(n.start) / s.ppq(), n.pitch, static_cast<double>(n.duration) / s.ppq()});
    return out;
}

inline std::vector<int> pitches(const Score& s, std::size_t track = 0) {
    std::vector<int> out;
    if (track < s.tracks.size())
        for (const Note& n : s.tracks[track].notes) out.push_back(n.pitch);
    return out;
}

// Reads one tune from text; fails the test when it does not parse.
inline Score readOne(const std::string& text, const AbcReadOptions& options = {}) {
    auto tunes = readAbcText(text, "test.abc", options);
    EXPECT_EQ(tunes.size(), 1u);
    if (tunes.empty()) return Score();
    EXPECT_TRUE(tunes[0].score.has_value()) << (tunes[0].error ? tunes[0].error->what() : "");
    return tunes[0].score ? *tunes[0].score : Score();
}

// A tune of header lines plus a body, with X:1 and T: added.
inline Score body(const std::string& header, const std::string& music) {
    return readOne("X:1\nT:t\n" + header + "\n" + music + "\n");
}

inline std::string fixture(const std::string& name) { return std::string(NF_TEST_DATA_DIR) + "/abc/" + name; }

// Tune `number` of a fixture file.
inline Score fixtureTune(const std::string& name, int number) {
    for (const AbcTune& t : readAbcFile(fixture(name))) {
        if (t.number != number) continue;
        EXPECT_TRUE(t.score.has_value()) << (t.error ? t.error->what() : "");
        return t.score ? *t.score : Score();
    }
    ADD_FAILURE() << "no tune " << number << " in " << name;
    return Score();
}

}  // namespace nf::abctest
