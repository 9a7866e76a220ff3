// SPDX-License-Identifier: GPL-3.0-or-later
// Tiny models of every kind trained on real music, for the generation tests. Training takes seconds, but
// ctest runs every test in its own process, so each model is trained once and kept under the build folder
// (a lock file makes parallel test processes train it once: training is not bit-identical between processes, so a
// second training replacing the file would change the model under a test that already used it).
#pragma once

#include <fcntl.h>
#include <gtest/gtest.h>
#include <sys/file.h>
#include <unistd.h>

#include <filesystem>
#include <string>

#include "TrainingTestUtil.h"
#include "tokenize/CorpusBuilder.h"
#include "training/Trainer.h"

namespace nf::test {

// Where each kind's training data comes from: drums and several tracks for events (openmsx band arrangements),
// piano and melodies for paper-midi, Nottingham tunes for paper-abc.
inline std::string generationTestData(const std::string& kind) {
    namespace fs = std::filesystem;
    if (kind == "lstm" && fs::exists(fs::path(NF_SHARED_DATA) / "midi/openmsx"))
        return (fs::path(NF_SHARED_DATA) / "midi/openmsx").string();
    if (kind == "paper-abc" || kind == "remi") return (fs::path(NF_SOURCE_DIR) / "resources/demo/abc").string();
    return (fs::path(NF_SOURCE_DIR) / "resources/demo/midi/pianobooster").string();
}

inline std::string generationTestModel(const std::string& kind) {
    namespace fs = std::filesystem;
    const fs::path dir = fs::path(NF_BINARY_DIR) / "test-generation-models";
    const fs::path path = dir / (kind + "-v4.nfm");
    if (fs::exists(path)) return path.string();
    fs::create_directories(dir);
    const int lock = ::open((dir / (kind + ".lock")).c_str(), O_CREAT | O_RDWR | O_CLOEXEC, 0644);
    if (lock >= 0) ::flock(lock, LOCK_EX);  // released when the process ends
    if (fs::exists(path)) {
        if (lock >= 0) ::close(lock);
        return path.string();
    }
    // "remi": the lstm on the remi representation (bars, tracks, controls, infill examples).
    TrainingConfig config = tinyConfig(parseEnum<ModelKind>(kind == "remi" ? "lstm" : kind));
    if (kind == "remi") config.tokenizer.kind = TokenizerKind::Remi;
    CorpusOptions options;
    options.useCache = false;
    TokenizedCorpus corpus = buildCorpus(generationTestData(kind), config.tokenizer, options);
    // A few pieces are enough to learn something; the vocabulary still covers the whole set.
    const std::size_t keep = kind == "paper-abc" ? 60 : kind == "remi" ? 20 : 3;
    if (corpus.pieces.size() > keep) corpus.pieces.resize(keep);
    for (auto& p : corpus.pieces)
        if (p.ids.size() > 1500 && kind != "remi") p.ids.resize(1500);
    corpus.fingerprint = contentFingerprint(corpus);
    config.epochs = 1;
    if (kind == "paper-abc") {
        // Characters need a little more learning before tunes look like ABC at all.
        config.model.hiddenSize = 128;
        config.seqLength = 64;
        config.batchSize = 16;
        config.epochs = 20;
    }
    // Trained under another name and moved into place when done: the trainer writes the best model after every
    // improving epoch, and another test process must never pick up (and then lose) one of those.
    const fs::path training = dir / (kind + "-v4.training.nfm");
    Trainer(config, {training.string()}).run(corpus);
    fs::rename(training, path);
    if (lock >= 0) ::close(lock);
    return path.string();
}

}  // namespace nf::test
