// SPDX-License-Identifier: GPL-3.0-or-later
#include <gtest/gtest.h>

#include "AudioTestSupport.h"
#include "audio/EventSchedule.h"

namespace nf {
namespace {

TEST(EventSchedule, OrdersByTimeWithReleasesBeforeRestrikes) {
    Score s(480);
    Track t;
    t.program = 5;
    s.tracks.push_back(t);
    s.addNote(0, Note{0, 60, 90, 0, 480});
    s.addNote(0, Note{0, 60, 91, 480, 480});  // same key again exactly when the first ends
    s.tracks[0].controls.push_back({480, ControlEvent::Kind::Controller, cc::Sustain, 127});
    const EventSchedule sched(s);
    const auto& e = sched.events();
    ASSERT_EQ(e.size(), 6u);
    EXPECT_EQ(e[0].event.type, MidiEvent::ProgramChange);
    EXPECT_EQ(e[0].event.data1, 5);
    EXPECT_EQ(e[1].event.type, MidiEvent::NoteOn);
    EXPECT_DOUBLE_EQ(e[2].seconds, 0.5);
    EXPECT_EQ(e[2].event.type, MidiEvent::Controller);
    EXPECT_EQ(e[3].event.type, MidiEvent::NoteOff);
    EXPECT_EQ(e[4].event.type, MidiEvent::NoteOn);
    EXPECT_EQ(e[4].event.data2, 91);
    EXPECT_DOUBLE_EQ(sched.endSeconds(), 1.0);
    EXPECT_EQ(sched.indexAt(0.5), 2u);
    EXPECT_EQ(sched.stateEvents(), (std::vector<std::size_t>{0, 2}));
}

TEST(EventSchedule, DrumTracksPlayOnChannelTenAndTheMixOverrides) {
    Score s = test::denseScore(200, 5);
    Mix mix;
    mix.tracks.resize(4);
    mix.tracks[1].program = 40;
    mix.tracks[1].volume = 70;
    mix.tracks[2].mute = true;
    const EventSchedule sched(s, mix, /*dropInaudible=*/true);
    bool sawVolume = false;
    for (const auto& te : sched.events()) {
        const auto& e = te.event;
        if (e.track == 3) {
            EXPECT_EQ(e.channel, 9);
        }
        if (e.track == 2) {
            EXPECT_NE(e.type, MidiEvent::NoteOn) << "muted track's notes dropped";
        }
        if (e.track == 1 && e.type == MidiEvent::ProgramChange) {
            EXPECT_EQ(e.data1, 40);
        }
        if (e.track == 1 && e.type == MidiEvent::Controller && e.data1 == cc::Volume) {
            EXPECT_EQ(e.data2, 70);
            sawVolume = true;
        }
    }
    EXPECT_TRUE(sawVolume);
}

TEST(EventSchedule, FollowsTheTempoMap) {
    Score s(480);
    s.tracks.push_back(Track{});
    s.setTempoChanges({{0, 500000}, {480, 250000}});  // 120 BPM, then 240 BPM from beat 2
    s.addNote(0, Note{0, 60, 90, 960, 480});
    const EventSchedule sched(s);
    ASSERT_EQ(sched.events().size(), 3u);
    EXPECT_DOUBLE_EQ(sched.events()[1].seconds, 0.75);
    EXPECT_DOUBLE_EQ(sched.events()[2].seconds, 1.0);
}

TEST(MidiEvent, WireBytes) {
    std::uint8_t b[3];
    EXPECT_EQ((MidiEvent{MidiEvent::NoteOn, 3, 64, 100, 0}).toBytes(b), 3);
    EXPECT_EQ(b[0], 0x93);
    EXPECT_EQ(b[1], 64);
    EXPECT_EQ(b[2], 100);
    EXPECT_EQ((MidiEvent{MidiEvent::ProgramChange, 9, 25, 0, 0}).toBytes(b), 2);
    EXPECT_EQ(b[0], 0xc9);
    EXPECT_EQ((MidiEvent{MidiEvent::PitchBend, 0, 0, -8192, 0}).toBytes(b), 3);
    EXPECT_EQ(b[1], 0);
    EXPECT_EQ(b[2], 0);
    EXPECT_EQ((MidiEvent{MidiEvent::PitchBend, 0, 0, 0, 0}).toBytes(b), 3);
    EXPECT_EQ(b[1], 0);
    EXPECT_EQ(b[2], 0x40);
}

}  // namespace
}  // namespace nf
