// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "music/MusicError.h"
#include "music/Score.h"

namespace nf {

// One tune of an ABC file: its header facts and, when it parsed, its Score. A malformed tune carries its error
// and the other tunes of the file still load.
struct AbcTune {
    int number = 0;          // X: field
    std::string title;       // first T: field
    int firstLine = 0;       // 1-based line of its X: in the file
    std::string text;        // the tune's source text (header + body), as the abc-chars tokenizer needs it
    std::optional<Score> score;      // melody on channel 0 (track 0), further voices as further tracks
    std::optional<MusicError> error; // set when score is empty
    std::vector<MusicWarning> warnings;
};

struct AbcReadOptions {
    int ppq = 480;
    // Adds tracks that play the guitar chords ("Am7") as bass + chord accompaniment on channels 1 and 2.
    bool accompaniment = false;
};

// Texts larger than this are refused (readAbcText returns one tune carrying the error; readAbcFile throws).
constexpr std::size_t kMaxAbcTextBytes = 16u * 1024u * 1024u;

// Parses every tune of an ABC text. Never throws for bad music; `name` is used in messages only.
std::vector<AbcTune> readAbcText(std::string_view text, const std::string& name, const AbcReadOptions& options = {});
// Reads a file; throws MusicError when it cannot be read at all (missing, too large, not text).
std::vector<AbcTune> readAbcFile(const std::string& path, const AbcReadOptions& options = {});

}  // namespace nf
