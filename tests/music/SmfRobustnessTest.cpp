// SPDX-License-Identifier: GPL-3.0-or-later
// Bad input is normal input: every prefix and many bit-flipped copies of real files either load or fail with a
// MusicError naming the file; nothing crashes, hangs or throws anything else. Sizes are bounded.
#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include <fstream>
#include <random>

#include "music/SmfTestFile.h"
#include "smf/MidiFileReader.h"
#include "smf/MidiFileWriter.h"
#include "smf/SmfTrackDecoder.h"

using namespace nf;
using namespace nf::test;
using ::testing::HasSubstr;

namespace {

Bytes fileBytes(const std::filesystem::path& path) {
    std::ifstream in(path, std::ios::binary);
    return Bytes(std::istreambuf_iterator<char>(in), {});
}

// Reads `bytes`; returns false (and records a failure) if anything but a clean MusicError escapes.
bool loadsOrFailsCleanly(const Bytes& bytes) {
    try {
        const auto r = readMidiBytes(bytes, "damaged.mid");
        // What loads must be writable and consistent.
        for (const auto& t : r.score.tracks)
            for (const auto& n : t.notes)
                if (n.duration < 0 || n.pitch < 0 || n.pitch > 127 || n.velocity < 1 || n.velocity > 127) return false;
        writeMidiBytes(r.score);
        return true;
    } catch (const MusicError& e) {
        return std::string(e.what()).rfind("damaged.mid:", 0) == 0;
    } catch (...) {
        return false;
    }
}

// A real multi-track file of a few kilobytes (every prefix is tried, so not too large).
Bytes realFile() {
    const auto path = sharedMidi() / "pianobooster" / "BoosterMusic-04-FrereJacques.mid";
    return std::filesystem::exists(path) ? fileBytes(path) : Bytes{};
}

}  // namespace

TEST(SmfRobustness, EveryPrefixOfARealFile) {
    const Bytes file = realFile();
    if (file.empty()) GTEST_SKIP() << "no shared MIDI data";
    std::size_t loaded = 0;
    for (std::size_t n = 0; n <= file.size(); ++n) {
        const Bytes prefix(file.begin(), file.begin() + static_cast<long>(n));
        ASSERT_TRUE(loadsOrFailsCleanly(prefix)) << "prefix of " << n << " bytes";
        try {
            readMidiBytes(prefix, "damaged.mid");
            ++loaded;
        } catch (const MusicError&) {
        }
    }
    // Once the first track chunk has begun, what is sound of it is read: most prefixes load.
    EXPECT_GT(loaded, file.size() / 2);
}

TEST(SmfRobustness, RandomBitFlipsOfRealFiles) {
    // Small files of four different writers (abc2midi, PianoBooster/MMA, MMA karaoke, music21's set), so the
    // sanitizer build runs this in seconds.
    const std::vector<std::filesystem::path> files = {
        sharedMidi() / "abc2midi-nottingham" / "jigs100.mid",
        sharedMidi() / "pianobooster" / "BoosterMusic-04-FrereJacques.mid",
        sharedMidi() / "dmidiplayer" / "twinkle.kar",
        sharedMidi() / "music21-testPrimitive" / "test06.mid",
    };
    if (!std::filesystem::exists(files[0])) GTEST_SKIP() << "no shared MIDI data";
    std::mt19937 rng(20240601);
    for (const auto& path : files) {
        const Bytes original = fileBytes(path);
        ASSERT_FALSE(original.empty()) << path;
        for (int round = 0; round < 400; ++round) {
            Bytes damaged = original;
            const int flips = 1 + static_cast<int>(rng() % 8);
            for (int i = 0; i < flips; ++i) {
                // Flips cluster in the first bytes half the time: the header and chunk lengths matter most.
                const std::size_t limit = (rng() % 2) ? std::min<std::size_t>(64, damaged.size()) : damaged.size();
                damaged[rng() % limit] ^= static_cast<std::uint8_t>(1u << (rng() % 8));
            }
            ASSERT_TRUE(loadsOrFailsCleanly(damaged)) << path << " round " << round;
        }
    }
}

TEST(SmfRobustness, RandomBytesAfterAValidHeader) {
    std::mt19937 rng(7);
    for (int round = 0; round < 2000; ++round) {
        Bytes b = header(1, 2, 96);
        const Bytes mtrk = {'M', 'T', 'r', 'k'};
        b.insert(b.end(), mtrk.begin(), mtrk.end());
        const std::size_t n = rng() % 200;
        for (std::size_t i = 0; i < n; ++i) b.push_back(static_cast<std::uint8_t>(rng()));
        ASSERT_TRUE(loadsOrFailsCleanly(b)) << round;
    }
}

TEST(SmfRobustness, OversizedFileIsRefusedWithoutReadingIt) {
    const auto dir = std::filesystem::path(NF_BINARY_DIR) / "smf-robustness-test";
    std::filesystem::create_directories(dir);
    const auto path = dir / "huge.mid";
    { std::ofstream(path, std::ios::binary) << "MThd"; }
    std::filesystem::resize_file(path, kMaxMidiFileBytes + 1);  // sparse: costs no disk
    try {
        readMidiFile(path.string());
        FAIL() << "no error";
    } catch (const MusicError& e) {
        EXPECT_THAT(e.what(), HasSubstr("too large"));
        EXPECT_EQ(e.file(), path.string());
    }
    std::filesystem::remove(path);
    EXPECT_THROW(readMidiFile((dir / "does-not-exist.mid").string()), MusicError);
    EXPECT_THROW(readMidiFile(dir.string()), MusicError);  // a folder
}

TEST(SmfRobustness, EventCountIsBounded) {
    // The decoder refuses a track once the file's event budget is spent, instead of growing without limit.
    Bytes body;
    for (int i = 0; i < 50; ++i) body.insert(body.end(), {0x00, 0x90, 60, 100, 0x01, 0x80, 60, 0});
    std::vector<MusicWarning> warnings;
    smf::SmfConductor conductor;
    const std::string name = "many.mid";
    smf::SmfReadContext ctx{name, warnings, conductor};
    ctx.eventBudget = 20;
    smf::SmfTrackDecoder decoder(ctx);
    EXPECT_THROW(decoder.decode(body.data(), 0, body.size()), MusicError);
    ctx.eventBudget = 100;
    EXPECT_EQ(decoder.decode(body.data(), 0, body.size()).channels[0].notes.size(), 50u);
}
