// SPDX-License-Identifier: GPL-3.0-or-later
// Where base models are found, which one fits a folder, and names resolved to files (dataset/BaseModels.h).
#include <gtest/gtest.h>

#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <map>
#include <optional>

#include <unistd.h>

#include "EvaluationTestScores.h"
#include "dataset/BaseModels.h"

using namespace nf;
namespace fs = std::filesystem;

namespace {

// Sets an environment variable for one test and puts the old value back.
class ScopedEnv {
public:
    ScopedEnv(const char* name, const std::string& value) : name_(name) {
        if (const char* old = std::getenv(name)) old_ = old;
        setenv(name, value.c_str(), 1);
    }
    ~ScopedEnv() {
        if (old_) setenv(name_, old_->c_str(), 1);
        else unsetenv(name_);
    }

private:
    const char* name_;
    std::optional<std::string> old_;
};

Score ensemble(bool drums, int pitchedTracks) {
    Score s = evaltest::melody({60, 62, 64});
    for (int t = 1; t < pitchedTracks; ++t) {
        s.tracks.emplace_back();
        s.addNote(static_cast<std::size_t>(t), Note{0, 48, 80, 0, 480});
    }
    if (drums) {
        s.tracks.emplace_back();
        s.tracks.back().isDrum = true;
        s.addNote(s.tracks.size() - 1, Note{0, 36, 100, 0, 120});
    }
    return s;
}

}  // namespace

TEST(BaseModels, TheFittingBaseFollowsTheShareOfEnsembles) {
    const Score tune = evaltest::melody({67, 69, 71, 72});
    const Score withChords = ensemble(false, 3);   // melody, bass, chords: still a tune
    const Score band = ensemble(true, 2);          // drums
    const Score quartet = ensemble(false, 4);      // four pitched tracks
    EXPECT_EQ(fittingBaseModel({&tune, &withChords, &tune}), "folk");
    EXPECT_EQ(fittingBaseModel({&tune, &withChords, &band}), "multitrack");  // a third are ensembles
    EXPECT_EQ(fittingBaseModel({&tune, &tune, &tune, &tune, &quartet}), "folk");  // a fifth
    EXPECT_EQ(fittingBaseModel({&quartet}), "multitrack");
    EXPECT_EQ(fittingBaseModel({}), "folk");
    Score silentDrums = ensemble(true, 1);
    silentDrums.tracks.back().notes.clear();  // an empty drum track is no drum part
    EXPECT_EQ(fittingBaseModel({&silentDrums}), "folk");
}

TEST(BaseModels, TheFirstFolderWinsAndNamesResolveToFiles) {
    const fs::path root = fs::temp_directory_path() / ("nf-base-models-" + std::to_string(::getpid()));
    fs::create_directories(root / "mine");
    fs::create_directories(root / "xdg" / "noteforge" / "base-models");
    std::ofstream(root / "mine" / "folk.nfm") << "mine";
    std::ofstream(root / "mine" / "notes.txt") << "not a model";
    std::ofstream(root / "xdg" / "noteforge" / "base-models" / "folk.nfm") << "user's";
    std::ofstream(root / "xdg" / "noteforge" / "base-models" / "jazz.nfm") << "user's";
    {
        const ScopedEnv env("NF_BASE_MODELS", (root / "mine").string());
        const ScopedEnv xdg("XDG_DATA_HOME", (root / "xdg").string());
        const auto dirs = baseModelDirs();
        ASSERT_GE(dirs.size(), 3u);
        EXPECT_EQ(dirs[0], (root / "mine").string());
        EXPECT_EQ(dirs[1], (root / "xdg" / "noteforge" / "base-models").string());
        const auto found = findBaseModels();
        std::map<std::string, std::string> byName;
        for (const auto& b : found) byName[b.name] = b.path;
        EXPECT_EQ(byName.at("folk"), (root / "mine" / "folk.nfm").string()) << "the first folder wins";
        EXPECT_EQ(byName.at("jazz"), (root / "xdg" / "noteforge" / "base-models" / "jazz.nfm").string());
        EXPECT_FALSE(byName.count("notes"));
        EXPECT_TRUE(std::is_sorted(found.begin(), found.end(), [](auto& a, auto& b) { return a.name < b.name; }));
        EXPECT_EQ(resolveBaseModel("jazz"), byName.at("jazz"));
        const std::string file = (root / "mine" / "notes.txt").string();
        EXPECT_EQ(resolveBaseModel(file), file) << "an existing file is taken as it is";
        EXPECT_EQ(resolveBaseModel("no-such-base"), "");
    }
    fs::remove_all(root);
}
