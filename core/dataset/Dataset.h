// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <atomic>
#include <functional>
#include <string>
#include <vector>

#include "music/Score.h"

namespace nf {

enum class MusicFormat { Unknown, Midi, Abc };

// One piece of music of a dataset: a whole MIDI file, or one tune of an ABC file.
struct Piece {
    std::string file;        // path as found
    int tuneNumber = -1;     // ABC X: number; -1 for MIDI
    std::string title;
    std::string abcText;     // the tune's source text, ABC only
    Score score;
};

// What became of one file while loading: every file gets one entry, good or bad.
struct FileStatus {
    std::string file;
    MusicFormat format = MusicFormat::Unknown;
    bool ok = false;
    // Not music at all (neither content nor extension says MIDI/ABC) while scanning a folder: listed so nothing
    // vanishes silently, but not counted as a failure (READMEs and licence files live beside tunes).
    bool skipped = false;
    std::string error;                 // one line "FILE:LINE: msg" / "FILE:@BYTE: msg" when !ok
    std::vector<std::string> warnings;
    int pieces = 0;                    // tunes (ABC) or 1 (MIDI)
    int failedTunes = 0;               // ABC tunes that did not parse (their errors are in warnings)
    std::vector<std::string> tuneErrors;  // the same errors alone, one line per failed tune
    int tracks = 0;
    std::size_t notes = 0;
    double seconds = 0;
};

struct Dataset {
    std::string root;
    std::vector<Piece> pieces;
    std::vector<FileStatus> files;
    bool cancelled = false;
};

struct LoadProgress {
    std::size_t done = 0;
    std::size_t total = 0;
    std::string currentFile;
};

// Detects the format from the content (MThd header / ABC fields), falling back to the extension.
MusicFormat detectMusicFormat(const std::string& path);

// Loads a file or a folder (recursively, sorted by path so results are reproducible). Bad files are listed in
// `files` with their error; good files still load. Hidden entries (names starting with '.') are not visited.
// Folder files are read by a pool of threads; `pieces` and `files` are nevertheless in path order.
// `onProgress` is called after each file from one of the loading threads, never two calls at once;
// `cancel` is polled between files (files not reached are left out and `cancelled` is set).
Dataset loadDataset(const std::string& path, const std::function<void(const LoadProgress&)>& onProgress = {},
                    const std::atomic<bool>* cancel = nullptr);

// The files loadDataset() visits in a folder, in its order (every regular file not under a hidden entry, sorted).
std::vector<std::string> listDataFiles(const std::string& folder);

// Loads these files of a folder, one after the other, as loadDataset() loads them (a file that is neither MIDI nor
// ABC is listed as skipped): the token shards (tokenize/TokenShards.h) read a folder a group of files at a time.
Dataset loadDataFiles(const std::vector<std::string>& paths);

}  // namespace nf
