// SPDX-License-Identifier: GPL-3.0-or-later
// The polyphony limit holds in the written file, not only in the token stream: a barely trained events model
// (tests/data/models/barely-trained-events.nfm) emits ON and OFF of a note before time moves, which the decoder turns
// into a note one step long; the guard once counted such notes as gone and let 5 notes sound under a limit of 3.
#include <gtest/gtest.h>

#include <unistd.h>

#include <algorithm>
#include <filesystem>
#include <string>
#include <utility>
#include <vector>

#include "cli/CliRun.h"
#include "smf/MidiFileReader.h"

using nf::test::runCli;
namespace fs = std::filesystem;

namespace {

int mostNotesAtOnce(const nf::Score& score) {
    std::vector<std::pair<long long, int>> edges;  // (tick, +1 start / -1 end); ends first at equal ticks
    for (const auto& t : score.tracks)
        for (const auto& n : t.notes) {
            edges.emplace_back(n.start, +1);
            edges.emplace_back(n.end(), -1);
        }
    std::sort(edges.begin(), edges.end());
    int now = 0, most = 0;
    for (const auto& e : edges) most = std::max(most, now += e.second);
    return most;
}

}  // namespace

TEST(CliHeldNotes, ThePolyphonyLimitHoldsInTheWrittenFile) {
    const fs::path dir = fs::temp_directory_path() / ("nf-held-" + std::to_string(getpid()));
    fs::create_directories(dir);
    const std::string model = std::string(NF_TEST_DATA_DIR) + "/models/barely-trained-events.nfm";
    const std::string demo = std::string(NF_SOURCE_DIR) + "/resources/demo";
    int worstUnlimited = 0;
    for (const char* seed : {"1", "2", "3", "4", "5"}) {
        const std::string out = (dir / (std::string("held-") + seed + ".mid")).string();
        const auto common = std::vector<std::string>{"generate", "--model", model, "--primer-data", demo, "--length",
                                                     "600", "--seed", seed, "--temperature", "1.2"};
        auto args = common;
        args.insert(args.end(), {"--out", out, "--max-note-beats", "1", "--max-polyphony", "3"});
        const auto r = runCli(args);
        ASSERT_EQ(r.exitCode, 0) << r.err;
        const nf::MidiReadResult held = nf::readMidiFile(out);
        EXPECT_LE(mostNotesAtOnce(held.score), 3) << "seed " << seed;
        args = common;
        const std::string free = (dir / (std::string("free-") + seed + ".mid")).string();
        args.insert(args.end(), {"--out", free, "--max-note-beats", "0", "--max-polyphony", "0"});
        ASSERT_EQ(runCli(args).exitCode, 0);
        worstUnlimited = std::max(worstUnlimited, mostNotesAtOnce(nf::readMidiFile(free).score));
    }
    // Without the limit the same model piles notes up: the limit did the work.
    EXPECT_GT(worstUnlimited, 3);
    fs::remove_all(dir);
}
