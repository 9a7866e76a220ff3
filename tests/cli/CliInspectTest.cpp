// SPDX-License-Identifier: GPL-3.0-or-later
// `noteforge-cli inspect`: the bundled demo data, and a folder where good files sit beside broken and non-music ones.
#include <gtest/gtest.h>
#include <nlohmann/json.hpp>

#include <unistd.h>

#include <filesystem>
#include <fstream>
#include <iterator>
#include <set>

#include "cli/CliRun.h"
#include "dataset/Dataset.h"
#include "dataset/DatasetSummary.h"

using nf::test::runCli;
using nlohmann::json;
namespace fs = std::filesystem;

namespace {

const fs::path kShared = NF_SHARED_DATA;
const fs::path kDemo = fs::path(NF_SOURCE_DIR) / "resources" / "demo";

std::string readBytes(const fs::path& p) {
    std::ifstream in(p, std::ios::binary);
    return {std::istreambuf_iterator<char>(in), {}};
}

void writeBytes(const fs::path& p, const std::string& bytes) {
    fs::create_directories(p.parent_path());
    std::ofstream(p, std::ios::binary) << bytes;
}

}  // namespace

TEST(CliInspect, DemoDataAsJson) {
    const auto r = runCli({"inspect", kDemo.string(), "--json"});
    ASSERT_EQ(r.exitCode, 0) << r.err;
    const json j = json::parse(r.out);
    // The same numbers as the library computes in-process.
    const nf::DatasetSummary s = nf::summarizeDataset(nf::loadDataset(kDemo.string()));
    EXPECT_EQ(j.at("files_read").get<std::size_t>(), s.filesRead);
    EXPECT_EQ(j.at("files_failed").get<std::size_t>(), 0u);
    EXPECT_EQ(j.at("files_skipped").get<std::size_t>(), s.filesSkipped);
    EXPECT_EQ(j.at("tunes").get<std::size_t>(), 60u);
    EXPECT_EQ(j.at("midi_files").get<std::size_t>(), 40u);
    EXPECT_EQ(j.at("pieces").get<std::size_t>(), 100u);
    EXPECT_EQ(j.at("notes").get<std::size_t>(), s.notes);
    EXPECT_EQ(j.at("tracks").get<std::size_t>(), s.tracks);
    EXPECT_EQ(j.at("chords").get<std::size_t>(), s.chords);
    EXPECT_GT(j.at("chords").get<std::size_t>(), 0u);  // the PianoBooster arrangements have chords
    EXPECT_NEAR(j.at("duration_seconds").get<double>(), s.seconds, 1e-6);
    EXPECT_EQ(j.at("pitch_range").at("lowest").get<int>(), s.lowestPitch);
    EXPECT_EQ(j.at("pitch_range").at("highest").get<int>(), s.highestPitch);
    EXPECT_TRUE(j.at("failures").empty());
    EXPECT_FALSE(j.at("cancelled").get<bool>());
    ASSERT_EQ(j.at("files").size(), s.filesTotal);
    for (const auto& f : j.at("files")) {
        for (const char* key : {"file", "format", "status", "error", "pieces", "failed_tunes", "tracks", "notes",
                                "seconds", "warnings", "tune_errors"})
            EXPECT_TRUE(f.contains(key)) << key;
    }
}

TEST(CliInspect, DefaultsToTheDemoData) {
    const auto r = runCli({"inspect"});
    EXPECT_EQ(r.exitCode, 0) << r.err;
    EXPECT_NE(r.out.find("60 ABC tunes"), std::string::npos) << r.out;
    EXPECT_NE(r.out.find("40 MIDI files"), std::string::npos) << r.out;
}

TEST(CliInspect, BadFilesAreListedAndGoodOnesStillRead) {
    if (!fs::exists(kShared / "midi")) GTEST_SKIP() << "no shared data";
    const fs::path dir = fs::temp_directory_path() / ("nf-cli-inspect-" + std::to_string(::getpid()));
    fs::remove_all(dir);
    const std::string midi = readBytes(kShared / "midi" / "pianobooster" / "BoosterMusic-06-Greensleeves.mid");
    writeBytes(dir / "good" / "greensleeves.mid", midi);
    writeBytes(dir / "good" / "waltzes.abc", readBytes(kShared / "abc" / "nottingham" / "waltzes.abc"));
    writeBytes(dir / "bad" / "header-cut.mid", midi.substr(0, 10));
    std::string flipped = midi;
    flipped[0] = static_cast<char>(flipped[0] ^ 0x20);  // "MThd" -> "mThd"
    writeBytes(dir / "bad" / "flipped.mid", flipped);
    writeBytes(dir / "bad" / "empty.abc", "");
    writeBytes(dir / "LICENSE", "Free to share.\n");
    const std::set<std::string> bad = {(dir / "bad" / "empty.abc").string(), (dir / "bad" / "flipped.mid").string(),
                                       (dir / "bad" / "header-cut.mid").string()};

    const auto r = runCli({"inspect", dir.string(), "--json"});
    EXPECT_EQ(r.exitCode, 1) << r.err;
    const json j = json::parse(r.out);
    std::set<std::string> listed;
    for (const auto& f : j.at("failures")) {
        listed.insert(f.at("file").get<std::string>());
        EXPECT_EQ(f.at("error").get<std::string>().rfind(f.at("file").get<std::string>() + ":", 0), 0u);
    }
    EXPECT_EQ(listed, bad);
    EXPECT_EQ(j.at("files_read").get<int>(), 2);
    EXPECT_EQ(j.at("files_skipped").get<int>(), 1);
    EXPECT_EQ(j.at("midi_files").get<int>(), 1);
    EXPECT_EQ(j.at("tunes").get<int>() + j.at("failed_tunes").get<int>(), 52);  // waltzes.abc holds 52 tunes

    // stderr: one "noteforge: FILE:...: msg" line per failed file (and per failed tune).
    std::set<std::string> named;
    for (const auto& line : r.errLines()) {
        ASSERT_EQ(line.rfind("noteforge: ", 0), 0u) << line;
        for (const auto& b : bad)
            if (line.rfind("noteforge: " + b + ":", 0) == 0) named.insert(b);
    }
    EXPECT_EQ(named, bad);

    // The text report says the same.
    const auto text = runCli({"inspect", dir.string()});
    EXPECT_EQ(text.exitCode, 1);
    for (const auto& b : bad) EXPECT_NE(text.out.find(b), std::string::npos) << b;
    EXPECT_NE(text.out.find("LICENSE"), std::string::npos);
    fs::remove_all(dir);
}

TEST(CliInspect, MissingPathFails) {
    const auto r = runCli({"inspect", "/nonexistent/folder/of/tunes"});
    EXPECT_EQ(r.exitCode, 1);
    EXPECT_EQ(r.err.rfind("noteforge: /nonexistent/folder/of/tunes:", 0), 0u) << r.err;
}
