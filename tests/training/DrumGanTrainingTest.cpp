// SPDX-License-Identifier: GPL-3.0-or-later
// A paper-drums-gan run through the engine (issue 19): it learns the most common bar form of a drums corpus, logs
// both losses and the held-out figure distance, writes a model that generates whole bars of GM drums on channel 10
// without LibTorch, resumes from its checkpoint, stops on request and reports a non-finite loss.
#include <gtest/gtest.h>

#include <algorithm>
#include <tuple>

#include "TrainingTestUtil.h"
#include "drums/BandOnsets.h"
#include "drums/DrumBars.h"
#include "drums/DrumClass.h"
#include "drums/DrumGanNet.h"
#include "drums/DrumGenerator.h"
#include "drums/DrumPart.h"
#include "drums/DrumTokenizer.h"
#include "generation/GenerationModel.h"
#include "training/ModelFile.h"
#include "training/engine/Engine.h"

using namespace nf;

namespace {

DrumBar bar44(int variant) {
    DrumBar bar;
    bar.steps.assign(16, DrumStep{});
    const auto hit = [&](int step, DrumClass c, int bin) { bar.steps[static_cast<std::size_t>(step)][static_cast<std::size_t>(c)] = static_cast<std::uint8_t>(1 + bin); };
    for (int s = 0; s < 16; s += 2) hit(s, DrumClass::ClosedHat, 1);
    hit(0, DrumClass::Kick, 3);
    hit(variant % 2 ? 10 : 8, DrumClass::Kick, 2);
    hit(4, DrumClass::Snare, 3);
    hit(12, DrumClass::Snare, 3);
    if (variant % 3 == 0) hit(15, DrumClass::Snare, 0);
    return bar;
}

// The band of a drum bar: a bass note on each kick's step, a chord on each snare's.
std::vector<BandStep> bandUnder(const DrumBar& bar) {
    std::vector<BandStep> band(bar.steps.size());
    for (std::size_t s = 0; s < bar.steps.size(); ++s) {
        if (bar.steps[s][static_cast<std::size_t>(DrumClass::Kick)]) band[s] = {1, true};
        if (bar.steps[s][static_cast<std::size_t>(DrumClass::Snare)]) band[s] = {4, false};
    }
    return band;
}

// Pieces of 4/4 rock bars with small variations, and one piece in 3/4 that the GAN must leave out (the common
// form is 4/4); `withBand`: each piece with its band (bandUnder), as the drums representation with bandOnsets
// writes it.
TokenizedCorpus drumsCorpus(bool withBand = false) {
    std::vector<DrumPattern> patterns;
    for (int p = 0; p < 10; ++p) {
        DrumPattern pattern;
        for (int b = 0; b < 8; ++b) pattern.bars.push_back(bar44(p + b));
        patterns.push_back(pattern);
    }
    DrumPattern waltz;
    DrumBar three{3, 4, std::vector<DrumStep>(12)};
    three.steps[0][static_cast<std::size_t>(DrumClass::Kick)] = 3;
    waltz.bars.assign(4, three);
    patterns.push_back(waltz);
    TokenizedCorpus corpus;
    corpus.tokenizer.kind = TokenizerKind::Drums;
    corpus.tokenizer.bandOnsets = withBand;
    std::vector<std::vector<std::string>> pieces;
    std::vector<std::string> vocab;
    for (const DrumPattern& p : patterns) {
        std::vector<std::string> tokens{"DRUMS"};
        BandOnsets band;
        for (const DrumBar& b : p.bars) band.push_back(bandUnder(b));
        if (withBand) tokens.emplace_back("BAND");
        for (const std::string& t : drumPatternTokens(p, withBand ? &band : nullptr)) tokens.push_back(t);
        tokens.push_back("END");
        for (const std::string& t : tokens)
            if (std::find(vocab.begin(), vocab.end(), t) == vocab.end()) vocab.push_back(t);
        pieces.push_back(tokens);
    }
    corpus.vocab = Vocabulary(vocab);
    for (std::size_t i = 0; i < pieces.size(); ++i) {
        TokenizedPiece piece;
        piece.file = test::numberedName("drums-", static_cast<long long>(i), ".mid");
        for (const std::string& t : pieces[i]) piece.ids.push_back(*corpus.vocab.find(t));
        corpus.pieces.push_back(piece);
    }
    corpus.fingerprint = contentFingerprint(corpus);
    return corpus;
}

TrainingConfig tinyGan(DrumGanGenerator generator) {
    TrainingConfig c = TrainingConfig::forModel(ModelKind::DrumGan);
    c.model.hiddenSize = 16;
    c.model.gan.generator = generator;
    c.model.gan.noise = 8;
    c.model.gan.criticSteps = 1;
    c.batchSize = 16;
    c.epochs = 2;
    c.valShare = 0.2;
    c.threads = 1;
    c.device = "cpu";
    c.checkpointEvery = 1;
    c.metricsEverySteps = 1;
    return c;
}

class Stopper final : public TrainingControl {};

}  // namespace

TEST(DrumGanTraining, LearnsTheCommonBarFormAndWritesAModelThatDrumsOnChannelTen) {
    for (const DrumGanGenerator generator : {DrumGanGenerator::Paper, DrumGanGenerator::Lstm}) {
        SCOPED_TRACE(toString(generator));
        test::TempDir dir("drum-gan");
        const TokenizedCorpus corpus = drumsCorpus();
        const TrainingResult r = engine::train(tinyGan(generator), {dir.file("gan.nfm")}, corpus, nullptr, nullptr);
        ASSERT_EQ(r.outcome, TrainingOutcome::Finished) << r.message;
        EXPECT_NE(r.message.find("of 4/4"), std::string::npos) << r.message;
        int epochRows = 0;
        for (const MetricsRow& row : r.history) {
            ASSERT_TRUE(row.criticLoss.has_value()) << "every row carries the critic's loss";
            if (row.step) continue;
            ++epochRows;
            ASSERT_TRUE(row.valLoss.has_value()) << "every epoch measures the held-out figure distance";
            EXPECT_GE(*row.valLoss, 0.0);
        }
        EXPECT_EQ(epochRows, 2);

        const GenerationModel model = GenerationModel::open(dir.file("gan.nfm"));
        ASSERT_NE(model.drumGan(), nullptr);
        EXPECT_FALSE(model.validationLoss().has_value()) << "a figure distance is not shown as a loss";
        EXPECT_EQ(model.config().model.gan.numerator, 4);
        EXPECT_EQ(model.config().model.gan.stepsPerQuarter, 4);
        DrumRequest request;
        request.bars = 4;
        request.variations = 2;
        const auto parts = generateDrums(model, request);
        ASSERT_EQ(parts.size(), 2u);
        for (const GeneratedDrums& part : parts) {
            ASSERT_EQ(part.pattern.bars.size(), 4u);
            ASSERT_EQ(part.score.tracks.size(), 1u);
            EXPECT_EQ(part.score.tracks[0].channel, 9);
            EXPECT_TRUE(part.score.tracks[0].isDrum);
            EXPECT_GT(part.score.tracks[0].notes.size(), 0u);
            for (const Note& n : part.score.tracks[0].notes) EXPECT_TRUE(drumClassOf(n.pitch).has_value()) << n.pitch;
            ASSERT_FALSE(part.score.timeSignatures.empty());
            EXPECT_EQ(part.score.timeSignatures[0].numerator, 4) << "the GAN's own meter";
            for (const DrumBar& b : part.pattern.bars) EXPECT_EQ(b.steps.size(), 16u) << "whole bars of sixteenths";
        }
        EXPECT_NE(parts[0].pattern, parts[1].pattern) << "variations differ";
        request.primer = bar44(0);
        EXPECT_THROW(generateDrums(model, request), std::invalid_argument) << "a GAN not trained to continue a bar refuses one";
        request.primer.reset();
        request.numerator = 3;
        EXPECT_THROW(generateDrums(model, request), std::invalid_argument) << "a GAN writes its own meter only";
    }
}

// Add Part with a drum GAN: whole bars of its meter get drums on channel 10, each hit with its probability as its
// confidence; a bar in another meter stays silent, the piece's own notes are kept, and a piece with no bar the GAN
// can write is refused with a reason.
TEST(DrumGanTraining, AddPartDrumsTheBarsOfItsMeterOnly) {
    test::TempDir dir("drum-gan-part");
    const TokenizedCorpus corpus = drumsCorpus();
    ASSERT_EQ(engine::train(tinyGan(DrumGanGenerator::Lstm), {dir.file("gan.nfm")}, corpus, nullptr, nullptr).outcome,
              TrainingOutcome::Finished);
    const GenerationModel model = GenerationModel::open(dir.file("gan.nfm"));
    Score piece;
    const Tick bar = 4 * piece.ppq();
    piece.timeSignatures = {{0, 4, 4}, {2 * bar, 3, 4}};  // two bars of 4/4, then 3/4
    piece.tracks.push_back(Track{});
    const std::size_t melody = 0;
    for (int b = 0; b < 4; ++b) piece.addNote(melody, Note{0, 60 + b, 90, 2 * bar + b * 3 * piece.ppq(), piece.ppq()});
    piece.addNote(melody, Note{0, 67, 90, 0, bar});
    piece.normalize();
    DrumPartRequest request;
    request.sampling.seed = 4;
    const SteeredPiece out = addDrumPart(model, piece, request);
    ASSERT_EQ(out.score.tracks.size(), 2u);
    EXPECT_EQ(out.score.tracks[0].notes.size(), piece.tracks[0].notes.size()) << "the piece's notes are kept";
    const Track& drums = out.score.tracks[1];
    EXPECT_EQ(drums.channel, 9);
    EXPECT_TRUE(drums.isDrum);
    ASSERT_FALSE(drums.notes.empty());
    EXPECT_EQ(out.generated.size(), drums.notes.size());
    for (const Note& n : drums.notes) EXPECT_LT(n.start, 2 * bar) << "the 3/4 bars stay silent";
    for (const auto& [id, p] : out.confidence) EXPECT_TRUE(p > 0.0f && p <= 1.0f) << p;

    Score waltz;
    waltz.timeSignatures = {{0, 3, 4}};
    waltz.tracks.push_back(Track{});
    waltz.addNote(0, Note{0, 60, 90, 0, 6 * waltz.ppq()});
    try {
        addDrumPart(model, waltz, request);
        FAIL() << "a piece without 4/4 bars is refused";
    } catch (const std::invalid_argument& e) {
        EXPECT_NE(std::string(e.what()).find("4/4"), std::string::npos) << e.what();
    }
}

TEST(DrumGanTraining, ResumesFromItsCheckpointAndStopsOnRequest) {
    test::TempDir dir("drum-gan-resume");
    const TokenizedCorpus corpus = drumsCorpus();
    TrainingConfig one = tinyGan(DrumGanGenerator::Lstm);
    one.epochs = 1;
    const TrainingResult first = engine::train(one, {dir.file("gan.nfm")}, corpus, nullptr, nullptr);
    ASSERT_EQ(first.outcome, TrainingOutcome::Finished) << first.message;
    ASSERT_EQ(readModelFile(dir.file("gan.nfm.ckpt")).kind, ModelFileKind::Checkpoint);
    EXPECT_NE(readModelFile(dir.file("gan.nfm.ckpt")).findBlob("critic_optimizer"), nullptr) << "both optimizers are kept";

    TrainerOptions resume{dir.file("gan.nfm")};
    resume.resumeFrom = dir.file("gan.nfm.ckpt");
    TrainingConfig two = tinyGan(DrumGanGenerator::Lstm);
    two.epochs = 2;
    const TrainingResult second = engine::train(two, resume, corpus, nullptr, nullptr);
    ASSERT_EQ(second.outcome, TrainingOutcome::Finished) << second.message;
    EXPECT_EQ(second.epochsDone, 2);
    EXPECT_GT(second.steps, first.steps);
    int epochRows = 0;
    for (const MetricsRow& row : second.history) epochRows += row.step ? 0 : 1;
    EXPECT_EQ(epochRows, 2) << "the history continues";

    Stopper stop;
    stop.requestStop();
    const TrainingResult stopped = engine::train(tinyGan(DrumGanGenerator::Paper), {dir.file("s.nfm")}, corpus, nullptr, &stop);
    EXPECT_EQ(stopped.outcome, TrainingOutcome::Stopped);
    EXPECT_NE(stopped.message.find("--resume"), std::string::npos) << stopped.message;

    TrainerOptions nan{dir.file("n.nfm")};
    nan.injectNonFiniteAtStep = 1;
    const TrainingResult broken = engine::train(tinyGan(DrumGanGenerator::Paper), nan, corpus, nullptr, nullptr);
    EXPECT_EQ(broken.outcome, TrainingOutcome::NonFinite);
}

namespace {

// Stops the run once `after` step rows have been recorded (metricsEverySteps 1: one per step).
class StopAfterSteps final : public TrainingControl, public TrainingObserver {
public:
    explicit StopAfterSteps(int after) : after_(after) {}
    void onMetrics(const MetricsRow& row) override { steps_ += row.step ? 1 : 0; }
    bool stopRequested() const override { return steps_ >= after_; }

private:
    int after_;
    int steps_ = 0;
};

}  // namespace

// Stopped inside an epoch and resumed, a run ends with the weights, step count and history of a run never stopped:
// the checkpoint keeps the position in the epoch, its sums and the random state.
TEST(DrumGanTraining, AStopInsideAnEpochResumesToTheSameWeightsAsAnUnbrokenRun) {
    test::TempDir dir("drum-gan-midepoch");
    const TokenizedCorpus corpus = drumsCorpus();
    TrainingConfig c = tinyGan(DrumGanGenerator::Paper);
    c.batchSize = 8;
    c.epochs = 2;
    c.checkpointEvery = 0;
    const TrainingResult whole = engine::train(c, {dir.file("whole.nfm")}, corpus, nullptr, nullptr);
    ASSERT_EQ(whole.outcome, TrainingOutcome::Finished) << whole.message;
    const std::int64_t stepsPerEpoch = whole.steps / 2;
    ASSERT_GE(stepsPerEpoch, 3) << "the test needs a stop inside an epoch";

    StopAfterSteps stop(static_cast<int>(stepsPerEpoch + 1));  // one step into epoch 2
    const TrainingResult stopped = engine::train(c, {dir.file("broken.nfm")}, corpus, &stop, &stop);
    ASSERT_EQ(stopped.outcome, TrainingOutcome::Stopped) << stopped.message;
    EXPECT_EQ(stopped.steps, stepsPerEpoch + 1);
    TrainerOptions resume{dir.file("broken.nfm")};
    resume.resumeFrom = dir.file("broken.nfm.ckpt");
    const TrainingResult resumed = engine::train(c, resume, corpus, nullptr, nullptr);
    ASSERT_EQ(resumed.outcome, TrainingOutcome::Finished) << resumed.message;
    EXPECT_EQ(resumed.steps, whole.steps) << "no step is taken twice";
    ASSERT_EQ(resumed.history.size(), whole.history.size()) << "no row is recorded twice";
    for (std::size_t i = 0; i < whole.history.size(); ++i) {
        EXPECT_EQ(resumed.history[i].step, whole.history[i].step) << i;
        EXPECT_EQ(resumed.history[i].trainLoss, whole.history[i].trainLoss) << i;
        EXPECT_EQ(resumed.history[i].valLoss, whole.history[i].valLoss) << i;
    }
    const ModelFile a = readModelFile(dir.file("whole.nfm.ckpt"));
    const ModelFile b = readModelFile(dir.file("broken.nfm.ckpt"));
    ASSERT_EQ(a.tensors.size(), b.tensors.size());
    for (std::size_t i = 0; i < a.tensors.size(); ++i) EXPECT_EQ(a.tensors[i], b.tensors[i]) << a.tensors[i].name;
}

// A GAN conditioned on the bar before trains, measures its held-out parts bar by bar, writes a model whose
// generator continues a bar, and resumes to the same weights as an unbroken run (its conditions are rebuilt from the
// checkpoint's configuration, not assumed).
TEST(DrumGanTraining, AGanConditionedOnTheBarBeforeTrainsResumesAndContinuesABar) {
    test::TempDir dir("drum-gan-primer");
    const TokenizedCorpus corpus = drumsCorpus();
    TrainingConfig c = tinyGan(DrumGanGenerator::Lstm);
    c.model.gan.primer = true;
    c.batchSize = 8;
    c.checkpointEvery = 0;
    const TrainingResult whole = engine::train(c, {dir.file("whole.nfm")}, corpus, nullptr, nullptr);
    ASSERT_EQ(whole.outcome, TrainingOutcome::Finished) << whole.message;
    EXPECT_NE(whole.message.find("each after the bar before"), std::string::npos) << whole.message;
    for (const MetricsRow& row : whole.history)
        if (!row.step) {
            EXPECT_TRUE(row.valLoss.has_value()) << "the conditioned check measures every epoch";
        }
    StopAfterSteps stop(static_cast<int>(whole.steps / 2 + 1));
    ASSERT_EQ(engine::train(c, {dir.file("broken.nfm")}, corpus, &stop, &stop).outcome, TrainingOutcome::Stopped);
    TrainerOptions resume{dir.file("broken.nfm")};
    resume.resumeFrom = dir.file("broken.nfm.ckpt");
    ASSERT_EQ(engine::train(c, resume, corpus, nullptr, nullptr).outcome, TrainingOutcome::Finished);
    const ModelFile a = readModelFile(dir.file("whole.nfm.ckpt"));
    const ModelFile b = readModelFile(dir.file("broken.nfm.ckpt"));
    ASSERT_EQ(a.tensors.size(), b.tensors.size());
    for (std::size_t i = 0; i < a.tensors.size(); ++i) EXPECT_EQ(a.tensors[i], b.tensors[i]) << a.tensors[i].name;

    const GenerationModel model = GenerationModel::open(dir.file("whole.nfm"));
    ASSERT_NE(model.drumGan(), nullptr);
    EXPECT_TRUE(model.drumGan()->continuesABar());
    EXPECT_FALSE(model.drumGan()->hearsTheBand());
    DrumRequest request;
    request.bars = 3;
    request.primer = bar44(1);
    const auto parts = generateDrums(model, request);
    ASSERT_EQ(parts.size(), 1u);
    ASSERT_EQ(parts[0].pattern.bars.size(), 4u) << "the primer, then the bars asked for";
    EXPECT_EQ(parts[0].pattern.bars[0], bar44(1));
    request.primer->steps.resize(12);
    EXPECT_THROW(generateDrums(model, request), std::invalid_argument) << "a bar of another length is no bar to continue";
}

// A GAN that hears the band and the bar before: Add Part gives each bar it drums the band of that very bar of the
// piece, and the bar it wrote before only when that is the bar before (after a bar of another meter it starts
// afresh). Checked hit by hit, with each hit's probability, against the generator given those cues by hand.
TEST(DrumGanTraining, AGanThatHearsTheBandDrumsEachBarAgainstItsOwnBand) {
    test::TempDir dir("drum-gan-band");
    TrainingConfig c = tinyGan(DrumGanGenerator::Lstm);
    c.model.gan.band = c.tokenizer.bandOnsets = true;
    c.model.gan.primer = true;
    const TrainingResult r = engine::train(c, {dir.file("gan.nfm")}, drumsCorpus(true), nullptr, nullptr);
    ASSERT_EQ(r.outcome, TrainingOutcome::Finished) << r.message;
    EXPECT_NE(r.message.find("each against the band and the bar before"), std::string::npos) << r.message;
    for (const MetricsRow& row : r.history)
        if (!row.step) {
            EXPECT_TRUE(row.valLoss.has_value()) << "the check drums held-out bands every epoch";
        }
    const GenerationModel model = GenerationModel::open(dir.file("gan.nfm"));
    ASSERT_TRUE(drumModelFollowsBand(model));

    // 4/4, 3/4, 4/4: the band plays in the third bar only (a bass note on steps 1 and 9, a chord on step 5).
    Score piece;
    const Tick q = piece.ppq(), sixteenth = q / 4;
    piece.timeSignatures = {{0, 4, 4}, {4 * q, 3, 4}, {7 * q, 4, 4}};
    piece.tracks.push_back(Track{});
    for (Tick at : {Tick{0}, 8 * sixteenth}) piece.addNote(0, Note{0, 36, 90, 7 * q + at, sixteenth});
    for (int pitch : {60, 64, 67, 72}) piece.addNote(0, Note{0, pitch, 80, 7 * q + 4 * sixteenth, 4 * q - 4 * sixteenth});
    piece.normalize();
    ASSERT_TRUE(drumPartHearsTheBand(model, piece));
    DrumPartRequest request;
    request.sampling.seed = 9;
    const SteeredPiece out = addDrumPart(model, piece, request);

    BandOnsets band{std::vector<BandStep>(16), std::vector<BandStep>(16)};
    band[1][0] = band[1][8] = {1, true};
    band[1][4] = {4, false};
    DrumGanPartCue cue;
    cue.band = &band;
    cue.followsPrevious = {false, false};
    std::vector<std::vector<float>> probabilities;
    const std::vector<DrumBar> bars = model.drumGan()->sampleBars(2, 9, &probabilities, cue);
    std::vector<std::tuple<int, Tick, float>> expected, got;
    const Tick starts[] = {0, 7 * q};
    for (std::size_t b = 0; b < 2; ++b)
        for (std::size_t s = 0; s < 16; ++s)
            for (int k = 0; k < kDrumClassCount; ++k) {
                const std::uint8_t v = bars[b].steps[s][static_cast<std::size_t>(k)];
                if (v == 0) continue;
                expected.emplace_back(drumNoteOf(static_cast<DrumClass>(k)), starts[b] + static_cast<Tick>(s) * sixteenth,
                                      probabilities[b][s * 2 * kDrumClassCount + static_cast<std::size_t>(k)]);
            }
    for (const Note& n : out.score.tracks.back().notes) got.emplace_back(n.pitch, n.start, out.confidence.at(n.id));
    std::sort(expected.begin(), expected.end());
    std::sort(got.begin(), got.end());
    ASSERT_FALSE(expected.empty());
    EXPECT_EQ(got, expected);
}

TEST(DrumGanTraining, RefusesACorpusWithoutDrumsAndFineTuning) {
    test::TempDir dir("drum-gan-bad");
    TokenizedCorpus corpus = drumsCorpus();
    TrainerOptions init{dir.file("gan.nfm")};
    init.initFrom = dir.file("other.nfm");
    EXPECT_THROW(engine::train(tinyGan(DrumGanGenerator::Paper), init, corpus, nullptr, nullptr), std::runtime_error);
    for (TokenizedPiece& p : corpus.pieces) p.ids = {*corpus.vocab.find("DRUMS"), *corpus.vocab.find("END")};
    try {
        engine::train(tinyGan(DrumGanGenerator::Paper), {dir.file("gan.nfm")}, corpus, nullptr, nullptr);
        FAIL() << "a corpus without hits trains nothing";
    } catch (const std::runtime_error& e) {
        EXPECT_NE(std::string(e.what()).find("no drum hits"), std::string::npos) << e.what();
    }
    // A GAN asked to hear the band of pieces that have none would feed a band to weights it never trained.
    TrainingConfig band = tinyGan(DrumGanGenerator::Lstm);
    band.model.gan.band = band.tokenizer.bandOnsets = true;
    TokenizedCorpus drumsOnly = drumsCorpus();
    drumsOnly.tokenizer.bandOnsets = true;
    try {
        engine::train(band, {dir.file("band.nfm")}, drumsOnly, nullptr, nullptr);
        FAIL() << "no piece with a band: nothing to hear";
    } catch (const std::runtime_error& e) {
        EXPECT_NE(std::string(e.what()).find("no training piece has a band"), std::string::npos) << e.what();
    }
}
