// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <filesystem>
#include <string>
#include <vector>

#include "tokenize/TokenizedCorpus.h"
#include "training/TrainingConfig.h"

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

}  // namespace nf::test
