// SPDX-License-Identifier: GPL-3.0-or-later
#include <gtest/gtest.h>

#include <cmath>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <set>

#include "TrainingTestUtil.h"
#include "tokenize/CorpusBuilder.h"
#include "tokenize/TokenCache.h"
#include "tokenize/ValidationSplit.h"

using namespace nf;
namespace fs = std::filesystem;

TEST(ValidationSplit, WholePiecesOnExactlyOneSide) {
    for (std::size_t n : {2u, 3u, 10u, 31u, 200u}) {
        for (double share : {0.01, 0.1, 0.5, 0.9}) {
            const auto s = splitByPiece(n, share, 7);
            std::set<std::size_t> train(s.train.begin(), s.train.end()), val(s.validation.begin(), s.validation.end());
            EXPECT_EQ(train.size() + val.size(), n);
            for (auto v : val) EXPECT_EQ(train.count(v), 0u);
            EXPECT_GE(val.size(), 1u) << "at least one piece is held out";
            EXPECT_GE(train.size(), 1u);
            EXPECT_LE(val.size(), std::max<std::size_t>(1, static_cast<std::size_t>(std::llround(share * n)) + 1));
        }
    }
    EXPECT_EQ(splitByPiece(1, 0.1, 7).validation.size(), 0u);  // one piece: it is needed for training
    EXPECT_EQ(splitByPiece(10, 0.0, 7).validation.size(), 0u);
    EXPECT_EQ(splitByPiece(50, 0.1, 7).validation, splitByPiece(50, 0.1, 7).validation);
    EXPECT_NE(splitByPiece(50, 0.1, 7).validation, splitByPiece(50, 0.1, 8).validation);
}

TEST(TokenCache, StoresAndRejectsDamage) {
    test::TempDir dir("cache");
    TokenCache cache(dir.path().string());
    auto corpus = test::patternCorpus(3, 50);
    corpus.problems = {"x.mid:@3: bad"};
    ASSERT_TRUE(cache.store("k1", corpus));
    const auto back = cache.load("k1");
    ASSERT_TRUE(back.has_value());
    EXPECT_TRUE(back->fromCache);
    EXPECT_EQ(back->vocab, corpus.vocab);
    EXPECT_EQ(back->fingerprint, corpus.fingerprint);
    EXPECT_EQ(back->problems, corpus.problems);
    ASSERT_EQ(back->pieces.size(), 3u);
    EXPECT_EQ(back->pieces[2].ids, corpus.pieces[2].ids);
    EXPECT_FALSE(cache.load("k2").has_value());
    fs::resize_file(cache.pathFor("k1"), fs::file_size(cache.pathFor("k1")) - 5);
    EXPECT_FALSE(cache.load("k1").has_value());
}

// Real data: the bundled ABC tunes. Tunes are pieces, the cache lives under XDG_CACHE_HOME and nothing is
// written beside the data; editing a file invalidates the cache.
TEST(CorpusBuilder, TokenizesRealAbcTunesWithACacheOutsideTheData) {
    const fs::path demo = fs::path(NF_SOURCE_DIR) / "resources/demo/abc";
    if (!fs::exists(demo)) GTEST_SKIP() << "no demo ABC data";
    test::TempDir tmp("corpus");
    const fs::path data = tmp.path() / "data";
    fs::create_directories(data);
    for (const auto& e : fs::directory_iterator(demo))
        if (e.path().extension() == ".abc") fs::copy_file(e.path(), data / e.path().filename());
    setenv("XDG_CACHE_HOME", (tmp.path() / "xdg").c_str(), 1);
    EXPECT_EQ(defaultCacheDir(), (tmp.path() / "xdg" / "noteforge").string());

    TokenizerSettings settings;
    settings.kind = TokenizerKind::AbcChars;
    const auto first = buildCorpus(data.string(), settings);
    EXPECT_FALSE(first.fromCache);
    EXPECT_GE(first.pieces.size(), 50u);
    std::set<std::pair<std::string, int>> tunes;
    for (const auto& p : first.pieces) {
        EXPECT_GE(p.tuneNumber, 1) << p.file;
        tunes.insert({p.file, p.tuneNumber});
        EXPECT_EQ(first.vocab.token(p.ids.front()), "<tune>");
    }
    EXPECT_EQ(tunes.size(), first.pieces.size());

    const auto second = buildCorpus(data.string(), settings);
    EXPECT_TRUE(second.fromCache);
    EXPECT_EQ(second.fingerprint, first.fingerprint);
    EXPECT_EQ(second.vocab, first.vocab);
    std::size_t dataFiles = 0;
    for ([[maybe_unused]] const auto& e : fs::recursive_directory_iterator(data)) ++dataFiles;
    EXPECT_EQ(dataFiles, 2u) << "nothing may be written beside the data";
    EXPECT_TRUE(fs::exists(tmp.path() / "xdg" / "noteforge" / "tokens"));

    std::ofstream(data / "extra.abc") << "X:1\nT:Extra\nM:4/4\nL:1/8\nK:D\nDEFG ABcd|\n";
    const auto third = buildCorpus(data.string(), settings);
    EXPECT_FALSE(third.fromCache);
    EXPECT_EQ(third.pieces.size(), first.pieces.size() + 1);
    EXPECT_NE(third.fingerprint, first.fingerprint);

    settings.kind = TokenizerKind::Events;
    EXPECT_FALSE(buildCorpus(data.string(), settings).fromCache);  // settings are part of the key
    unsetenv("XDG_CACHE_HOME");
}
