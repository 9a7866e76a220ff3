// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <atomic>
#include <functional>
#include <string>

#include "dataset/Dataset.h"
#include "tokenize/TokenizedCorpus.h"

namespace nf {

struct CorpusOptions {
    // Which pieces to use: Unknown means every piece that loads (MIDI and ABC alike).
    MusicFormat format = MusicFormat::Unknown;
    bool useCache = true;
    std::string cacheDir;  // empty: defaultCacheDir()
    std::function<void(const LoadProgress&)> onProgress;
    const std::atomic<bool>* cancel = nullptr;
};

// Loads, tokenizes and numbers a data file or folder, or takes it from the token cache when neither the files
// nor the settings changed. Pieces that cannot be tokenized are left out and listed in `problems`. The
// vocabulary is built from every usable piece (training and validation alike), sorted, so it is reproducible.
// Throws std::runtime_error when nothing usable remains (the message lists the first problems).
TokenizedCorpus buildCorpus(const std::string& dataPath, const TokenizerSettings& settings,
                            const CorpusOptions& options = {});

// The same for a data set already in memory (no cache): what the GUI uses after showing the data set.
TokenizedCorpus tokenizeDataset(const Dataset& dataset, const TokenizerSettings& settings,
                                MusicFormat format = MusicFormat::Unknown);

}  // namespace nf
