// SPDX-License-Identifier: GPL-3.0-or-later
#include <gtest/gtest.h>

#include <cstdlib>
#include <filesystem>
#include <fstream>

#include "AudioTestSupport.h"
#include "audio/Sf2Writer.h"
#include "audio/SoundfontLocator.h"

namespace nf {
namespace {

namespace fs = std::filesystem;

// A soundfont with only a couple of presets: installed, but not General MIDI.
void writeSmallFont(const std::string& path) {
    Sf2Bank bank;
    bank.name = "Small";
    Sf2Sample s;
    s.name = "saw";
    for (int i = 0; i < 800; ++i) s.data.push_back(static_cast<std::int16_t>((i % 100) * 300 - 15000));
    s.loopEnd = 800;
    bank.samples.push_back(s);
    bank.instruments.push_back({"Saw", {Sf2Zone{}}});
    bank.presets.push_back({"Saw", 0, 0, {Sf2Zone{}}});
    writeSf2File(bank, path);
}

TEST(SoundfontLocator, EmptySearchPathsFallBackToTheBundledSoundfont) {
    SoundfontSearch search;
    search.bundled = test::chipSoundfont();
    const SoundfontChoice c = SoundfontLocator(search).choose();
    EXPECT_EQ(c.reason, SoundfontChoice::Reason::Bundled);
    EXPECT_EQ(c.path, test::chipSoundfont());
    const SoundfontScan scan = SoundfontLocator(search).scan();
    ASSERT_EQ(scan.found.size(), 1u);
    EXPECT_EQ(scan.found[0].path, test::chipSoundfont());
}

TEST(SoundfontLocator, NothingAtAllIsReportedAsNone) {
    const SoundfontChoice c = SoundfontLocator(SoundfontSearch{}).choose();
    EXPECT_EQ(c.reason, SoundfontChoice::Reason::None);
    EXPECT_TRUE(c.path.empty());
}

TEST(SoundfontLocator, InstalledGeneralMidiSoundfontWinsOverTheBundledOne) {
    test::TempDir dir("loc-gm");
    fs::create_directories(dir.path() / "sub");
    writeSmallFont(dir.file("small.sf2"));
    fs::copy_file(test::chipSoundfont(), dir.path() / "sub" / "Installed GM.SF2");  // upper-case extension too
    SoundfontSearch search;
    search.directories = {dir.path().string(), (dir.path() / "missing").string()};
    search.bundled = test::chipSoundfont();
    const SoundfontLocator locator(search);
    const SoundfontChoice c = locator.choose();
    EXPECT_EQ(c.reason, SoundfontChoice::Reason::InstalledGeneralMidi);
    EXPECT_EQ(fs::path(c.path).filename(), "Installed GM.SF2");
    EXPECT_EQ(locator.scan().found.size(), 3u);  // small, installed GM, bundled
}

TEST(SoundfontLocator, NonGeneralMidiSoundfontIsListedButNotTheDefault) {
    test::TempDir dir("loc-small");
    writeSmallFont(dir.file("small.sf2"));
    SoundfontSearch search{{dir.path().string()}, test::chipSoundfont()};
    EXPECT_EQ(SoundfontLocator(search).choose().reason, SoundfontChoice::Reason::Bundled);
}

TEST(SoundfontLocator, TheUsersChoiceOverridesAndABadChoiceFallsBackWithANote) {
    test::TempDir dir("loc-user");
    writeSmallFont(dir.file("mine.sf2"));
    std::ofstream(dir.file("broken.sf2")) << "garbage";
    SoundfontSearch search{{}, test::chipSoundfont()};
    const SoundfontLocator locator(search);
    const SoundfontChoice mine = locator.choose(dir.file("mine.sf2"));
    EXPECT_EQ(mine.reason, SoundfontChoice::Reason::UserChoice);
    EXPECT_EQ(mine.path, dir.file("mine.sf2"));
    const SoundfontChoice broken = locator.choose(dir.file("broken.sf2"));
    EXPECT_EQ(broken.reason, SoundfontChoice::Reason::Bundled);
    EXPECT_NE(broken.note.find("broken.sf2"), std::string::npos) << broken.note;
}

TEST(SoundfontLocator, SymlinksAreListedOnceAndBrokenFilesAreReported) {
    test::TempDir dir("loc-links");
    fs::copy_file(test::chipSoundfont(), dir.path() / "Real.sf2");
    fs::create_symlink(dir.path() / "Real.sf2", dir.path() / "default-GM.sf2");
    std::ofstream(dir.file("bad.sf3")) << "not RIFF";
    SoundfontSearch search{{dir.path().string()}, ""};
    const SoundfontLocator locator(search);
    const SoundfontScan scan = locator.scan();
    ASSERT_EQ(scan.found.size(), 1u);
    // The system's chosen default name is kept for the file both names point at.
    EXPECT_EQ(fs::path(scan.found[0].path).filename(), "default-GM.sf2");
    ASSERT_EQ(scan.errors.size(), 1u);
    EXPECT_NE(scan.errors[0].find("bad.sf3"), std::string::npos);
    EXPECT_EQ(locator.choose().path, scan.found[0].path);
}

TEST(SoundfontLocator, SystemDefaultSearchesTheStandardFolders) {
    const SoundfontSearch s = SoundfontSearch::systemDefault();
    auto has = [&](const std::string& d) { return std::find(s.directories.begin(), s.directories.end(), d) != s.directories.end(); };
    EXPECT_TRUE(has("/usr/share/sounds/sf2"));
    EXPECT_TRUE(has("/usr/share/soundfonts"));
    EXPECT_TRUE(has("/usr/share/sounds/sf3"));
    EXPECT_FALSE(s.bundled.empty()) << "the build tree's chip soundfont should be found";
}

TEST(SoundfontLocator, SystemDefaultSearchesEveryXdgDataDir) {
    const char* old = std::getenv("XDG_DATA_DIRS");
    const std::string saved = old ? old : "";
    setenv("XDG_DATA_DIRS", "/opt/a/share:/var/lib/flatpak/exports/share/", 1);
    const SoundfontSearch s = SoundfontSearch::systemDefault();
    old ? setenv("XDG_DATA_DIRS", saved.c_str(), 1) : unsetenv("XDG_DATA_DIRS");
    auto has = [&](const std::string& d) { return std::find(s.directories.begin(), s.directories.end(), d) != s.directories.end(); };
    EXPECT_TRUE(has("/opt/a/share/sounds/sf2"));
    EXPECT_TRUE(has("/opt/a/share/sounds/sf3"));
    EXPECT_TRUE(has("/var/lib/flatpak/exports/share/soundfonts"));
    EXPECT_TRUE(has("/usr/share/sounds/sf2")) << "the usual folders stay searched";
}

}  // namespace
}  // namespace nf
