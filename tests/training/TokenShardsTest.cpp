// SPDX-License-Identifier: GPL-3.0-or-later
// Token shards (tokenize/TokenShards.h): a folder tokenized in parallel into shards is the corpus buildCorpus() makes
// of it, piece for piece and fingerprint for fingerprint; an interrupted build continues where it stopped and a
// changed file rebuilds its shard alone; damage is said naming the file; training from shards learns what training
// from the folder learns, also read group by group (--chunk-tokens) and on two ranks; and a generated corpus larger
// than the process's memory limit trains from its shards, where the same corpus read whole does not.
#include <gtest/gtest.h>

#include <sys/wait.h>
#include <unistd.h>

#include <algorithm>
#include <cmath>
#include <filesystem>
#include <fstream>
#include <sstream>

#include "TrainingTestUtil.h"
#include "support/CliRunner.h"
#include "tokenize/CorpusBuilder.h"
#include "tokenize/CorpusFile.h"
#include "tokenize/TokenShards.h"
#include "training/EpochChunks.h"
#include "training/ModelFile.h"
#include "training/TrainingConfig.h"

namespace fs = std::filesystem;

namespace nf {
namespace {

std::string slurp(const std::string& path) { return test::readWholeFile(path); }

TokenizerSettings settingsOf(TokenizerKind kind) {
    TokenizerSettings s = TrainingConfig::forModel(ModelKind::Lstm).tokenizer;
    s.kind = kind;
    return s;
}

std::string demo() { return (fs::path(NF_SOURCE_DIR) / "resources/demo").string(); }

void expectSameCorpus(const TokenizedCorpus& shards, const TokenizedCorpus& memory) {
    EXPECT_EQ(shards.fingerprint, memory.fingerprint);
    EXPECT_EQ(shards.vocab, memory.vocab);
    EXPECT_EQ(shards.problems.size(), std::min<std::size_t>(memory.problems.size(), 20));
    ASSERT_EQ(shards.pieces.size(), memory.pieces.size());
    ASSERT_TRUE(shards.shards);
    EXPECT_EQ(shards.tokenCount(), memory.tokenCount());
    std::vector<std::int32_t> ids;
    for (std::size_t i = 0; i < memory.pieces.size(); ++i) {
        EXPECT_EQ(shards.pieces[i].file, memory.pieces[i].file);
        EXPECT_EQ(shards.pieces[i].tuneNumber, memory.pieces[i].tuneNumber);
        EXPECT_EQ(shards.pieces[i].title, memory.pieces[i].title);
        shards.shards->copy(i, ids);
        ASSERT_EQ(ids, memory.pieces[i].ids) << memory.pieces[i].file;
    }
}

TEST(TokenShards, AreTheFoldersCorpusPieceForPiece) {
    if (!fs::exists(demo())) GTEST_SKIP() << "no demo data";
    for (const TokenizerKind kind : {TokenizerKind::Events, TokenizerKind::Remi}) {  // a vocabulary of the data's, a fixed one
        test::TempDir dir("shards");
        TokenShardOptions options;
        options.filesPerShard = 7;
        options.jobs = 2;
        const TokenShardBuild b = buildTokenShards(demo(), dir.file("s"), settingsOf(kind), options);
        ASSERT_TRUE(b.complete);
        EXPECT_GT(b.shards, 3u);
        EXPECT_EQ(b.built, b.shards);
        CorpusOptions co;
        co.useCache = false;
        const TokenizedCorpus memory = buildCorpus(demo(), settingsOf(kind), co);
        EXPECT_EQ(b.pieces, memory.pieces.size());
        EXPECT_EQ(b.problemCount, memory.problems.size());
        ASSERT_TRUE(isTokenShardFolder(dir.file("s")));
        expectSameCorpus(openTokenShards(dir.file("s")), memory);
    }
}

TEST(TokenShards, AnInterruptedBuildContinuesWhereItStoppedAndAChangedFileRebuildsItsShard) {
    if (!fs::exists(demo())) GTEST_SKIP() << "no demo data";
    test::TempDir dir("shards-resume");
    fs::copy(demo(), dir.file("music"), fs::copy_options::recursive);
    const TokenizerSettings settings = settingsOf(TokenizerKind::Events);
    std::atomic<bool> cancel{false};
    TokenShardOptions options;
    options.filesPerShard = 8;
    options.jobs = 1;
    options.cancel = &cancel;
    options.onShard = [&](std::size_t done, std::size_t) {
        if (done == 2) cancel = true;  // as Ctrl-C after two shards
    };
    const TokenShardBuild cut = buildTokenShards(dir.file("music"), dir.file("s"), settings, options);
    ASSERT_GT(cut.shards, 3u);
    EXPECT_FALSE(cut.complete);
    EXPECT_EQ(cut.built, 2u);
    EXPECT_FALSE(isTokenShardFolder(dir.file("s"))) << "no manifest until every shard is there";
    EXPECT_THROW(TokenShardSet::open(dir.file("s")), std::runtime_error);

    options.cancel = nullptr;
    options.onShard = nullptr;
    const TokenShardBuild rest = buildTokenShards(dir.file("music"), dir.file("s"), settings, options);
    ASSERT_TRUE(rest.complete);
    EXPECT_EQ(rest.kept, 2u) << "the two shards of the first build are kept";
    EXPECT_EQ(rest.built, rest.shards - 2);
    CorpusOptions co;
    co.useCache = false;
    expectSameCorpus(openTokenShards(dir.file("s")), buildCorpus(dir.file("music"), settings, co));

    // One file changes: its shard alone is tokenized again, and the corpus is the changed folder's.
    std::string abc;
    for (const auto& f : listDataFiles(dir.file("music")))
        if (f.ends_with(".abc")) abc = f;
    ASSERT_FALSE(abc.empty());
    std::ofstream(abc, std::ios::app) << "\nX:99\nT:Added\nM:4/4\nL:1/8\nK:G\nGABc dedB|]\n";
    const TokenShardBuild again = buildTokenShards(dir.file("music"), dir.file("s"), settings, options);
    EXPECT_EQ(again.built, 1u);
    EXPECT_EQ(again.kept, again.shards - 1);
    expectSameCorpus(openTokenShards(dir.file("s")), buildCorpus(dir.file("music"), settings, co));
}

TEST(TokenShards, DamageIsSaidNamingTheFile) {
    if (!fs::exists(demo())) GTEST_SKIP() << "no demo data";
    test::TempDir dir("shards-damage");
    TokenShardOptions options;
    options.filesPerShard = 50;
    ASSERT_TRUE(buildTokenShards(demo(), dir.file("s"), settingsOf(TokenizerKind::Events), options).complete);
    const std::string shard = dir.file("s/shard-00000.nftok");
    fs::resize_file(shard, fs::file_size(shard) - 10);
    try {
        TokenShardSet::open(dir.file("s"));
        ADD_FAILURE() << "a cut shard opened";
    } catch (const std::runtime_error& e) {
        EXPECT_NE(std::string(e.what()).find(shard + ": token file cut short"), std::string::npos) << e.what();
    }
    fs::remove(dir.file("s/manifest.json"));
    try {
        TokenShardSet::open(dir.file("s"));
        ADD_FAILURE() << "a folder without manifest opened";
    } catch (const std::runtime_error& e) {
        EXPECT_NE(std::string(e.what()).find("not a finished token shard folder"), std::string::npos) << e.what();
    }
    EXPECT_THROW(buildTokenShards(dir.file("nothing-here"), dir.file("t"), settingsOf(TokenizerKind::Events)), std::runtime_error);
}

TEST(EpochChunks, GroupsCoverEveryPieceOnceInOrderOfTheEpochAndNoneIsShort) {
    const TokenizedCorpus corpus = test::patternCorpus(57, 300);  // 17,100 tokens
    TrainingConfig config = test::tinyConfig(ModelKind::Lstm);
    std::vector<std::size_t> all(57);
    for (std::size_t i = 0; i < all.size(); ++i) all[i] = i;
    config.chunkTokens = 100000;
    EXPECT_EQ(EpochChunks(corpus, all, config).groups(1), std::vector<std::vector<std::size_t>>{all})
        << "a corpus that fits is one group in corpus order: the epoch as it always was";
    config.chunkTokens = 2000;
    const EpochChunks chunks(corpus, all, config);
    for (const int epoch : {1, 2, -1}) {
        const auto groups = chunks.groups(epoch);
        ASSERT_GT(groups.size(), 5u);
        std::vector<std::size_t> seen;
        for (const auto& g : groups) {
            std::size_t tokens = 0;
            for (const auto i : g) tokens += corpus.pieceLength(i);
            EXPECT_GE(tokens, 1000u) << "no group under half the size (a short last one joins the one before)";
            EXPECT_LE(tokens, 3000u);
            seen.insert(seen.end(), g.begin(), g.end());
        }
        if (epoch < 0) {
            EXPECT_EQ(seen, all) << "validation reads in corpus order";
        }
        std::sort(seen.begin(), seen.end());
        EXPECT_EQ(seen, all) << "every piece once";
    }
    EXPECT_EQ(chunks.groups(1), chunks.groups(1));
    EXPECT_NE(chunks.groups(1), chunks.groups(2)) << "each epoch its own order";
}

#if defined(NF_CLI_PATH) && defined(NF_TEST_HAVE_TRAINING)

int run(const std::string& command, const std::string& log) {
    const int status = std::system(("env -u OMP_WAIT_POLICY " + command + " > '" + log + "' 2>&1").c_str());
    return WIFEXITED(status) ? WEXITSTATUS(status) : -1;
}

using test::weightDistance;

class CliTokenShards : public ::testing::Test {
protected:
    void SetUp() override {
        if (!fs::exists(demo())) GTEST_SKIP() << "no demo data";
        cli_ = std::string("'") + NF_CLI_PATH + "'";
        TrainingConfig c = TrainingConfig::forModel(ModelKind::Lstm);
        c.tokenizer.kind = TokenizerKind::AbcChars;
        c.model.hiddenSize = 24;
        c.model.layers = 1;
        c.model.embedDim = 8;
        c.model.dropout = 0;
        c.seqLength = 32;
        c.batchSize = 8;
        c.threads = 1;
        c.epochs = 2;
        c.checkpointEvery = 1;
        c.optimizer.schedule = LrSchedule::None;  // a run of one epoch continued to two is then a run of two
        std::ofstream(dir_.file("config.json")) << c.toJson();
        ASSERT_EQ(run(cli_ + " tokenize --data '" + demo() + "/abc' --config '" + dir_.file("config.json") + "' --out '" +
                          dir_.file("shards") + "' --files-per-shard 2 --jobs 2",
                      dir_.file("tokenize.log")),
                  0)
            << slurp(dir_.file("tokenize.log"));
    }
    std::string train(const std::string& out, const std::string& more) const {
        return cli_ + " train --config '" + dir_.file("config.json") + "' --out '" + dir_.file(out) + "' --quiet " + more;
    }
    std::string cli_;
    test::TempDir dir_{"cli-shards"};
};

TEST_F(CliTokenShards, TrainsFromShardsAsFromTheFolder) {
    EXPECT_NE(slurp(dir_.file("tokenize.log")).find("train with: noteforge-cli train --corpus"), std::string::npos);
    ASSERT_EQ(run(train("folder.nfm", "--data '" + demo() + "/abc' --no-cache"), dir_.file("a.log")), 0) << slurp(dir_.file("a.log"));
    ASSERT_EQ(run(train("shards.nfm", "--corpus '" + dir_.file("shards") + "'"), dir_.file("b.log")), 0) << slurp(dir_.file("b.log"));
    EXPECT_NE(slurp(dir_.file("b.log")).find("(token shards)"), std::string::npos) << slurp(dir_.file("b.log"));
    EXPECT_EQ(weightDistance(dir_.file("folder.nfm"), dir_.file("shards.nfm")), 0.0) << "the same pieces in the same order";
}

// Read in groups of 4,096 tokens: a run continued from its checkpoint after epoch 1 ends where an unbroken one ends,
// and two ranks learn what one learns.
TEST_F(CliTokenShards, GroupedEpochsResumeAndShareAcrossRanks) {
    const std::string shards = "--corpus '" + dir_.file("shards") + "' --chunk-tokens 4096";
    ASSERT_EQ(run(train("grouped.nfm", shards), dir_.file("g.log")), 0) << slurp(dir_.file("g.log"));
    ASSERT_EQ(run(train("half.nfm", shards + " --epochs 1"), dir_.file("h.log")), 0) << slurp(dir_.file("h.log"));
    ASSERT_EQ(run(cli_ + " train --corpus '" + dir_.file("shards") + "' --out '" + dir_.file("half.nfm") + "' --resume '" +
                      dir_.file("half.nfm.ckpt") + "' --epochs 2 --quiet",
                  dir_.file("r.log")),
              0)
        << slurp(dir_.file("r.log"));
    EXPECT_LT(weightDistance(dir_.file("grouped.nfm"), dir_.file("half.nfm")), 1e-5);
    const std::string ungrouped = "--corpus '" + dir_.file("shards") + "'";
    ASSERT_EQ(run(train("one-group.nfm", ungrouped), dir_.file("o.log")), 0) << slurp(dir_.file("o.log"));
    EXPECT_GT(weightDistance(dir_.file("grouped.nfm"), dir_.file("one-group.nfm")), 1e-3)
        << "groups of 4,096 tokens are another order of batches";
#ifdef NF_TEST_HAVE_GLOO
    const std::string port = std::to_string(29000 + ::getpid() % 2000);
    const std::string job = "sh -c \"RANK=1 WORLD_SIZE=2 MASTER_ADDR=127.0.0.1 MASTER_PORT=" + port + " " +
                            train("two.nfm", shards + " --dist-timeout 60") + " & RANK=0 WORLD_SIZE=2 MASTER_ADDR=127.0.0.1 " +
                            "MASTER_PORT=" + port + " " + train("two.nfm", shards + " --dist-timeout 60") + "; r=\\$?; wait; exit \\$r\"";
    ASSERT_EQ(run(job, dir_.file("two.log")), 0) << slurp(dir_.file("two.log"));
    EXPECT_LT(weightDistance(dir_.file("grouped.nfm"), dir_.file("two.nfm")), 2e-4);
#endif
}

// 24 million tokens (96 MB of shards, made here) under a 450 MB limit of the process's own memory (RLIMIT_DATA: the
// shards, mapped from their files, do not count): read in groups they train; read whole (their copy, the epoch's
// rows and its tensor: about 400 MB more) they do not.
TEST(CliTokenShardsMemory, AGeneratedCorpusLargerThanTheMemoryLimitTrainsFromItsShards) {
    if (std::system("command -v prlimit > /dev/null 2>&1 && command -v timeout > /dev/null 2>&1") != 0)
        GTEST_SKIP() << "no prlimit/timeout (util-linux, coreutils)";
    test::TempDir dir("shards-memory");
    const std::string shards = dir.file("shards");
    fs::create_directories(shards);
    const int shardCount = 12;
    TokenizedCorpus corpus = test::patternCorpus(100, 20000, 64);  // 2 M tokens a shard
    corpus.tokenizer.kind = TokenizerKind::AbcChars;  // a vocabulary of the data's own
    for (int k = 0; k < shardCount; ++k) {
        char name[32];
        std::snprintf(name, sizeof name, "shard-%05d.nftok", k);
        for (auto& p : corpus.pieces) p.file = test::numberedName("gen/" + std::to_string(k) + "-", static_cast<long long>(&p - corpus.pieces.data()), ".mid");
        writeCorpusFile((fs::path(shards) / name).string(), corpus);
    }
    const TokenShardBuild b = finishTokenShards(shards, corpus.tokenizer, shardCount);
    ASSERT_EQ(b.tokens, 24000000u);

    TrainingConfig c = test::tinyConfig(ModelKind::Lstm);
    c.tokenizer = corpus.tokenizer;
    c.valShare = 0.01;
    c.epochs = 1;
    c.maxMinutes = 0.1;
    c.batchSize = 32;
    c.seqLength = 64;
    std::ofstream(dir.file("config.json")) << c.toJson();
    const std::string limit = "timeout -s KILL 240 prlimit --data=" + std::to_string(450LL << 20) + " ";
    const std::string train = limit + "'" + NF_CLI_PATH + "' train --corpus '" + shards + "' --config '" + dir.file("config.json") + "' --quiet";
    ASSERT_EQ(run(train + " --chunk-tokens 1000000 --out '" + dir.file("grouped.nfm") + "'", dir.file("grouped.log")), 0)
        << slurp(dir.file("grouped.log"));
    EXPECT_TRUE(fs::exists(dir.file("grouped.nfm")));
    EXPECT_NE(run(train + " --chunk-tokens 100000000 --out '" + dir.file("whole.nfm") + "'", dir.file("whole.log")), 0)
        << "read whole, the same corpus must not fit in the limit, or the test proves nothing: " << slurp(dir.file("whole.log"));
}

#endif

}  // namespace
}  // namespace nf
