// SPDX-License-Identifier: GPL-3.0-or-later
#include "TrainingTestUtil.h"

#include <algorithm>
#include <cmath>
#include <fstream>
#include <random>
#include <sstream>

#include "tokenize/CorpusBuilder.h"
#include "training/ModelFile.h"
#include "training/TrainingEventLog.h"

namespace nf::test {

TempDir::TempDir(const std::string& tag) {
    std::random_device rd;
    path_ = std::filesystem::temp_directory_path() / ("nf-training-" + tag + "-" + std::to_string(rd()));
    std::filesystem::create_directories(path_);
}

TempDir::~TempDir() {
    std::error_code ec;
    std::filesystem::remove_all(path_, ec);
}

TokenizedCorpus patternCorpus(int pieces, int tokensPerPiece, int vocab) {
    TokenizedCorpus c;
    c.tokenizer.kind = TokenizerKind::Events;
    std::vector<std::string> names;
    for (int i = 0; i < vocab; ++i) names.push_back(numberedName("t", i, ""));
    c.vocab = Vocabulary(names);
    // Period 12; 0 is followed by 1, 2 or 3 depending on the token before it.
    const std::vector<int> pattern = {0, 1, 4, 0, 2, 5, 0, 3, 4, 1, 0, 2};
    for (int p = 0; p < pieces; ++p) {
        TokenizedPiece piece;
        piece.file = numberedName("piece", p, ".mid");
        for (int i = 0; i < tokensPerPiece; ++i) piece.ids.push_back(pattern[static_cast<std::size_t>((i + p) % 12)] % vocab);
        c.pieces.push_back(piece);
    }
    c.fingerprint = contentFingerprint(c);
    return c;
}

TrainingConfig tinyConfig(ModelKind kind) {
    TrainingConfig c = TrainingConfig::forModel(kind);
    c.model.embedDim = 16;
    c.model.hiddenSize = 32;
    c.model.layers = kind == ModelKind::Lstm ? 1 : 2;
    c.model.dropout = 0.0;
    c.model.denseSize = kind == ModelKind::PaperMidi ? 16 : 0;
    c.model.denseDropout = 0.0;
    c.optimizer.learningRate = 1e-2;
    c.optimizer.schedule = LrSchedule::None;
    c.optimizer.warmupSteps = 0;
    c.batchSize = 4;
    c.seqLength = kind == ModelKind::PaperMidi ? 8 : 12;
    if (c.model.isTransformer()) {
        c.model.heads = 2;      // heads of 8 dimensions: padded to 16 in the decoder, which the tests then cover
        c.seqLength = 24;       // a context of two periods of patternCorpus()
        c.optimizer.weightDecay = 0.0;
    }
    c.epochs = 2;
    c.valShare = 0.0;
    c.threads = 1;
    c.device = "cpu";
    c.checkpointEvery = 0;
    c.metricsEverySteps = 0;
    return c;
}

EventRecorder readEventLog(const std::string& path) {
    std::ifstream in(path);
    std::stringstream text;
    text << in.rdbuf();
    EventRecorder r;
    TrainingEventReader reader(r);
    reader.feed(text.str());
    return r;
}

double weightDistance(const std::string& a, const std::string& b) {
    const ModelFile fa = readModelFile(a), fb = readModelFile(b);
    double worst = 0;
    for (const NamedTensor& t : fa.tensors) {
        const NamedTensor* u = fb.findTensor(t.name);
        if (!u || u->values.size() != t.values.size()) return INFINITY;
        for (std::size_t i = 0; i < t.values.size(); ++i)
            worst = std::max(worst, std::abs(double(t.values[i]) - u->values[i]) / (1.0 + std::abs(double(t.values[i]))));
    }
    return worst;
}

}  // namespace nf::test
