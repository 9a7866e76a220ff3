// SPDX-License-Identifier: GPL-3.0-or-later
// Infill, accompaniment and continuation with a (tiny) trained remi model: the music around a fill comes back
// note for note, hard constraints hold, bars land where asked, and bad requests are refused in one line.
#include <gtest/gtest.h>

#include <algorithm>
#include <array>
#include <cmath>
#include <filesystem>
#include <fstream>

#include "GenerationTestModels.h"
#include "abc/AbcReader.h"
#include "dataset/Dataset.h"
#include "evaluation/ContextFit.h"
#include "generation/GenerationModel.h"
#include "generation/OnsetsAround.h"
#include "generation/PhraseAnswer.h"
#include "generation/RemiSteering.h"
#include "music/BarGrid.h"
#include "remi/RemiTokenizer.h"
#include "support/CliRunner.h"

#include <nlohmann/json.hpp>

namespace nf {
namespace {

namespace fs = std::filesystem;

const GenerationModel& remiModel() {
    static const GenerationModel model = GenerationModel::open(test::generationTestModel("remi"));
    return model;
}

// A jig with melody, chords and bass as abc2midi plays it (not among the test model's training tunes), its tracks
// without notes left out so that tracks 1..n all play.
Score jig() {
    const Dataset d = loadDataset((fs::path(NF_SOURCE_DIR) / "resources/demo/midi/abc2midi-nottingham/jigs125.mid").string());
    if (d.pieces.empty()) {
        ADD_FAILURE() << "jigs125.mid does not load";
        return Score(480);
    }
    Score s = d.pieces.front().score;
    std::erase_if(s.tracks, [](const Track& t) { return t.notes.empty(); });
    EXPECT_GE(s.tracks.size(), 2u);
    return s;
}

SteeringRequest request(std::uint64_t seed, int candidates = 1) {
    SteeringRequest r;
    r.sampling.seed = seed;
    r.sampling.maxNoteBeats = 0;
    r.sampling.maxPolyphony = 0;
    r.candidates = candidates;
    return r;
}

TEST(RemiSteering, InfillKeepsEverythingOutsideTheSpanNoteForNote) {
    const Score in = jig();
    const Score copy = in;
    const auto bars = barLines(in, in.endTick());
    const std::size_t a = 3, b = 4;  // bar indices; numbers as the musician sees them below
    const RemiSteering steering(remiModel());
    const auto out = steering.infill(in, bars[a].number, bars[b].number, {1}, request(3, 2));
    ASSERT_EQ(out.size(), 2u);
    EXPECT_EQ(in, copy);  // the input is never touched
    for (const auto& c : out) {
        ASSERT_EQ(c.score.tracks.size(), in.tracks.size());
        EXPECT_EQ(c.score.timeSignatures, in.timeSignatures);
        EXPECT_EQ(c.score.tempoMap().changes(), in.tempoMap().changes());
        for (std::size_t t = 1; t < in.tracks.size(); ++t) EXPECT_EQ(c.score.tracks[t].notes, in.tracks[t].notes);
        std::vector<Note> kept, keptIn;
        for (const Note& n : c.score.tracks[0].notes) {
            const bool inSpan = n.start >= bars[a].start && n.start < bars[b].end();
            const bool generated = std::find(c.generated.begin(), c.generated.end(), n.id) != c.generated.end();
            EXPECT_EQ(inSpan, generated) << "note " << n.pitch << " at " << n.start;
            if (generated) EXPECT_LE(n.end(), bars[b].end());
            else kept.push_back(n);
        }
        for (const Note& n : in.tracks[0].notes)
            if (n.start < bars[a].start || n.start >= bars[b].end()) keptIn.push_back(n);
        EXPECT_EQ(kept, keptIn);
        for (NoteId id : c.generated) EXPECT_TRUE(c.confidence.count(id));
    }
}

TEST(RemiSteering, HardConstraintsHoldInTheWrittenNotes) {
    const Score in = jig();
    const auto bars = barLines(in, in.endTick());
    const RemiSteering steering(remiModel());
    auto r = request(11, 3);
    r.controls.scale = parseScale("E phrygian");
    r.controls.lowest = 64;
    r.controls.highest = 76;
    r.controls.polyphony = 1;
    r.controls.density = 8;
    const auto out = steering.infill(in, bars[1].number, bars[6].number, {1, 2}, r);
    std::size_t written = 0;
    for (const auto& c : out) {
        EXPECT_FALSE(c.cancelled);  // six bars: two chunks, both written
        for (std::size_t t = 0; t < 2; ++t) {
            const auto& notes = c.score.tracks[t].notes;
            for (const Note& n : notes) {
                if (std::find(c.generated.begin(), c.generated.end(), n.id) == c.generated.end()) continue;
                ++written;
                EXPECT_TRUE(r.controls.scale->contains(n.pitch)) << n.pitch;
                EXPECT_GE(n.pitch, 64);
                EXPECT_LE(n.pitch, 76);
                for (const Note& m : notes) {  // one note at a time among the generated ones
                    if (m.id != n.id && std::find(c.generated.begin(), c.generated.end(), m.id) != c.generated.end()) {
                        EXPECT_FALSE(m.start <= n.start && n.start < m.end()) << n.start;
                    }
                }
            }
        }
    }
    EXPECT_GT(written, 0u);
}

// The grid positions (remi units from their bar's start) of the generated notes of a candidate.
std::vector<int> generatedOnsets(const SteeredPiece& c) {
    const auto bars = barLines(c.score, c.score.endTick());
    std::vector<int> out;
    for (const Track& t : c.score.tracks)
        for (const Note& n : t.notes)
            if (std::find(c.generated.begin(), c.generated.end(), n.id) != c.generated.end())
                out.push_back(static_cast<int>(std::lround(static_cast<double>(n.start - bars[barIndexAt(bars, n.start)].start) *
                                                           remi::kUnitsPerBeat / c.score.ppq())));
    return out;
}

// "Keep the rhythm": a rewritten passage, a new part and a continuation start notes only where the music around
// them does; the same requests without it (the tiny model plays anywhere) do not.
TEST(RemiSteering, KeepingTheRhythmStartsNotesOnlyWhereTheMusicAroundDoes) {
    const Score in = jig();
    const auto bars = barLines(in, in.endTick());
    const RemiSteering steering(remiModel());
    auto kept = request(21, 3);
    kept.controls.keepRhythm = true;
    const auto check = [](const std::vector<SteeredPiece>& out, const std::vector<int>& lock, bool locked) {
        ASSERT_FALSE(lock.empty());
        std::size_t notes = 0, off = 0;
        for (const auto& c : out)
            for (int u : generatedOnsets(c)) {
                ++notes;
                off += !std::binary_search(lock.begin(), lock.end(), u);
            }
        EXPECT_GT(notes, 0u);
        if (locked) {
            EXPECT_EQ(off, 0u) << "of " << notes << " notes";
        } else {
            EXPECT_GT(off, 0u) << "the tiny model kept to the rhythm without being asked: the test shows nothing";
        }
    };
    const auto& tokenizer = static_cast<const RemiTokenizer&>(remiModel().tokenizer());
    const auto fillLock = onsetsAround(tokenizer, in, bars, 3, 4, {0});
    const auto locked = steering.infill(in, bars[3].number, bars[4].number, {1}, kept);
    check(locked, fillLock, true);
    EXPECT_EQ(locked.front().controls.onsets, fillLock) << "the candidates say what they were locked to";
    check(steering.infill(in, bars[3].number, bars[4].number, {1}, request(21, 3)), fillLock, false);

    const auto bandLock = onsetsAround(tokenizer, in, bars, 0, bars.size() - 1, {in.tracks.size()});
    check(steering.accompany(in, -1, kept), bandLock, true);
    check(steering.accompany(in, -1, request(21, 3)), bandLock, false);

    std::vector<std::size_t> all(in.tracks.size());
    for (std::size_t t = 0; t < all.size(); ++t) all[t] = t;
    const std::size_t x = bars.size() - 4;
    const auto continueLock = onsetsAround(tokenizer, in, bars, x, x + 3, all, false);
    check(steering.continuePiece(in, bars[x].number, 4, kept), continueLock, true);
    check(steering.continuePiece(in, bars[x].number, 4, request(21, 3)), continueLock, false);

    // Nothing around to keep the rhythm of (one track, silent but for the passage): nothing is locked, and said so.
    Score alone = in;
    alone.tracks.resize(1);
    std::erase_if(alone.tracks[0].notes, [&](const Note& n) { return n.start < bars[3].start || n.start >= bars[4].end(); });
    const auto free = steering.infill(alone, bars[3].number, bars[4].number, {1}, kept);
    EXPECT_TRUE(free.front().controls.onsets.empty());
    EXPECT_NE(free.front().controls.describe().find("not locked"), std::string::npos) << free.front().controls.describe();
}

TEST(RemiSteering, AccompanyAddsADrumPartAndKeepsTheRest) {
    const Score in = jig();
    const RemiSteering steering(remiModel());
    const auto out = steering.accompany(in, -1, request(5));
    EXPECT_FALSE(out.front().cancelled);  // every chunk of 8 bars was written, not just the first
    ASSERT_EQ(out.front().score.tracks.size(), in.tracks.size() + 1);
    const Track& drums = out.front().score.tracks.back();
    EXPECT_TRUE(drums.isDrum);
    EXPECT_EQ(drums.channel, 9);
    for (std::size_t t = 0; t < in.tracks.size(); ++t) EXPECT_EQ(out.front().score.tracks[t].notes, in.tracks[t].notes);
}

TEST(RemiSteering, ContinuationAndNewPiecesLandOnTheAskedBars) {
    const Score in = jig();
    const auto bars = barLines(in, in.endTick());
    const RemiSteering steering(remiModel());
    const auto cont = steering.continuePiece(in, bars[4].number, 2, request(8)).front();
    for (std::size_t t = 0; t < in.tracks.size(); ++t) {
        for (const Note& n : in.tracks[t].notes) {
            if (n.start < bars[4].start) {
                EXPECT_NE(std::find(cont.score.tracks[t].notes.begin(), cont.score.tracks[t].notes.end(), n),
                          cont.score.tracks[t].notes.end());
            }
        }
    }
    for (const auto& t : cont.score.tracks)
        for (const Note& n : t.notes) {
            const bool generated = std::find(cont.generated.begin(), cont.generated.end(), n.id) != cont.generated.end();
            if (generated) {
                EXPECT_GE(n.start, bars[4].start);
                EXPECT_LE(n.end(), bars[5].end());
            } else {
                EXPECT_LT(n.start, bars[4].start);  // the old bars from bar 5 on are gone
            }
        }

    const auto jig = steering.newPiece(6, 8, 110, 4, parseScale("D major"), request(9)).front();
    ASSERT_EQ(jig.score.timeSignatures.size(), 1u);
    EXPECT_EQ(jig.score.timeSignatures[0].numerator, 6);
    EXPECT_EQ(jig.score.timeSignatures[0].denominator, 8);
    for (const auto& t : jig.score.tracks)
        for (const Note& n : t.notes) EXPECT_LE(n.end(), 4 * 3 * jig.score.ppq());
}

// Call and response: a phrase played on a keyboard (two bars of a D major tune at 120 bpm, as the jam's listener
// hands it over) is answered in the two bars after it, the answer's notes counted from its first downbeat.
TEST(RemiSteering, AnswersAPhraseInTheTwoBarsAfterIt) {
    const JamClock clock;  // 4/4 at 120 bpm: a bar is 2 s
    std::vector<PlayedNote> played;
    const int pitches[] = {62, 66, 69, 74, 73, 71, 69, 66};
    for (int i = 0; i < 8; ++i) played.push_back({pitches[i], 90, 2.0 + 0.5 * i, 2.0 + 0.5 * i + 0.4});
    const PhraseScore call = quantizePhrase(played, clock, 480, 4);
    ASSERT_EQ(call.firstBar, 1);
    ASSERT_EQ(call.bars, 2);
    const RemiSteering steering(remiModel());
    const auto answer = answerPhrase(steering, call, 2, request(12));
    ASSERT_FALSE(answer.empty());
    for (const Note& n : answer) {
        EXPECT_GE(n.start, 0);
        EXPECT_LE(n.end(), 2 * 1920);
    }
    EXPECT_EQ(answerPhrase(steering, call, 2, request(12)), answer) << "the same seed, the same answer";
    // Progress after each candidate (the Generation panel's bar).
    std::vector<std::pair<int, int>> reported;
    SteeringRequest two = request(5, 2);
    two.progress = [&](int done, int total) { reported.emplace_back(done, total); };
    steering.newPiece(4, 4, 120, 2, std::nullopt, two);
    EXPECT_EQ(reported, (std::vector<std::pair<int, int>>{{1, 2}, {2, 2}}));
    std::atomic<bool> cancel{true};
    SteeringRequest cancelled = request(12);
    cancelled.cancel = &cancel;
    EXPECT_TRUE(answerPhrase(steering, call, 2, cancelled).empty());
}

TEST(RemiSteering, BadRequestsAreRefusedInOneLine) {
    const Score in = jig();
    const RemiSteering steering(remiModel());
    const auto bars = barLines(in, in.endTick());
    EXPECT_THROW(steering.infill(in, 500, 501, {1}, request(1)), std::invalid_argument);
    EXPECT_THROW(steering.infill(in, 2, 1, {1}, request(1)), std::invalid_argument);
    EXPECT_THROW(steering.infill(in, 1, 2, {}, request(1)), std::invalid_argument);
    EXPECT_THROW(steering.infill(in, 1, 2, {9}, request(1)), std::invalid_argument);
    auto bad = request(1);
    bad.controls.lowest = 80;
    bad.controls.highest = 70;
    EXPECT_THROW(steering.infill(in, 1, 2, {1}, bad), std::invalid_argument);
    EXPECT_THROW(steering.newPiece(9, 5, 120, 4, std::nullopt, request(1)), std::invalid_argument);
    const GenerationModel events = GenerationModel::open(test::generationTestModel("lstm"));
    try {
        RemiSteering refused(events);
        ADD_FAILURE() << "an events model was taken for infill";
    } catch (const std::invalid_argument& e) {
        EXPECT_NE(std::string(e.what()).find("--repr remi"), std::string::npos) << e.what();
    }
    (void)bars;
}

namespace {
int countOf(const std::string& text, const std::string& what) {
    int n = 0;
    for (auto at = text.find(what); at != std::string::npos; at = text.find(what, at + what.size())) ++n;
    return n;
}
}  // namespace

TEST(RemiSteeringCli, InfillAccompanyAndGenerateFromTheCommandLine) {
    test::TempDir dir("remi-cli");
    const std::string model = test::generationTestModel("remi");
    const std::string tune = (fs::path(NF_SOURCE_DIR) / "resources/demo/abc/nottingham-waltzes-X1-30.abc").string();
    const auto cli = [&](const std::vector<std::string>& args) { return test::runCli(NF_CLI_PATH, dir.path(), args); };

    auto r = cli({"infill", tune, "--tune", "27", "--model", model, "--bars", "3-4", "--tracks", "1", "--candidates", "2",
                  "--scale", "G major", "--density", "6", "--seed", "4", "--out", dir.file("fill.mid")});
    EXPECT_EQ(r.code, 0) << r.err;
    EXPECT_TRUE(fs::exists(dir.file("fill-1.mid")) && fs::exists(dir.file("fill-2.mid"))) << r.out;
    EXPECT_EQ(countOf(r.out, "fits the bars around it"), 2) << r.out;
    EXPECT_EQ(countOf(r.out, "(best fit)"), 1) << r.out;
    // The fit of each candidate, as JSON; the best one marked; each the fit of the file written.
    r = cli({"infill", tune, "--tune", "27", "--model", model, "--bars", "3-4", "--tracks", "1", "--candidates", "3",
             "--seed", "5", "--json", "--out", dir.file("fit.mid")});
    ASSERT_EQ(r.code, 0) << r.err;
    const auto report = nlohmann::json::parse(r.out);
    ASSERT_EQ(report["candidates"].size(), 3u);
    double bestFit = -1;
    int bestCount = 0, phrasesCounted = 0, weightsCounted = 0;
    for (const auto& c : report["candidates"]) bestFit = std::max(bestFit, c["context_fit"].get<double>());
    for (const auto& c : report["candidates"]) {
        const double fit = c["context_fit"].get<double>();
        EXPECT_GT(fit, 0.0);
        EXPECT_LE(fit, 1.0);
        if (c["best_fit"].get<bool>()) {
            ++bestCount;
            EXPECT_EQ(fit, bestFit);
        }
        const Score written = loadDataset(c["file"].get<std::string>()).pieces.at(0).score;
        const auto bars = barLines(written, written.endTick());
        std::size_t first = 0;
        while (first < bars.size() && bars[first].number != 3) ++first;
        ASSERT_LT(first + 1, bars.size());
        // Ranked as the studio ranks: the neighbours and the bars at the passage's place in the phrases around it,
        // the groove weighed as kRankingWeights says.
        EXPECT_NEAR(contextFit(written, {0}, bars, first, first + 1, ContextReach::Phrases, kRankingWeights).value_or(-1), fit, 1e-9);
        phrasesCounted += std::abs(contextFit(written, {0}, bars, first, first + 1, ContextReach::Neighbours, kRankingWeights).value_or(-1) - fit) > 1e-9;
        weightsCounted += std::abs(contextFit(written, {0}, bars, first, first + 1, ContextReach::Phrases).value_or(-1) - fit) > 1e-9;
    }
    EXPECT_EQ(bestCount, 1);
    EXPECT_GT(phrasesCounted, 0) << "no candidate's fit differs from its neighbours' alone: the phrases were not read";
    EXPECT_GT(weightsCounted, 0) << "no candidate's fit differs from the equally weighted one: the weights were not used";

    r = cli({"accompany", tune, "--tune", "27", "--model", model, "--add", "bass", "--seed", "4", "--out", dir.file("acc.mid")});
    EXPECT_EQ(r.code, 0) << r.err;
    EXPECT_TRUE(fs::exists(dir.file("acc.mid")));
    r = cli({"accompany", tune, "--tune", "27", "--model", model, "--add", "bass", "--keep-rhythm", "--seed", "4", "--out",
             dir.file("acc-rhythm.mid")});
    EXPECT_EQ(r.code, 0) << r.err;
    EXPECT_NE(r.out.find("rhythm kept ("), std::string::npos) << "the positions the band's rhythm gave: " << r.out;

    r = cli({"generate", "--model", model, "--bars", "4", "--meter", "6/8", "--key", "D major", "--seed", "2", "--out",
             dir.file("jig.mid")});
    EXPECT_EQ(r.code, 0) << r.err;
    const Dataset jig = loadDataset(dir.file("jig.mid"));
    ASSERT_EQ(jig.pieces.size(), 1u);
    ASSERT_FALSE(jig.pieces[0].score.timeSignatures.empty());
    EXPECT_EQ(jig.pieces[0].score.timeSignatures[0].numerator, 6);

    r = cli({"generate", "--model", model, "--primer", dir.file("jig.mid"), "--bars", "2", "--seed", "2", "--out",
             dir.file("more.mid")});
    EXPECT_EQ(r.code, 0) << r.err;

    // A new piece has no music around it whose rhythm it could keep.
    r = cli({"generate", "--model", model, "--bars", "4", "--keep-rhythm", "--out", dir.file("x.mid")});
    EXPECT_EQ(r.code, 2) << r.err;
    EXPECT_NE(r.err.find("--primer"), std::string::npos) << r.err;
    EXPECT_FALSE(fs::exists(dir.file("x.mid")));
    r = cli({"generate", "--model", model, "--primer", dir.file("jig.mid"), "--bars", "2", "--keep-rhythm", "--seed", "2",
             "--out", dir.file("more-rhythm.mid")});
    EXPECT_EQ(r.code, 0) << r.err;

    // Bad input: one line, exit 2, nothing written.
    for (const auto& args : std::vector<std::vector<std::string>>{
             {"infill", tune, "--tune", "27", "--model", model, "--bars", "90-99", "--out", dir.file("x.mid")},
             {"infill", tune, "--tune", "27", "--model", model, "--bars", "1-2", "--scale", "Q lydian", "--out", dir.file("x.mid")},
             {"infill", tune, "--tune", "27", "--model", model, "--bars", "1-2", "--tracks", "7", "--out", dir.file("x.mid")},
             {"infill", tune, "--model", model, "--bars", "1-2", "--out", dir.file("x.mid")},
             {"infill", tune, "--tune", "27", "--model", test::generationTestModel("lstm"), "--bars", "1-2", "--out", dir.file("x.mid")},
             {"accompany", tune, "--tune", "27", "--model", model, "--add", "kazoo", "--out", dir.file("x.mid")}}) {
        r = cli(args);
        EXPECT_EQ(r.code, 2) << args[6] << ": " << r.err;
        EXPECT_EQ(std::count(r.err.begin(), r.err.end(), '\n'), 1) << r.err;
        EXPECT_FALSE(fs::exists(dir.file("x.mid")));
    }
}

TEST(RemiSteeringCli, EvaluateInfillComparesTheModelWithBothBaselines) {
    test::TempDir dir("remi-eval");
    const std::string model = test::generationTestModel("remi");
    const std::string jigs = (fs::path(NF_SOURCE_DIR) / "resources/demo/midi/abc2midi-nottingham").string();
    auto r = test::runCli(NF_CLI_PATH, dir.path(),
                          {"evaluate-infill", "--model", model, "--data", jigs, "--spans", "6", "--control-spans", "4",
                           "--structure-pieces", "1", "--json"});
    ASSERT_EQ(r.code, 0) << r.err;
    const auto j = nlohmann::json::parse(r.out);
    EXPECT_EQ(j["model_figures"]["spans"], 6);
    EXPECT_EQ(j["repeat_before"]["spans"], 6);
    EXPECT_GT(j["random_bars"]["spans"].get<int>(), 0);
    for (const char* f : {"pitch_class_overlap", "groove_similarity", "range_overlap"}) {
        EXPECT_GE(j["model_figures"][f].get<double>(), 0.0) << f;
        EXPECT_LE(j["model_figures"][f].get<double>(), 1.0) << f;
    }
    // The model's lead over repeat-before, span by span, is the difference of the two means, inside its interval.
    for (const char* f : {"pitch_class_overlap", "density_error", "groove_similarity", "range_overlap"}) {
        const auto& d = j["model_minus_repeat_before"][f];
        EXPECT_NEAR(d["mean"].get<double>(), j["model_figures"][f].get<double>() - j["repeat_before"][f].get<double>(), 1e-9) << f;
        EXPECT_LE(d["low"].get<double>(), d["high"].get<double>()) << f;
    }
    EXPECT_GT(j["loss"]["nats_per_token"].get<double>(), 0.0);
    EXPECT_EQ(j["control_accuracy"]["bars"], 4);
    // The text table gives the interval from five held-out pieces on; from two, the difference alone.
    for (const auto& [pieces, says] : {std::pair<const char*, const char*>{"0", "with a 95% interval over the held-out pieces"},
                                       std::pair<const char*, const char*>{"2", "(too few pieces for an interval)"}}) {
        const auto text = test::runCli(NF_CLI_PATH, dir.path(),
                                       {"evaluate-infill", "--model", model, "--data", jigs, "--pieces", pieces, "--spans",
                                        "6", "--control-spans", "0", "--structure-pieces", "0"});
        ASSERT_EQ(text.code, 0) << text.err;
        EXPECT_NE(text.out.find(says), std::string::npos) << text.out;
    }
    // Hard constraints are never broken, whatever the model.
    EXPECT_EQ(j["hard_constraints"]["in_scale"].get<double>(), 1.0);
    EXPECT_EQ(j["hard_constraints"]["in_range"].get<double>(), 1.0);
    EXPECT_EQ(j["hard_constraints"]["polyphony_cap_kept"].get<double>(), 1.0);
    EXPECT_EQ(j["hard_constraints"]["on_rhythm"].get<double>(), 1.0);
    EXPECT_GE(j["structure"]["held_out_bar_repetition"].get<double>(), 0.0);
    // New pieces' texture beside the held-out pieces' whose meters they were asked for: abc2midi's jigs are
    // melody, chords and bass (2.3-2.4 notes at once, as `evaluate` measures them).
    EXPECT_GT(j["structure"]["held_out_mean_polyphony"].get<double>(), 2.2);
    EXPECT_LT(j["structure"]["held_out_mean_polyphony"].get<double>(), 2.6);
    EXPECT_GE(j["structure"]["generated_mean_polyphony"].get<double>(), 1.0);

    // The model's spans asked for the controls of the bars before them, best of two candidates: their density
    // follows the request (the tiny model writes far too many notes when left alone).
    r = test::runCli(NF_CLI_PATH, dir.path(),
                     {"evaluate-infill", "--model", model, "--data", jigs, "--spans", "6", "--control-spans", "4",
                      "--structure-pieces", "1", "--controls", "context-key", "--best-of", "2", "--json"});
    ASSERT_EQ(r.code, 0) << r.err;
    const auto steered = nlohmann::json::parse(r.out);
    EXPECT_EQ(steered["controls"], "context-key");
    EXPECT_EQ(steered["best_of"], 2);
    EXPECT_EQ(steered["model_figures"]["spans"], 6);
    EXPECT_LT(steered["model_figures"]["density_error"].get<double>(), j["model_figures"]["density_error"].get<double>());
    // The same spans and the same draws of random bars (taken after each span's infill): the candidates and
    // controls change what the model writes, nothing else.
    EXPECT_EQ(steered["random_bars"], j["random_bars"]);
    // The spans' controls stay with the spans: the control-accuracy and structure runs are the default run's.
    EXPECT_EQ(steered["control_accuracy"], j["control_accuracy"]);
    EXPECT_EQ(steered["structure"], j["structure"]);
    // Asking for no controls and one candidate is the default run, figure for figure.
    r = test::runCli(NF_CLI_PATH, dir.path(),
                     {"evaluate-infill", "--model", model, "--data", jigs, "--spans", "6", "--control-spans", "4",
                      "--structure-pieces", "1", "--controls", "none", "--best-of", "1", "--json"});
    ASSERT_EQ(r.code, 0) << r.err;
    const auto plain = nlohmann::json::parse(r.out);
    EXPECT_EQ(plain["model_figures"], j["model_figures"]);
    EXPECT_EQ(plain["control_accuracy"], j["control_accuracy"]);
    // Keeping the rhythm of the bars around changes the model's spans and nothing else.
    r = test::runCli(NF_CLI_PATH, dir.path(),
                     {"evaluate-infill", "--model", model, "--data", jigs, "--spans", "6", "--control-spans", "4",
                      "--structure-pieces", "1", "--keep-rhythm", "--json"});
    ASSERT_EQ(r.code, 0) << r.err;
    const auto rhythm = nlohmann::json::parse(r.out);
    EXPECT_TRUE(rhythm["keep_rhythm"].get<bool>());
    EXPECT_FALSE(j["keep_rhythm"].get<bool>());
    EXPECT_NE(rhythm["model_figures"], j["model_figures"]);
    EXPECT_GT(rhythm["model_figures"]["groove_similarity"].get<double>(), j["model_figures"]["groove_similarity"].get<double>());
    EXPECT_EQ(rhythm["random_bars"], j["random_bars"]);
    EXPECT_EQ(rhythm["control_accuracy"], j["control_accuracy"]);

    // The same four candidates a span, compared once as the model's likeliest and once as the best fit to the bars
    // around the span: the pick that looks at the context gives spans that fit it better (strictly, for these seeded
    // spans: equal would mean the pick was ignored), and the figures of everything else are the same run's.
    const auto pickOf = [&](const char* pick) {
        auto run = test::runCli(NF_CLI_PATH, dir.path(),
                                {"evaluate-infill", "--model", model, "--data", jigs, "--spans", "6", "--control-spans",
                                 "0", "--structure-pieces", "0", "--best-of", "4", "--pick", pick, "--json"});
        EXPECT_EQ(run.code, 0) << run.err;
        return nlohmann::json::parse(run.out);
    };
    const auto likeliest = pickOf("likeliest"), fitting = pickOf("context-fit");
    EXPECT_EQ(fitting["pick"], "context-fit");
    EXPECT_GT(fitting["model_context_fit"].get<double>(), likeliest["model_context_fit"].get<double>());
    EXPECT_GE(fitting["model_copies_of_bars_before"].get<double>(), 0.0);
    EXPECT_LE(fitting["model_copies_of_bars_before"].get<double>(), 1.0);
    EXPECT_EQ(fitting["repeat_before"], likeliest["repeat_before"]);
    EXPECT_EQ(fitting["random_bars"], likeliest["random_bars"]);
    EXPECT_EQ(fitting["loss"], likeliest["loss"]);

    r = test::runCli(NF_CLI_PATH, dir.path(), {"evaluate-infill", "--model", model, "--controls", "sideways"});
    EXPECT_EQ(r.code, 2) << r.err;
    r = test::runCli(NF_CLI_PATH, dir.path(), {"evaluate-infill", "--model", model, "--pick", "loudest"});
    EXPECT_EQ(r.code, 2) << r.err;
    r = test::runCli(NF_CLI_PATH, dir.path(), {"evaluate-infill", "--model", test::generationTestModel("lstm"), "--data", jigs});
    EXPECT_EQ(r.code, 2) << r.err;
}

// --candidates-out lists every span's candidates with what a ranking may see (their comparisons with the bars
// around) and what only the evaluation may (their comparison with the truth): the fit made from the listed
// comparisons picks the candidate the run compared, and the picked candidates' truth figures are the run's figures.
// --fit-weights changes the ranking, not the candidates.
TEST(RemiSteeringCli, EvaluateInfillListsEveryCandidateAndRanksByTheWeightsGiven) {
    test::TempDir dir("remi-eval-candidates");
    const std::string model = test::generationTestModel("remi");
    const std::string jigs = (fs::path(NF_SOURCE_DIR) / "resources/demo/midi/abc2midi-nottingham").string();
    struct Run {
        nlohmann::json figures;
        std::vector<nlohmann::json> spans;
    };
    const auto run = [&](const std::string& weights) {
        std::vector<std::string> args{"evaluate-infill", "--model", model, "--data", jigs, "--spans", "6",
                                      "--control-spans", "0", "--structure-pieces", "0", "--best-of", "4", "--pick",
                                      "phrase-fit", "--json", "--candidates-out", dir.file("c.jsonl")};
        if (!weights.empty()) args.insert(args.end(), {"--fit-weights", weights});
        const auto r = test::runCli(NF_CLI_PATH, dir.path(), args);
        EXPECT_EQ(r.code, 0) << r.err;
        Run out{nlohmann::json::parse(r.out), {}};
        std::ifstream in(dir.file("c.jsonl"));
        for (std::string line; std::getline(in, line);) out.spans.push_back(nlohmann::json::parse(line));
        return out;
    };
    // The phrase fit of a listed candidate under weights (pitch classes, groove, range, density), as ContextFit makes it.
    const auto fitOf = [](const nlohmann::json& candidate, const std::array<double, 4>& w) {
        const auto similarity = [&](const nlohmann::json& row) {
            return (w[0] * row[2].get<double>() + w[1] * row[4].get<double>() + w[2] * row[5].get<double>() +
                    w[3] / (1.0 + row[3].get<double>())) / (w[0] + w[1] + w[2] + w[3]);
        };
        double neighbours = 0, best = -1;
        int count = 0;
        for (const auto& row : candidate["context"]) {
            if (row[1].get<bool>()) neighbours += similarity(row), ++count;
            else best = std::max(best, similarity(row));
        }
        neighbours /= count;
        return best < 0 ? neighbours : (neighbours + best) / 2;
    };
    const auto check = [&](const Run& r, const std::array<double, 4>& w) {
        ASSERT_EQ(r.spans.size(), 6u);
        double pitch = 0, groove = 0, repeatPitch = 0;
        for (const auto& span : r.spans) {
            ASSERT_EQ(span["candidates"].size(), 4u);
            std::size_t best = 0;
            for (std::size_t k = 1; k < 4; ++k)
                if (fitOf(span["candidates"][k], w) > fitOf(span["candidates"][best], w)) best = k;
            EXPECT_EQ(span["chosen"].get<std::size_t>(), best) << span["span"];
            const auto& truth = span["candidates"][best]["truth"];
            pitch += truth[0].get<double>();
            groove += truth[2].get<double>();
            repeatPitch += span["repeat_before"][0].get<double>();
        }
        EXPECT_NEAR(pitch / 6, r.figures["model_figures"]["pitch_class_overlap"].get<double>(), 1e-9);
        EXPECT_NEAR(groove / 6, r.figures["model_figures"]["groove_similarity"].get<double>(), 1e-9);
        EXPECT_NEAR(repeatPitch / 6, r.figures["repeat_before"]["pitch_class_overlap"].get<double>(), 1e-9);
    };
    // By default the studio's weights (kRankingWeights: the groove four times the others).
    const Run plain = run(""), byGroove = run("0,1,0,0");
    check(plain, {1, 4, 1, 1});
    EXPECT_EQ(plain.figures["fit_weights"]["groove_similarity"], 4.0);
    check(byGroove, {0, 1, 0, 0});
    EXPECT_EQ(byGroove.figures["fit_weights"]["pitch_class_overlap"], 0.0);
    // The same candidates, ranked otherwise: at least one span picks another (else the weights were ignored).
    int other = 0;
    for (std::size_t i = 0; i < 6; ++i) {
        EXPECT_EQ(plain.spans[i]["candidates"], byGroove.spans[i]["candidates"]);
        other += plain.spans[i]["chosen"] != byGroove.spans[i]["chosen"];
    }
    EXPECT_GT(other, 0);
    // Weights that rank nothing, or not four of them: a usage error, and no file.
    fs::remove(dir.file("c.jsonl"));
    for (const auto& [bad, says] : {std::pair<const char*, const char*>{"0,0,0,0", "at least one fit weight"},
                                    std::pair<const char*, const char*>{"1,1,1", "four numbers are needed"},
                                    std::pair<const char*, const char*>{"1,-1,1,1", "a number >= 0"},
                                    std::pair<const char*, const char*>{"1,x,1,1", "'x' is not a number"},
                                    std::pair<const char*, const char*>{"1,1,1,1,", "'' is not a number"}}) {
        const auto r = test::runCli(NF_CLI_PATH, dir.path(),
                                    {"evaluate-infill", "--model", model, "--data", jigs, "--spans", "2", "--fit-weights",
                                     bad, "--candidates-out", dir.file("c.jsonl")});
        EXPECT_EQ(r.code, 2) << bad << ": " << r.err;
        EXPECT_NE(r.err.find(std::string("--fit-weights ") + bad + ": "), std::string::npos) << r.err;
        EXPECT_NE(r.err.find(says), std::string::npos) << r.err;
        EXPECT_EQ(std::count(r.err.begin(), r.err.end(), '\n'), 1) << r.err;
        EXPECT_FALSE(fs::exists(dir.file("c.jsonl"))) << bad;
    }
}

TEST(RemiSteering, ContinuingATuneAfterItsPickupWritesFullBarsFromBarOne) {
    auto tunes = readAbcText("X:1\nM:6/8\nL:1/8\nK:D\nA|d2d fed|cBA A2G|FGA d2c|d3 d2:|\n", "pickup.abc");
    ASSERT_TRUE(tunes.front().score);
    const Score in = *tunes.front().score;
    const auto bars = barLines(in, in.endTick());
    ASSERT_EQ(bars[0].number, 0);  // the pickup
    const RemiSteering steering(remiModel());
    const auto out = steering.continuePiece(in, 1, 3, request(21, 3));
    const Tick eighth = in.ppq() / 2;
    for (const auto& c : out) {
        ASSERT_EQ(c.score.timeSignatures, in.timeSignatures);
        for (const auto& t : c.score.tracks)
            for (const Note& n : t.notes) {
                const bool generated = std::find(c.generated.begin(), c.generated.end(), n.id) != c.generated.end();
                if (!generated) continue;
                EXPECT_GE(n.start, bars[1].start);
                EXPECT_LE(n.end(), bars[1].start + 3 * 6 * eighth);
            }
    }
}

}  // namespace
}  // namespace nf
