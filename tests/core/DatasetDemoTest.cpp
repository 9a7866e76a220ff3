// SPDX-License-Identifier: GPL-3.0-or-later
// The bundled demo dataset is a fixed list: MANIFEST.md names every music file with its size, and the folder
// holds exactly those, all readable. (SHA-256 sums are checked by the demo_manifest test in tests/cli.)
#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>
#include <map>
#include <regex>

#include "dataset/Dataset.h"
#include "dataset/DatasetSummary.h"
#include "dataset/DemoData.h"
#include "dataset/MusicFormat.h"

using namespace nf;
namespace fs = std::filesystem;

namespace {

const fs::path kDemo = fs::path(NF_SOURCE_DIR) / "resources" / "demo";

// "| `path` | bytes | `sha` |" rows of MANIFEST.md's file table.
std::map<std::string, std::uintmax_t> manifestFiles() {
    std::ifstream in(kDemo / "MANIFEST.md");
    const std::regex row(R"(^\| `([^`]+)` \| (\d+) \| `[0-9a-f]{64}` \|$)");
    std::map<std::string, std::uintmax_t> files;
    std::string line;
    std::smatch m;
    while (std::getline(in, line))
        if (std::regex_match(line, m, row)) files[m[1]] = std::stoull(m[2]);
    return files;
}

}  // namespace

TEST(DatasetDemo, ManifestListsExactlyTheMusicFiles) {
    const auto listed = manifestFiles();
    ASSERT_FALSE(listed.empty()) << "no file table in " << (kDemo / "MANIFEST.md");
    std::map<std::string, std::uintmax_t> present;
    for (const auto& e : fs::recursive_directory_iterator(kDemo)) {
        if (!e.is_regular_file() || detectFormatFromExtension(e.path().string()) == MusicFormat::Unknown) continue;
        present[fs::relative(e.path(), kDemo).generic_string()] = e.file_size();
    }
    EXPECT_EQ(listed, present);
}

TEST(DatasetDemo, LoadsCompletely) {
    const Dataset d = loadDataset(kDemo.string());
    const DatasetSummary s = summarizeDataset(d);
    EXPECT_EQ(s.filesFailed, 0u);
    EXPECT_EQ(s.failedTunes, 0u);
    EXPECT_EQ(s.tunes, 60u);
    EXPECT_EQ(s.midiFiles, 40u);
    for (const auto& f : d.files)
        if (!f.ok) {
            EXPECT_TRUE(f.skipped) << f.error;
        }
    // Multi-track MIDI: every MIDI piece has more than one track with notes.
    for (const auto& p : d.pieces) {
        if (p.tuneNumber >= 0) continue;
        int withNotes = 0;
        for (const auto& t : p.score.tracks) withNotes += t.notes.empty() ? 0 : 1;
        EXPECT_GE(withNotes, 2) << p.file;
    }
}

TEST(DatasetDemo, FoundByDemoDataPath) {
    const std::string found = demoDataPath();
    ASSERT_FALSE(found.empty());
    EXPECT_TRUE(fs::equivalent(found, kDemo) || fs::exists(fs::path(found) / "MANIFEST.md")) << found;
}
