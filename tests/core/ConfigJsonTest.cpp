// SPDX-License-Identifier: GPL-3.0-or-later
// Every configuration that is saved as JSON (in models, checkpoints, token caches and recipes): each field survives
// toJson -> fromJson, and the JSON that NoteForge 0.1.0 wrote (string kinds, one line per field) still reads to the
// same values and is written again to the byte, so old models open and token-cache keys do not change.
#include <gtest/gtest.h>

#include <fstream>
#include <iterator>

#include "generation/GenerationSettings.h"
#include "generation/SamplingSettings.h"
#include "tokenize/TokenizerSettings.h"
#include "training/TrainingConfig.h"

using namespace nf;

namespace {

std::string fixture(const std::string& name) {
    std::ifstream in(std::string(NF_TEST_DATA_DIR) + "/configs/" + name, std::ios::binary);
    EXPECT_TRUE(in) << name;
    return {std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>()};
}

// remiVersion stays 1: it is the only version there is (validate() refuses others).
TokenizerSettings remiTokenizer() {
    return {.kind = TokenizerKind::Remi, .part = "all", .noteStepBeats = 0.25, .stepsPerBeat = 12,
            .maxShiftSteps = 96, .velocityBins = 16, .triplets = false};
}

TokenizerSettings paperNotesTokenizer() {
    return {.kind = TokenizerKind::PaperNotes, .part = "Violin", .noteStepBeats = 0.75, .stepsPerBeat = 8,
            .maxShiftSteps = 20, .velocityBins = 4};
}

// Every field off its default. Not a configuration validate() accepts (remi trains the lstm only): this is about
// what is written, not what trains.
TrainingConfig everyFieldChanged() {
    return {.model = {.kind = ModelKind::PaperMidi, .vocabSize = 77, .input = ModelInput::Scaled, .embedDim = 64,
                      .hiddenSize = 200, .layers = 4, .dropout = 0.25, .denseSize = 32, .denseDropout = 0.125,
                      .manyToOne = true, .forgetGateBias = 0.5, .inputInit = InputInit::Torch,
                      .recurrentInit = RecurrentInit::Torch, .lstmKernel = LstmKernel::Aten, .gan = {}},
            .optimizer = {.name = OptimizerKind::AdamW, .learningRate = 0.002, .rmspropRho = 0.8,
                          .rmspropEpsilon = 1e-6, .adamBeta1 = 0.85, .adamBeta2 = 0.99, .adamEpsilon = 1e-8,
                          .weightDecay = 0.01, .clipNorm = 2.5, .schedule = LrSchedule::Step, .warmupSteps = 7,
                          .minLrFactor = 0.1, .stepGamma = 0.25, .stepEpochs = 3},
            .tokenizer = remiTokenizer(),
            .tasks = {.continuation = 0.6, .barInfill = 0.25, .trackInfill = 0.15, .maxTokens = 512,
                      .contextBars = 2, .maxSpanBars = 3, .trackSpanBars = 6},
            .epochs = 7, .batchSize = 5, .seqLength = 33, .carryState = false, .windowStride = 3, .valShare = 0.2,
            .seed = 12345678901234ull, .checkpointEvery = 4, .metricsEverySteps = 9, .device = "cuda:1",
            .threads = 3, .mixedPrecision = true, .maxMinutes = 1.5};
}

SamplingSettings everySamplingFieldChanged() {
    return {.greedy = true, .temperature = 0.75, .topK = 12, .topP = 0.9, .repetitionPenalty = 1.3,
            .repetitionWindow = 24, .noRepeatNgram = 3, .maxNoteBeats = 4.5, .maxPolyphony = 6, .seed = 99,
            .alternatives = 3};
}

// variations and sampling are not part of this JSON (a recipe names one piece and keeps sampling apart).
GenerationSettings everyGenerationFieldChanged() {
    return {.length = 321, .bars = 8.5, .seconds = 30.25, .variations = 1, .sampling = {}, .mode = DecodeMode::Windowed,
            .window = 64, .stopAtEnd = false};
}

}  // namespace

TEST(TokenizerSettingsJson, EveryFieldRoundTrips) {
    for (const auto& t : {remiTokenizer(), paperNotesTokenizer()})
        EXPECT_EQ(TokenizerSettings::fromJson(t.toJson()), t) << t.toJson();
}

TEST(TokenizerSettingsJson, ReadsAndWritesWhat010Wrote) {
    const std::string remi = R"({"kind":"remi","maxShiftSteps":96,"noteStepBeats":0.25,"part":"all","remiVersion":1,)"
                             R"("stepsPerBeat":12,"triplets":false,"velocityBins":16})";
    // Without the remi keys: the token-cache keys of the other representations stay what they were.
    const std::string notes = R"({"kind":"paper-notes","maxShiftSteps":20,"noteStepBeats":0.75,"part":"Violin",)"
                              R"("stepsPerBeat":8,"velocityBins":4})";
    EXPECT_EQ(TokenizerSettings::fromJson(remi), remiTokenizer());
    EXPECT_EQ(TokenizerSettings::fromJson(notes), paperNotesTokenizer());
    EXPECT_EQ(remiTokenizer().toJson(), remi);
    EXPECT_EQ(paperNotesTokenizer().toJson(), notes);
    EXPECT_EQ(TokenizerSettings::fromJson("{}"), TokenizerSettings{});
}

TEST(TokenizerSettingsJson, AnUnknownKindNamesItselfAndTheKnownOnes) {
    try {
        TokenizerSettings::fromJson(R"({"kind":"midi-like"})");
        FAIL() << "no error";
    } catch (const std::invalid_argument& e) {
        EXPECT_STREQ(e.what(), "unknown representation 'midi-like' (expected paper-notes, abc-chars, events, remi or drums)");
    }
    EXPECT_THROW(TokenizerSettings::fromJson(R"({"kind":3})"), std::runtime_error);
}

TEST(TrainingConfigJson, EveryFieldRoundTrips) {
    const TrainingConfig c = everyFieldChanged();
    EXPECT_EQ(TrainingConfig::fromJson(c.toJson()), c);
    for (const ModelKind kind : {ModelKind::PaperMidi, ModelKind::PaperAbc, ModelKind::Lstm})
        EXPECT_EQ(TrainingConfig::fromJson(TrainingConfig::forModel(kind).toJson()), TrainingConfig::forModel(kind));
}

// The drum GAN's own settings are written for that model alone, and every one of them comes back.
TEST(TrainingConfigJson, TheDrumGansSettingsRoundTripAndStayOutOfOtherModelsFiles) {
    TrainingConfig c = TrainingConfig::forModel(ModelKind::DrumGan);
    c.model.gan = {.generator = DrumGanGenerator::Lstm, .noise = 32, .criticSteps = 3, .penaltyWeight = 5,
                   .barCorrelation = 0.5, .stepsPerQuarter = 3, .numerator = 12, .denominator = 8};
    EXPECT_NO_THROW(c.validate());
    EXPECT_EQ(TrainingConfig::fromJson(c.toJson()), c);
    EXPECT_NE(c.toJson().find("\"barCorrelation\": 0.5"), std::string::npos);
    EXPECT_EQ(TrainingConfig::forModel(ModelKind::Lstm).toJson().find("barCorrelation"), std::string::npos);
    c.tokenizer.kind = TokenizerKind::Events;
    EXPECT_THROW(c.validate(), std::invalid_argument);  // a drum GAN learns drum patterns
}

TEST(TrainingConfigJson, ReadsAndWritesWhat010Wrote) {
    const std::string every = fixture("training-every-field-0.1.0.json");
    EXPECT_EQ(TrainingConfig::fromJson(every), everyFieldChanged());
    EXPECT_EQ(everyFieldChanged().toJson(), every);
    const std::string abc = fixture("training-paper-abc-0.1.0.json");
    EXPECT_EQ(TrainingConfig::fromJson(abc), TrainingConfig::forModel(ModelKind::PaperAbc));
    EXPECT_EQ(TrainingConfig::forModel(ModelKind::PaperAbc).toJson(), abc);
    // Files from before a key existed: it keeps its default.
    EXPECT_EQ(TrainingConfig::fromJson(R"({"epochs":3})").model, ModelConfig{});
}

TEST(TrainingConfigJson, UnknownWordsAreNamedWithTheKnownOnes) {
    auto message = [](const std::string& json) -> std::string {
        try {
            TrainingConfig::fromJson(json);
        } catch (const std::invalid_argument& e) {
            return e.what();
        }
        return "no error";
    };
    EXPECT_EQ(message(R"({"model":{"kind":"gpt"}})"), "unknown model 'gpt' (expected paper-midi, paper-abc, lstm, transformer or paper-drums-gan)");
    EXPECT_EQ(message(R"({"model":{"lstmKernel":"cudnn"}})"), "unknown LSTM kernel 'cudnn' (expected auto, fused or aten)");
    EXPECT_EQ(message(R"({"optimizer":{"name":"sgd"}})"), "unknown optimizer 'sgd' (expected rmsprop, adam or adamw)");
    EXPECT_EQ(message(R"({"optimizer":{"schedule":"linear"}})"), "unknown schedule 'linear' (expected none, cosine or step)");
    EXPECT_EQ(message(R"({"tokenizer":{"kind":"bytes"}})"),
              "unknown representation 'bytes' (expected paper-notes, abc-chars, events, remi or drums)");
}

TEST(SamplingSettingsJson, EveryFieldRoundTrips) {
    const SamplingSettings s = everySamplingFieldChanged();
    EXPECT_EQ(SamplingSettings::fromJson(s.toJson()), s);
}

TEST(SamplingSettingsJson, ReadsAndWritesWhat010Wrote) {
    const std::string old = R"({"greedy":true,"temperature":0.75,"top_k":12,"top_p":0.9,"repetition_penalty":1.3,)"
                            R"("repetition_window":24,"no_repeat_ngram":3,"max_note_beats":4.5,"max_polyphony":6,)"
                            R"("seed":99,"alternatives":3})";
    EXPECT_EQ(SamplingSettings::fromJson(old), everySamplingFieldChanged());
    EXPECT_EQ(everySamplingFieldChanged().toJson(), old);
    // Recipes from before the held-note limits: off, so they regenerate exactly.
    const SamplingSettings before = SamplingSettings::fromJson(R"({"seed":5})");
    EXPECT_EQ(before.maxNoteBeats, 0.0);
    EXPECT_EQ(before.maxPolyphony, 0);
    EXPECT_EQ(before.topK, SamplingSettings{}.topK);
}

TEST(GenerationSettingsJson, EveryFieldRoundTrips) {
    const GenerationSettings g = everyGenerationFieldChanged();
    EXPECT_EQ(GenerationSettings::fromJson(g.toJson()), g);
    EXPECT_EQ(GenerationSettings::fromJson(GenerationSettings{}.toJson()), GenerationSettings{});
}

TEST(GenerationSettingsJson, ReadsAndWritesWhat010Wrote) {
    const std::string old = R"({"length":321,"bars":8.5,"seconds":30.25,"mode":"windowed","window":64,"stop_at_end":false})";
    const std::string defaults = R"({"length":500,"bars":null,"seconds":null,"mode":"incremental","window":0,"stop_at_end":true})";
    EXPECT_EQ(GenerationSettings::fromJson(old), everyGenerationFieldChanged());
    EXPECT_EQ(everyGenerationFieldChanged().toJson(), old);
    EXPECT_EQ(GenerationSettings::fromJson(defaults), GenerationSettings{});
    EXPECT_EQ(GenerationSettings{}.toJson(), defaults);
    EXPECT_THROW(GenerationSettings::fromJson(R"({"mode":"beam"})"), std::invalid_argument);
}
