// SPDX-License-Identifier: GPL-3.0-or-later
// The training module's C interface carries every field both ways: what the host sends arrives as it was sent,
// what the module reports comes back whole (optional values stay absent, histories keep their rows).
#include <gtest/gtest.h>

#include "training/TrainingAbiConvert.h"

using namespace nf;
namespace conv = nf::abi;  // plain `abi` is also the C++ runtime's namespace (cxxabi.h)

namespace {

MetricsRow epochRow() {
    MetricsRow r;
    r.epoch = 3;
    r.wallSeconds = 12.5;
    r.trainLoss = 1.25;
    r.trainAccuracy = 0.5;
    r.valLoss = 1.5;
    r.valAccuracy = 0.4;
    r.valPerplexity = 4.48;
    r.tokensPerSecond = 9000;
    r.learningRate = 0.003;
    r.epochSeconds = 4.25;
    return r;
}

MetricsRow stepRow() {
    MetricsRow r;
    r.epoch = 4;
    r.step = 120;
    r.trainLoss = 1.1;
    return r;
}

}  // namespace

TEST(TrainingAbiConvert, MetricsRowsKeepWhatIsAbsent) {
    EXPECT_EQ(conv::fromC(conv::toC(epochRow())), epochRow());
    const MetricsRow back = conv::fromC(conv::toC(stepRow()));
    EXPECT_EQ(back, stepRow());
    EXPECT_FALSE(back.valLoss.has_value());
    EXPECT_EQ(back.step, 120);
    MetricsRow first = stepRow();
    first.step = 0;  // step 0 is a step, not "no step"
    EXPECT_EQ(conv::fromC(conv::toC(first)).step, 0);
}

TEST(TrainingAbiConvert, ProgressStartAndResult) {
    TrainingProgress p;
    p.epoch = 2;
    p.epochs = 9;
    p.stepInEpoch = 5;
    p.stepsPerEpoch = 50;
    p.globalStep = 55;
    p.loss = 2.5;
    p.accuracy = 0.25;
    p.tokensPerSecond = 1e4;
    p.elapsedSeconds = 3;
    p.etaSeconds = 40;
    p.paused = true;
    const TrainingProgress pb = conv::fromC(conv::toC(p));
    EXPECT_EQ(pb.globalStep, 55);
    EXPECT_EQ(pb.etaSeconds, 40);
    EXPECT_TRUE(pb.paused);

    TrainingStart s;
    s.device = "cuda:0";
    s.threads = 3;
    s.blas = "libopenblas.so.0";
    s.torchVersion = "2.4.0";
    s.model = "lstm";
    s.representation = "remi";
    s.vocabSize = 757;
    s.parameters = 123456789012LL;
    s.trainPieces = 90;
    s.validationPieces = 10;
    s.trainTokens = 5000000000ULL;  // beyond 32 bits
    s.validationTokens = 7;
    s.stepsPerEpoch = 92;
    s.firstEpoch = 4;
    s.epochs = 30;
    s.history = {epochRow(), stepRow()};
    const conv::StartView sv(s);
    const TrainingStart sb = conv::fromC(sv.c);
    EXPECT_EQ(sb.device, "cuda:0");
    EXPECT_EQ(sb.torchVersion, "2.4.0");
    EXPECT_EQ(sb.representation, "remi");
    EXPECT_EQ(sb.parameters, 123456789012LL);
    EXPECT_EQ(sb.trainTokens, 5000000000ULL);
    EXPECT_EQ(sb.firstEpoch, 4);
    EXPECT_EQ(sb.history, s.history);

    TrainingResult r;
    r.outcome = TrainingOutcome::TimeLimit;
    r.message = "time limit reached";
    r.epochsDone = 28;
    r.steps = 2450;
    r.bestEpoch = 27;
    r.modelPath = "/tmp/m.nfm";
    r.checkpointPath = "/tmp/m.nfm.ckpt";
    r.history = {epochRow()};
    const conv::ResultView rv(r);
    const TrainingResult rb = conv::fromC(rv.c);
    EXPECT_EQ(rb.outcome, TrainingOutcome::TimeLimit);
    EXPECT_EQ(rb.message, r.message);
    EXPECT_FALSE(rb.bestValLoss.has_value());
    EXPECT_EQ(rb.checkpointPath, r.checkpointPath);
    EXPECT_EQ(rb.history, r.history);
    r.bestValLoss = 0.57;
    const conv::ResultView rv2(r);
    EXPECT_EQ(conv::fromC(rv2.c).bestValLoss, 0.57);
}

TEST(TrainingAbiConvert, ResultOutcomeOutOfRangeIsNotTrusted) {
    nf_training_result c{};
    c.outcome = 42;
    EXPECT_EQ(conv::fromC(c).outcome, TrainingOutcome::Stopped);
}

TEST(TrainingAbiConvert, OptionsAndCorpus) {
    TrainerOptions o("out.nfm");
    o.checkpointPath = "out.ckpt";
    o.resumeFrom = "old.ckpt";
    o.initFrom = "folk.nfm";
    o.force = true;
    o.validateEverySteps = 100;
    o.minStepRowsPerEpoch = 20;
    o.dataPath = "/music";
    o.injectNonFiniteAtStep = 7;
    const conv::OptionsView ov(o);
    const TrainerOptions ob = conv::fromC(ov.c);
    EXPECT_EQ(ob.modelPath, "out.nfm");
    EXPECT_EQ(ob.checkpointPath, "out.ckpt");
    EXPECT_EQ(ob.resumeFrom, "old.ckpt");
    EXPECT_EQ(ob.initFrom, "folk.nfm");
    EXPECT_TRUE(ob.force);
    EXPECT_EQ(ob.validateEverySteps, 100);
    EXPECT_EQ(ob.minStepRowsPerEpoch, 20);
    EXPECT_EQ(ob.dataPath, "/music");
    EXPECT_EQ(ob.injectNonFiniteAtStep, 7);
    EXPECT_FALSE(ob.distributed) << "an ordinary run stays one";
    EXPECT_EQ(ob.distributedBackend, ExchangeBackend::Auto);

    DistributedEnv d;
    d.rank = 3;
    d.worldSize = 4;
    d.localRank = 1;
    d.masterAddr = "node1";
    d.masterPort = 29400;
    d.agentStore = true;
    d.restartCount = 2;
    o.distributed = d;
    o.distributedTimeoutSeconds = 12.5;
    o.distributedBackend = ExchangeBackend::Nccl;
    const conv::OptionsView dv(o);
    const TrainerOptions db = conv::fromC(dv.c);
    ASSERT_TRUE(db.distributed);
    EXPECT_EQ(db.distributed->rank, 3);
    EXPECT_EQ(db.distributed->worldSize, 4);
    EXPECT_EQ(db.distributed->localRank, 1);
    EXPECT_EQ(db.distributed->masterAddr, "node1");
    EXPECT_EQ(db.distributed->masterPort, 29400);
    EXPECT_EQ(db.distributed->storePrefix(), "/worker/attempt_2");
    EXPECT_DOUBLE_EQ(db.distributedTimeoutSeconds, 12.5);
    EXPECT_EQ(db.distributedBackend, ExchangeBackend::Nccl);
    o.distributedBackend = ExchangeBackend::Gloo;
    EXPECT_EQ(conv::fromC(conv::OptionsView(o).c).distributedBackend, ExchangeBackend::Gloo);

    TokenizedCorpus corpus;
    corpus.tokenizer.kind = TokenizerKind::Remi;
    corpus.vocab = Vocabulary({"<pad>", "BAR", "POS_0", "Ü"});
    corpus.pieces.push_back({"a.mid", -1, "A", {1, 2, 3}});
    corpus.pieces.push_back({"tunes.abc", 12, "Jig", {}});
    corpus.fingerprint = "abc123";
    const conv::CorpusView cv(corpus);
    const TokenizedCorpus cb = conv::fromC(cv.c);
    EXPECT_EQ(cb.tokenizer.toJson(), corpus.tokenizer.toJson());
    EXPECT_EQ(cb.vocab, corpus.vocab);
    ASSERT_EQ(cb.pieces.size(), 2u);
    EXPECT_EQ(cb.pieces[0].ids, corpus.pieces[0].ids);
    EXPECT_EQ(cb.pieces[0].file, "a.mid");
    EXPECT_EQ(cb.pieces[1].tuneNumber, 12);
    EXPECT_EQ(cb.pieces[1].title, "Jig");
    EXPECT_TRUE(cb.pieces[1].ids.empty());
    EXPECT_EQ(cb.fingerprint, "abc123");
}

TEST(TrainingAbiConvert, Benchmark) {
    TrainBenchmarkOptions o;
    o.model = ModelKind::Lstm;
    o.vocab = 99;
    o.batch = 8;
    o.seq = 50;
    o.steps = 4;
    o.warmup = 1;
    o.threads = 2;
    o.device = "cuda";
    o.lstmKernel = LstmKernel::Aten;
    const conv::BenchmarkOptionsView ov(o);
    // The enums cross the C interface as the words they always were.
    EXPECT_STREQ(ov.c.model, "lstm");
    EXPECT_STREQ(ov.c.lstm_kernel, "aten");
    const TrainBenchmarkOptions ob = conv::fromC(ov.c);
    EXPECT_EQ(ob.model, ModelKind::Lstm);
    EXPECT_EQ(ob.vocab, 99);
    EXPECT_EQ(ob.seq, 50);
    EXPECT_EQ(ob.device, "cuda");
    EXPECT_EQ(ob.lstmKernel, LstmKernel::Aten);

    TrainBenchmarkResult r;
    r.device = "cpu";
    r.threads = 2;
    r.blas = "openblas";
    r.torchVersion = "1.13.1";
    r.lstmKernel = LstmKernel::Fused;
    r.stepSeconds = {0.1, 0.2, 0.15};
    r.medianStepSeconds = 0.15;
    r.flopsPerStep = 1e9;
    r.gflops = 6.7;
    r.sgemmGflops = 80;
    r.tokensPerSecond = 20000;
    const conv::BenchmarkResultView rv(r);
    EXPECT_STREQ(rv.c.lstm_kernel, "fused");
    const TrainBenchmarkResult rb = conv::fromC(rv.c);
    EXPECT_EQ(rb.stepSeconds, r.stepSeconds);
    EXPECT_EQ(rb.lstmKernel, LstmKernel::Fused);
    EXPECT_EQ(rb.sgemmGflops, 80);
    EXPECT_EQ(rb.tokensPerSecond, 20000);
}
