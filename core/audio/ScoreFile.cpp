// SPDX-License-Identifier: GPL-3.0-or-later
#include "audio/ScoreFile.h"

#include <filesystem>
#include <stdexcept>

#include "dataset/Dataset.h"
#include "music/MusicError.h"

namespace nf {

LoadedScore loadScoreFile(const std::string& path, int tuneNumber) {
    std::error_code ec;
    if (!std::filesystem::is_regular_file(path, ec))
        throw MusicError(path, std::filesystem::exists(path, ec) ? "not a file" : "no such file");
    Dataset data = loadDataset(path);
    for (auto& piece : data.pieces) {
        if (tuneNumber >= 0 && piece.tuneNumber != tuneNumber) continue;
        return {std::move(piece.score), piece.title};
    }
    // The loader already formatted "FILE:WHERE: msg".
    if (!data.files.empty() && !data.files.front().error.empty()) throw std::runtime_error(data.files.front().error);
    if (tuneNumber >= 0) throw MusicError(path, "no tune X:" + std::to_string(tuneNumber) + " that parses");
    throw MusicError(path, "no playable music found");
}

}  // namespace nf
