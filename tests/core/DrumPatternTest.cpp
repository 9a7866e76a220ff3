// SPDX-License-Identifier: GPL-3.0-or-later
// The drum-pattern representation: General MIDI drum notes fold into drum classes, onsets snap to the nearest
// step of a sixteenth or triplet grid inside the piece's own bars, and a pattern written back as MIDI is a drum
// track on channel 10 that reads back to the same pattern. Checked on crafted bars and on every drum part of the
// bundled and shared MIDI files.
#include <gtest/gtest.h>

#include <filesystem>

#include "drums/DrumPattern.h"
#include "smf/MidiFileReader.h"

namespace nf {
namespace {

namespace fs = std::filesystem;

Score drumScore(int ppq = 480) {
    Score s(ppq);
    Track t;
    t.name = "kit";
    t.channel = 9;
    t.isDrum = true;
    s.tracks.push_back(t);
    return s;
}

void hitAt(Score& s, int pitch, Tick tick, int velocity = 100) { s.addNote(0, Note{0, pitch, velocity, tick, 60}); }

std::uint8_t cell(const DrumPattern& p, std::size_t bar, std::size_t step, DrumClass c) {
    return p.bars.at(bar).steps.at(step)[static_cast<std::size_t>(c)];
}

TEST(DrumClass, GeneralMidiNotesFoldIntoWhatADrummerTellsApart) {
    EXPECT_EQ(drumClassOf(35), DrumClass::Kick);
    EXPECT_EQ(drumClassOf(36), DrumClass::Kick);
    EXPECT_EQ(drumClassOf(37), DrumClass::Snare);  // side stick
    EXPECT_EQ(drumClassOf(40), DrumClass::Snare);
    EXPECT_EQ(drumClassOf(44), DrumClass::ClosedHat);  // pedal hi-hat
    EXPECT_EQ(drumClassOf(46), DrumClass::OpenHat);
    EXPECT_EQ(drumClassOf(41), DrumClass::LowTom);
    EXPECT_EQ(drumClassOf(47), DrumClass::MidTom);
    EXPECT_EQ(drumClassOf(50), DrumClass::HighTom);
    EXPECT_EQ(drumClassOf(52), DrumClass::Crash);  // china
    EXPECT_EQ(drumClassOf(53), DrumClass::Ride);   // bell
    EXPECT_EQ(drumClassOf(56), DrumClass::Percussion);  // cowbell
    EXPECT_FALSE(drumClassOf(34).has_value());
    EXPECT_FALSE(drumClassOf(82).has_value());
    for (int c = 0; c < kDrumClassCount; ++c) {
        const auto cls = static_cast<DrumClass>(c);
        EXPECT_EQ(drumClassOf(drumNoteOf(cls)), cls) << drumClassName(cls);
        EXPECT_EQ(drumClassNamed(drumClassName(cls)), cls);
    }
    for (int v = 1; v <= 127; ++v) EXPECT_EQ(drumVelocityBin(drumBinVelocity(drumVelocityBin(v))), drumVelocityBin(v)) << v;
    EXPECT_LT(drumVelocityBin(30), drumVelocityBin(120));
}

TEST(DrumPattern, OnsetsSnapToTheNearestSixteenthInsideTheirBar) {
    Score s = drumScore();
    hitAt(s, 36, 0);
    hitAt(s, 38, 480 + 20, 50);      // beat 2, a little late
    hitAt(s, 42, 120 - 25);          // the second sixteenth, a little early
    hitAt(s, 36, 4 * 480 - 10, 90);  // just before the bar line: the next bar's downbeat
    hitAt(s, 36, 4 * 480 + 480);     // so there is a second bar
    const DrumPattern p = drumPatternOf(s);
    EXPECT_EQ(p.stepsPerQuarter, 4);
    ASSERT_EQ(p.bars.size(), 2u);
    EXPECT_EQ(p.bars[0].steps.size(), 16u);
    EXPECT_EQ(cell(p, 0, 0, DrumClass::Kick), 1 + drumVelocityBin(100));
    EXPECT_EQ(cell(p, 0, 4, DrumClass::Snare), 1 + drumVelocityBin(50));
    EXPECT_NE(cell(p, 0, 1, DrumClass::ClosedHat), 0);
    EXPECT_NE(cell(p, 1, 0, DrumClass::Kick), 0);
    EXPECT_EQ(cell(p, 0, 15, DrumClass::Kick), 0);
    EXPECT_EQ(p.hitCount(), 5u);
}

TEST(DrumPattern, AShuffleTakesTheTripletGridAndCompoundBarsFitWhole) {
    Score shuffle = drumScore();
    for (int beat = 0; beat < 8; ++beat) {
        hitAt(shuffle, 42, beat * 480);
        hitAt(shuffle, 42, beat * 480 + 320);  // the third triplet eighth: swung
    }
    EXPECT_EQ(drumPatternOf(shuffle).stepsPerQuarter, 3);
    EXPECT_EQ(drumPatternOf(shuffle).bars[0].steps.size(), 12u);
    EXPECT_EQ(drumPatternOf(shuffle, DrumGrid::Sixteenths).stepsPerQuarter, 4);

    Score jig = drumScore();
    jig.timeSignatures = {TimeSignature{0, 6, 8}};
    for (int eighth = 0; eighth < 12; ++eighth) hitAt(jig, eighth % 3 == 0 ? 36 : 42, eighth * 240);
    const DrumPattern p = drumPatternOf(jig);
    EXPECT_EQ(p.stepsPerQuarter, 4) << "straight eighths in 6/8 are no shuffle";
    ASSERT_EQ(p.bars.size(), 2u);
    EXPECT_EQ(p.bars[0].steps.size(), 12u);
    EXPECT_EQ(p.bars[0].numerator, 6);
    EXPECT_EQ(p.bars[0].denominator, 8);
    EXPECT_NE(cell(p, 1, 6, DrumClass::Kick), 0);  // the second dotted-quarter beat of bar 2
}

TEST(DrumPattern, WrittenBackItIsADrumTrackOnChannelTenThatReadsBackTheSame) {
    Score s = drumScore();
    s.timeSignatures = {TimeSignature{0, 1, 4}, TimeSignature{480, 3, 4}};  // a one-beat pickup, then waltz time
    hitAt(s, 38, 0, 40);
    hitAt(s, 36, 480);
    hitAt(s, 46, 480 + 960, 120);
    hitAt(s, 81, 480 + 1440 + 360);
    const DrumPattern p = drumPatternOf(s);
    ASSERT_EQ(p.bars.size(), 3u);  // the pickup and two 3/4 bars
    EXPECT_EQ(p.bars[0].steps.size(), 4u);  // the pickup keeps its length
    EXPECT_EQ(p.bars[1].steps.size(), 12u);
    const Score written = drumScoreOf(p, 96.0);
    ASSERT_EQ(written.tracks.size(), 1u);
    EXPECT_EQ(written.tracks[0].channel, 9);
    EXPECT_TRUE(written.tracks[0].isDrum);
    EXPECT_EQ(written.tracks[0].notes.size(), 4u);
    EXPECT_NEAR(60e6 / written.tempoMap().microsPerQuarterAt(0), 96.0, 0.01);
    EXPECT_EQ(drumPatternOf(written, DrumGrid::Sixteenths), p);
}

// A 9/8 bar on the triplet grid is 13.5 steps: written as 14, the next bar still starts on its bar line.
TEST(DrumPattern, BarsOfAFractionalStepCountKeepTheirBarLines) {
    EXPECT_EQ(drumStepsInMeter(3, 9, 8), 14);
    EXPECT_EQ(drumStepsInMeter(4, 6, 8), 12);
    DrumPattern p;
    p.stepsPerQuarter = 3;
    for (int b = 0; b < 3; ++b) {
        DrumBar bar{9, 8, std::vector<DrumStep>(14, DrumStep{})};
        bar.steps[0][static_cast<std::size_t>(DrumClass::Kick)] = 3;
        p.bars.push_back(bar);
    }
    const Score s = drumScoreOf(p, 120.0, 480);
    ASSERT_EQ(s.tracks[0].notes.size(), 3u);
    for (int b = 0; b < 3; ++b) EXPECT_EQ(s.tracks[0].notes[static_cast<std::size_t>(b)].start, b * 9 * 240) << "bar " << b;
}

// Every drum part of the MIDI files at hand: each hit is in the pattern at its nearest step (the class's cell
// at least as loud as the hit's bin, since two hits of a class on one step keep the louder), and the pattern
// survives being written out and read again.
TEST(DrumPattern, RealDrumPartsRoundTrip) {
    std::vector<fs::path> roots = {fs::path(NF_SOURCE_DIR) / "resources" / "demo" / "midi"};
    if (fs::exists(fs::path(NF_SHARED_DATA) / "midi")) roots.push_back(fs::path(NF_SHARED_DATA) / "midi");
    int parts = 0;
    for (const fs::path& root : roots) {
        for (const auto& entry : fs::recursive_directory_iterator(root)) {
            const auto ext = entry.path().extension().string();
            if (ext != ".mid" && ext != ".midi") continue;
            Score score;
            try {
                score = readMidiFile(entry.path().string()).score;
            } catch (const std::exception&) {
                continue;  // the deliberately broken test files
            }
            bool drums = false;
            for (const Track& t : score.tracks) drums = drums || ((t.isDrum || t.channel == 9) && !t.notes.empty());
            if (!drums) continue;
            ++parts;
            const DrumPattern p = drumPatternOf(score, DrumGrid::Sixteenths);
            const DrumPattern again = drumPatternOf(drumScoreOf(p, 120.0, 480), DrumGrid::Sixteenths);
            EXPECT_EQ(again.stepsPerQuarter, p.stepsPerQuarter);
            ASSERT_EQ(again.bars.size(), p.bars.size()) << entry.path();
            for (std::size_t b = 0; b < p.bars.size(); ++b) {
                EXPECT_EQ(again.bars[b].numerator, p.bars[b].numerator) << entry.path() << " bar " << b;
                EXPECT_EQ(again.bars[b].steps.size(), p.bars[b].steps.size()) << entry.path() << " bar " << b;
                EXPECT_TRUE(again.bars[b].steps == p.bars[b].steps) << entry.path() << " bar " << b;
            }
            std::size_t mapped = 0;
            for (const Track& t : score.tracks)
                if (t.isDrum || t.channel == 9)
                    for (const Note& n : t.notes) mapped += drumClassOf(n.pitch).has_value();
            EXPECT_LE(p.hitCount(), mapped) << entry.path();
            EXPECT_TRUE(mapped == 0 || p.hitCount() > 0) << entry.path();
        }
    }
    EXPECT_GE(parts, 3) << "too few drum parts found to test";
}

}  // namespace
}  // namespace nf
