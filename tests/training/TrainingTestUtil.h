// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <filesystem>
#include <string>
#include <vector>

#include "tokenize/TokenizedCorpus.h"
#include "training/TrainingConfig.h"
#include "training/TrainingMetrics.h"

namespace nf::test {

// A fresh empty folder under the system temp dir, removed when the object dies.
class TempDir {
public:
    explicit TempDir(const std::string& tag);
    ~TempDir();
    TempDir(const TempDir&) = delete;
    TempDir& operator=(const TempDir&) = delete;
    const std::filesystem::path& path() const { return path_; }
    std::string file(const std::string& name) const { return (path_ / name).string(); }

private:
    std::filesystem::path path_;
};

// PREFIX + N + SUFFIX ("v-" 2 ".mid" -> "v-2.mid"), appended piece by piece: GCC 12 warns wrongly (-Wrestrict) about
// "literal" + std::to_string(...) temporaries.
inline std::string numberedName(const std::string& prefix, long long n, const std::string& suffix) {
    std::string name = prefix;
    return name.append(std::to_string(n)).append(suffix);
}

// A corpus of `pieces` pieces over a vocabulary of `vocab` tokens ("t0", "t1", ...). Each piece repeats a fixed
// pattern in which the next token depends on the two before it, so a small LSTM can learn it perfectly.
TokenizedCorpus patternCorpus(int pieces, int tokensPerPiece, int vocab = 6);

// A tiny, quick configuration of the given model kind for tests (CPU, one thread).
TrainingConfig tinyConfig(ModelKind kind);

// A training event log (--events) read back as the studio reads it: every event kept.
struct EventRecorder final : TrainingObserver {
    std::vector<TrainingStart> starts;
    std::vector<TrainingProgress> progress;
    std::vector<MetricsRow> rows;
    std::vector<TrainingResult> results;
    void onStart(const TrainingStart& s) override { starts.push_back(s); }
    void onProgress(const TrainingProgress& p) override { progress.push_back(p); }
    void onMetrics(const MetricsRow& r) override { rows.push_back(r); }
    void onFinish(const TrainingResult& r) override { results.push_back(r); }
};
EventRecorder readEventLog(const std::string& path);

// The largest difference between two model files' weights, relative to each weight's size (1 + |w|); infinite
// when their tensors differ in names or sizes.
double weightDistance(const std::string& a, const std::string& b);

}  // namespace nf::test
