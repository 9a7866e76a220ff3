// SPDX-License-Identifier: GPL-3.0-or-later
// Issue 4's "done when", through the CLI as a user runs it: a model trained the way packaging/demo.sh trains it
// (lstm on events, all of the demo data; only smaller, so the test takes seconds) generates distinct, valid MIDI
// with each sampling mode, greedy output is deterministic, ABC models write tunes our ABC reader reads, and
// `evaluate --model` reports the held-out loss the model file records.
#include <gtest/gtest.h>

#include <algorithm>
#include <cmath>
#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <map>
#include <nlohmann/json.hpp>
#include <set>
#include <sstream>
#include <tuple>

#include "GenerationTestModels.h"
#include "support/CliRunner.h"
#include "abc/AbcReader.h"
#include "smf/MidiFileReader.h"
#include "training/ModelFile.h"

namespace fs = std::filesystem;

namespace {

std::string slurp(const fs::path& p) { return nf::test::readWholeFile(p); }

using nf::test::CliRun;

CliRun cli(const nf::test::TempDir& dir, const std::vector<std::string>& args) {
    return nf::test::runCli(NF_CLI_PATH, dir.path(), args);
}

using NoteKey = std::tuple<int, int, std::int64_t, std::int64_t>;  // track, pitch, start, duration

// The notes of a generated MIDI file after checking what makes it valid: it reads, holds notes, every note has a
// length and a MIDI pitch, and drum tracks sit on channel 10.
std::vector<NoteKey> validNotes(const std::string& path) {
    nf::MidiReadResult r;
    try {
        r = nf::readMidiFile(path);
    } catch (const std::exception& e) {
        ADD_FAILURE() << e.what();
        return {};
    }
    for (const auto& w : r.warnings) ADD_FAILURE() << path << ": " << w.text;  // e.g. a note never released
    std::vector<NoteKey> notes;
    for (std::size_t t = 0; t < r.score.tracks.size(); ++t) {
        const nf::Track& track = r.score.tracks[t];
        if (track.isDrum) {
            EXPECT_EQ(track.channel, 9) << path;
        }
        for (const nf::Note& n : track.notes) {
            EXPECT_GT(n.duration, 0) << path;
            EXPECT_GE(n.pitch, 0);
            EXPECT_LE(n.pitch, 127);
            notes.emplace_back(static_cast<int>(t), n.pitch, n.start, n.duration);
        }
    }
    EXPECT_FALSE(notes.empty()) << path;
    return notes;
}

const fs::path kDemo = fs::path(NF_SOURCE_DIR) / "resources/demo";

struct HeldNotes {
    double longestBeats = 0;  // the longest note
    int mostAtOnce = 0;       // the most notes sounding together, all tracks
};

HeldNotes heldNotes(const std::string& path) {
    const nf::Score score = nf::readMidiFile(path).score;
    std::vector<std::pair<std::int64_t, int>> edges;  // (tick, +1 on / -1 off); offs first at the same tick
    HeldNotes h;
    for (const auto& track : score.tracks)
        for (const auto& n : track.notes) {
            h.longestBeats = std::max(h.longestBeats, static_cast<double>(n.duration) / score.ppq());
            edges.emplace_back(n.start, 1);
            edges.emplace_back(n.start + n.duration, -1);
        }
    std::sort(edges.begin(), edges.end());
    int sounding = 0;
    for (const auto& e : edges) h.mostAtOnce = std::max(h.mostAtOnce, sounding += e.second);
    return h;
}

// demo.sh's training (lstm on events, all of the demo data), with a smaller network; `model` is written. The time cap
// is only a guard against a hang: a cap that binds makes the model depend on the machine's load (a loaded machine
// trained less, and a barely trained model wrote no notes at all), and the tests assert what a given model does.
CliRun trainLikeTheDemo(const nf::test::TempDir& dir, const std::string& model, const std::string& epochs,
                        const std::string& hidden, const std::string& embed, const std::string& minutes) {
    return cli(dir, {"train", "--data", kDemo.string(), "--out", model, "--model", "lstm", "--epochs", epochs, "--hidden",
                     hidden, "--embed", embed, "--layers", "1", "--threads", "1", "--max-minutes", minutes, "--quiet"});
}

}  // namespace

TEST(DemoModelCli, HeldNoteLimitsKeepABarelyTrainedModelPlayable) {
    nf::test::TempDir dir("demo-held");
    const std::string model = dir.file("demo.nfm");
    // One epoch (about a second): the model has not learned to release its notes yet.
    CliRun r = trainLikeTheDemo(dir, model, "1", "32", "8", "5");
    ASSERT_EQ(r.code, 0) << r.err;
    const std::vector<std::string> common = {"generate", "--model", model, "--length", "600", "--seed", "3",
                                             "--temperature", "1.2", "--json"};
    auto args = common;
    args.insert(args.end(), {"--out", dir.file("free.mid"), "--max-note-beats", "0", "--max-polyphony", "0"});
    r = cli(dir, args);
    ASSERT_EQ(r.code, 0) << r.err;
    EXPECT_EQ(nlohmann::json::parse(r.out)["pieces"][0]["forced_releases"], 0);
    const HeldNotes free = heldNotes(dir.file("free.mid"));
    args = common;
    args.insert(args.end(), {"--out", dir.file("held.mid"), "--max-note-beats", "1", "--max-polyphony", "3"});
    r = cli(dir, args);
    ASSERT_EQ(r.code, 0) << r.err;
    const HeldNotes held = heldNotes(dir.file("held.mid"));
    // Released at the first token past one beat: at most one shift (2 beats) later.
    EXPECT_LE(held.longestBeats, 3.0 + 1e-9);
    EXPECT_LE(held.mostAtOnce, 3);
    EXPECT_GT(nlohmann::json::parse(r.out)["pieces"][0]["forced_releases"].get<int>(), 0);
    // Without the limits the same model and seed hold notes longer and pile more up: the limits did the work.
    EXPECT_GT(free.longestBeats, held.longestBeats);
    EXPECT_GT(free.mostAtOnce, held.mostAtOnce);
    validNotes(dir.file("held.mid"));
}

TEST(DemoModelCli, EverySamplingModeGivesDistinctValidMidiAndGreedyIsDeterministic) {
    nf::test::TempDir dir("demo-cli");
    const std::string model = dir.file("demo.nfm");
    CliRun r = trainLikeTheDemo(dir, model, "8", "64", "16", "5");
    ASSERT_EQ(r.code, 0) << r.err;

    const std::map<std::string, std::vector<std::string>> modes = {
        {"greedy", {"--temperature", "0"}},
        {"temperature", {"--temperature", "0.8"}},
        {"top-k", {"--top-k", "5"}},
        {"top-p", {"--top-p", "0.9"}},
        {"repetition-penalty", {"--repetition-penalty", "1.3"}},
        {"no-repeat-ngram", {"--no-repeat-ngram", "4"}},
    };
    std::set<std::vector<NoteKey>> distinct;
    for (const auto& [name, options] : modes) {
        std::vector<std::string> args = {"generate", "--model", model, "--out", dir.file(name + ".mid"),
                                         "--length", "200", "--seed", "5"};
        args.insert(args.end(), options.begin(), options.end());
        r = cli(dir, args);
        ASSERT_EQ(r.code, 0) << name << ": " << r.err;
        distinct.insert(validNotes(dir.file(name + ".mid")));
    }
    EXPECT_EQ(distinct.size(), modes.size()) << "two sampling modes produced the same piece";

    // Greedy is deterministic: the same command in another process writes the same file, byte for byte ...
    r = cli(dir, {"generate", "--model", model, "--out", dir.file("greedy2.mid"), "--length", "200", "--seed", "5",
                  "--temperature", "0"});
    ASSERT_EQ(r.code, 0) << r.err;
    EXPECT_EQ(slurp(dir.file("greedy.mid")), slurp(dir.file("greedy2.mid")));
    // ... and, from the same primer, the seed does not matter (it only draws the primer window otherwise).
    const std::string primer = (kDemo / "midi/pianobooster/BeginnerCourse-03-UpAndDown.mid").string();
    std::vector<NoteKey> firstGreedy;
    for (const char* seed : {"1", "99"}) {
        r = cli(dir, {"generate", "--model", model, "--out", dir.file("greedy3.mid"), "--length", "200", "--seed", seed,
                      "--temperature", "0", "--primer", primer});
        ASSERT_EQ(r.code, 0) << r.err;
        const auto notes = validNotes(dir.file("greedy3.mid"));
        if (firstGreedy.empty()) firstGreedy = notes;
        EXPECT_EQ(notes, firstGreedy) << "seed " << seed;
    }

    // demo.sh's own settings, three variations in one batch: three different pieces.
    r = cli(dir, {"generate", "--model", model, "--out", dir.file("v.mid"), "--variations", "3", "--seed", "7",
                  "--temperature", "0.9", "--top-p", "0.95", "--repetition-penalty", "1.2", "--no-repeat-ngram", "8",
                  "--length", "200"});
    ASSERT_EQ(r.code, 0) << r.err;
    std::set<std::vector<NoteKey>> variations;
    for (int k = 1; k <= 3; ++k) variations.insert(validNotes(dir.file(nf::test::numberedName("v-", static_cast<long long>(k), ".mid"))));
    EXPECT_EQ(variations.size(), 3u);

    // evaluate --model reports the held-out loss recorded in the model file, and its perplexity.
    const auto info = nlohmann::json::parse(nf::readModelFile(model).infoJson);
    ASSERT_TRUE(info.at("bestValLoss").is_number());
    const double loss = info.at("bestValLoss").get<double>();
    r = cli(dir, {"evaluate", dir.file("v-1.mid"), "--against", (kDemo / "midi/pianobooster").string(), "--model", model,
                  "--json"});
    ASSERT_EQ(r.code, 0) << r.err;
    const auto j = nlohmann::json::parse(r.out);
    EXPECT_EQ(j["model"]["file"], model);
    EXPECT_NEAR(j["model"]["validation_loss"].get<double>(), loss, 1e-9);
    EXPECT_NEAR(j["model"]["perplexity"].get<double>(), std::exp(loss), 1e-6);
    EXPECT_EQ(j["model"]["representation"], "events");
    r = cli(dir, {"evaluate", dir.file("v-1.mid"), "--against", (kDemo / "midi/pianobooster").string(), "--model", model});
    ASSERT_EQ(r.code, 0) << r.err;
    char expected[64];
    std::snprintf(expected, sizeof expected, "held-out validation loss %.4f", loss);
    EXPECT_NE(r.out.find(expected), std::string::npos) << r.out;
    EXPECT_NE(r.out.find("perplexity"), std::string::npos) << r.out;
    EXPECT_NE(r.out.find("tokens of the loss"), std::string::npos) << r.out;

    // evaluate --compare shows the same figures per model.
    r = cli(dir, {"evaluate", "--compare", model, "--against", (kDemo / "midi/pianobooster").string(), "--pieces", "1",
                  "--length", "60", "--json"});
    ASSERT_EQ(r.code, 0) << r.err;
    const auto c = nlohmann::json::parse(r.out);
    EXPECT_NEAR(c["sets"][0]["model"]["validation_loss"].get<double>(), loss, 1e-9);
    EXPECT_NEAR(c["sets"][0]["model"]["perplexity"].get<double>(), std::exp(loss), 1e-6);

    // A model file that is not one is one clear line, not a table with blanks.
    std::ofstream(dir.file("junk.nfm")) << "junk";
    r = cli(dir, {"evaluate", dir.file("v-1.mid"), "--against", (kDemo / "midi/pianobooster").string(), "--model",
                  dir.file("junk.nfm")});
    EXPECT_EQ(r.code, 1);
    EXPECT_NE(r.err.find("junk.nfm"), std::string::npos) << r.err;
}

TEST(DemoModelCli, AbcModelWritesTunesTheAbcReaderReads) {
    nf::test::TempDir dir("demo-cli-abc");
    const std::string model = nf::test::generationTestModel("paper-abc");
    int written = 0;
    for (const std::vector<std::string>& mode : std::vector<std::vector<std::string>>{
             {"--temperature", "0"}, {"--temperature", "0.6"}, {"--top-k", "3"}, {"--top-p", "0.8"}}) {
        std::vector<std::string> args = {"generate", "--model", model, "--out", dir.file("t.abc"), "--variations", "3",
                                         "--seed", "11", "--length", "300", "--primer-data",
                                         nf::test::generationTestData("paper-abc")};
        args.insert(args.end(), mode.begin(), mode.end());
        const CliRun r = cli(dir, args);
        for (int k = 1; k <= 3; ++k) {
            const std::string path = dir.file(nf::test::numberedName("t-", static_cast<long long>(k), ".abc"));
            if (!fs::exists(path)) {
                // Never written silently broken: a tune that does not read is reported instead.
                EXPECT_NE(r.err.find(nf::test::numberedName("t-", k, ".abc: not written")), std::string::npos) << r.err;
                continue;
            }
            ++written;
            const auto tunes = nf::readAbcFile(path);
            ASSERT_FALSE(tunes.empty()) << path;
            ASSERT_TRUE(tunes.front().score) << path << ": " << tunes.front().error->what();
            EXPECT_GT(tunes.front().score->noteCount(), 0u) << path;
            fs::remove(path);
        }
    }
    EXPECT_GE(written, 6) << "fewer than half the generated tunes were readable";
}
