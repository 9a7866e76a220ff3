// SPDX-License-Identifier: GPL-3.0-or-later
#include <gtest/gtest.h>
#include <fluidsynth.h>

#include <fstream>
#include <vector>

#include "AudioTestSupport.h"
#include "audio/AudioError.h"
#include "audio/LivePlayer.h"
#include "audio/Synth.h"
#include "music/MusicError.h"

namespace nf {
namespace {

// Plays middle C on the synth directly and returns the peak of 0.3 s of output.
float soundCheck(Synth& synth) {
    synth.send({MidiEvent::NoteOn, 0, 60, 100, 0});
    std::vector<float> buf(2 * 13230);
    fluid_synth_write_float(synth.handle(), 13230, buf.data(), 0, 2, buf.data(), 1, 2);
    synth.send({MidiEvent::NoteOff, 0, 60, 0, 0});
    float peak = 0;
    for (float s : buf) peak = std::max(peak, std::abs(s));
    return peak;
}

TEST(Synth, BadSoundfontKeepsThePreviousOneLoadedAndPlaying) {
    test::TempDir dir("synth-bad");
    const std::string truncated = dir.file("cut.sf2");
    {
        std::ifstream in(test::chipSoundfont(), std::ios::binary);
        std::vector<char> head(5000);
        in.read(head.data(), static_cast<std::streamsize>(head.size()));
        std::ofstream(truncated, std::ios::binary).write(head.data(), static_cast<std::streamsize>(head.size()));
    }
    std::ofstream(dir.file("text.sf2")) << "hello";

    Synth synth;
    synth.loadSoundfont(test::chipSoundfont());
    for (const std::string& bad : {truncated, dir.file("text.sf2"), dir.file("missing.sf2")}) {
        try {
            synth.loadSoundfont(bad);
            FAIL() << "loaded " << bad;
        } catch (const std::exception& e) {
            const std::string msg = e.what();
            EXPECT_NE(msg.find(bad), std::string::npos) << msg;
            EXPECT_EQ(msg.find('\n'), std::string::npos) << msg;
        }
        ASSERT_TRUE(synth.soundfont().has_value());
        EXPECT_EQ(synth.soundfont()->path, test::chipSoundfont());
        EXPECT_GT(soundCheck(synth), 0.01f) << "previous soundfont no longer plays after " << bad;
    }
}

TEST(Synth, SwitchingSoundfontsReplacesTheOldOne) {
    const std::string gm = test::systemGmSoundfont();
    if (gm.empty()) GTEST_SKIP() << "no GM soundfont installed";
    Synth synth;
    synth.loadSoundfont(test::chipSoundfont());
    synth.loadSoundfont(gm);
    EXPECT_EQ(synth.soundfont()->path, gm);
    EXPECT_EQ(fluid_synth_sfcount(synth.handle()), 1);
    EXPECT_GT(soundCheck(synth), 0.01f);
}

TEST(Synth, LiveOptionsReachFluidSynth) {
    Synth synth;
    SynthOptions o;
    o.gain = 0.5;
    o.reverb = false;
    o.chorusLevel = 1.5;
    synth.applyOptions(o);
    EXPECT_FLOAT_EQ(fluid_synth_get_gain(synth.handle()), 0.5f);
    int reverb = 1;
    fluid_settings_getint(synth.settings(), "synth.reverb.active", &reverb);
    EXPECT_EQ(reverb, 0);
}

}  // namespace

// Without an audio driver the swap happens at once: the player's synth is a new one with the new soundfont, with
// the old one's options; a bad file changes nothing.
TEST(LivePlayerSoundfont, ReplacingBuildsANewSynthAndABadFileChangesNothing) {
    SynthOptions o;
    o.gain = 0.7;
    LivePlayer player(o);
    player.synth().loadSoundfont(test::chipSoundfont());
    const Synth* before = &player.synth();
    EXPECT_THROW(player.replaceSoundfont(std::string(NF_BINARY_DIR) + "/no-such.sf2"), std::exception);
    EXPECT_EQ(&player.synth(), before);
    ASSERT_TRUE(player.synth().soundfont().has_value());

    const std::string gm = test::systemGmSoundfont();
    const std::string next = gm.empty() ? test::chipSoundfont() : gm;
    player.replaceSoundfont(next);
    EXPECT_NE(&player.synth(), before) << "the soundfont was loaded into the live synth";
    ASSERT_TRUE(player.synth().soundfont().has_value());
    EXPECT_EQ(player.synth().soundfont()->path, next);
    EXPECT_DOUBLE_EQ(player.synth().options().gain, 0.7);
}

}  // namespace nf
