// SPDX-License-Identifier: GPL-3.0-or-later
// Header fields: meter, unit length, tempo (all forms) and keys (every mode, explicit accidentals, none).
#include <gtest/gtest.h>

#include "abc/AbcFields.h"

using namespace nf::abc;

TEST(AbcFields, Meter) {
    auto m = parseMeter("6/8");
    ASSERT_TRUE(m);
    EXPECT_EQ(m->numerator, 6);
    EXPECT_EQ(m->denominator, 8);
    m = parseMeter(" C ");
    ASSERT_TRUE(m);
    EXPECT_EQ(m->numerator, 4);
    EXPECT_EQ(m->denominator, 4);
    m = parseMeter("C|");
    ASSERT_TRUE(m);
    EXPECT_EQ(m->numerator, 2);
    EXPECT_EQ(m->denominator, 2);
    m = parseMeter("(2+3+2)/8");
    ASSERT_TRUE(m);
    EXPECT_EQ(m->numerator, 7);
    m = parseMeter("2+3/8");
    ASSERT_TRUE(m);
    EXPECT_EQ(m->numerator, 5);
    EXPECT_TRUE(parseMeter("none")->free);
    EXPECT_TRUE(parseMeter("")->free);
    EXPECT_FALSE(parseMeter("6/"));
    EXPECT_FALSE(parseMeter("waltz"));
    EXPECT_FALSE(parseMeter("0/4"));
}

TEST(AbcFields, DefaultUnitLengthFollowsTheMeter) {
    AbcMeter twoFour{2, 4, false}, threeFour{3, 4, false}, sixEight{6, 8, false}, free{4, 4, true};
    EXPECT_EQ(defaultUnitLength(&twoFour).den, 16);
    EXPECT_EQ(defaultUnitLength(&threeFour).den, 8);
    EXPECT_EQ(defaultUnitLength(&sixEight).den, 8);
    EXPECT_EQ(defaultUnitLength(&free).den, 8);
    EXPECT_EQ(defaultUnitLength(nullptr).den, 8);
}

TEST(AbcFields, UnitLength) {
    EXPECT_DOUBLE_EQ(parseUnitLength("1/8")->value(), 0.125);
    EXPECT_DOUBLE_EQ(parseUnitLength(" 1/16 ")->value(), 0.0625);
    EXPECT_DOUBLE_EQ(parseUnitLength("1")->value(), 1.0);
    EXPECT_FALSE(parseUnitLength("1/"));
    EXPECT_FALSE(parseUnitLength("eighth"));
    EXPECT_FALSE(parseUnitLength("0/8"));
}

TEST(AbcFields, TempoForms) {
    // Microseconds per quarter note with L:1/8.
    EXPECT_EQ(parseTempo("120")->microsPerQuarter(0.125), 500000);  // abc2midi: quarter notes
    EXPECT_EQ(parseTempo("1/4=100")->microsPerQuarter(0.125), 600000);
    EXPECT_EQ(parseTempo("1/8=100")->microsPerQuarter(0.125), 1200000);
    EXPECT_EQ(parseTempo("3/8=60")->microsPerQuarter(0.125), 666667);
    EXPECT_EQ(parseTempo("1/4 1/8=60")->microsPerQuarter(0.125), 666667);  // the beat is the sum
    EXPECT_EQ(parseTempo("C=80")->microsPerQuarter(0.125), 1500000);       // unit lengths
    EXPECT_EQ(parseTempo("C3=40")->microsPerQuarter(0.125), 1000000);
    EXPECT_EQ(parseTempo("\"Allegro\" 1/4=90")->microsPerQuarter(0.125), 666667);
    EXPECT_EQ(parseTempo("1/2=60 \"slow\"")->microsPerQuarter(0.125), 500000);
    EXPECT_FALSE(parseTempo("\"Allegro\""));
    EXPECT_FALSE(parseTempo("Allegro"));
}

static AbcKey key(const char* text) {
    std::string problem;
    auto k = parseKey(text, problem);
    EXPECT_TRUE(k) << text << ": " << problem;
    return k ? *k : AbcKey{};
}

// Accidentals of C D E F G A B.
using Acc = std::array<int, 7>;

TEST(AbcFields, KeysInEveryMode) {
    EXPECT_EQ(key("D").accidental, (Acc{1, 0, 0, 1, 0, 0, 0}));
    EXPECT_EQ(key("D").sharps, 2);
    EXPECT_EQ(key("Dm").sharps, -1);
    EXPECT_TRUE(key("Dm").minor);
    EXPECT_EQ(key("D minor").sharps, -1);
    EXPECT_EQ(key("D Dorian").sharps, 0);
    EXPECT_EQ(key("Ddor").sharps, 0);
    EXPECT_EQ(key("E phr").sharps, 0);
    EXPECT_EQ(key("F Lydian").sharps, 0);
    EXPECT_EQ(key("G mix").sharps, 0);
    EXPECT_EQ(key("B loc").sharps, 0);
    EXPECT_EQ(key("A aeolian").sharps, 0);
    EXPECT_EQ(key("C ionian").sharps, 0);
    EXPECT_EQ(key("Bb").sharps, -2);
    EXPECT_EQ(key("Bb").accidental, (Acc{0, 0, -1, 0, 0, 0, -1}));
    EXPECT_EQ(key("F#m").sharps, 3);
    EXPECT_EQ(key("C#").sharps, 7);
    EXPECT_EQ(key("Cb").sharps, -7);
    EXPECT_EQ(key("Eb major").sharps, -3);
}

TEST(AbcFields, ExplicitAccidentalsAndSpecialKeys) {
    EXPECT_EQ(key("D exp ^f").accidental, (Acc{0, 0, 0, 1, 0, 0, 0}));
    EXPECT_EQ(key("D ^c").accidental, (Acc{1, 0, 0, 1, 0, 0, 0}));
    EXPECT_EQ(key("D _B =F").accidental, (Acc{1, 0, 0, 0, 0, 0, -1}));
    EXPECT_EQ(key("C ^^f __b").accidental, (Acc{0, 0, 0, 2, 0, 0, -2}));
    EXPECT_TRUE(key("none").none);
    EXPECT_EQ(key("none").accidental, (Acc{}));
    EXPECT_TRUE(key("").none);
    EXPECT_EQ(key("Hp").accidental, (Acc{1, 0, 0, 1, 0, 0, 0}));  // as abc2midi plays the pipes
    EXPECT_EQ(key("HP").sharps, 2);
    EXPECT_EQ(key("G clef=bass").sharps, 1);
    EXPECT_EQ(key("Am treble").sharps, 0);
    EXPECT_EQ(key("bass").sharps, 0);
    EXPECT_EQ(key("D transpose=-2").sharps, 2);
    // Beyond seven sharps the signature carries double sharps.
    EXPECT_EQ(key("G#maj").accidental[3], 2);
}

TEST(AbcFields, BadKeys) {
    std::string problem;
    EXPECT_FALSE(parseKey("D wobbly", problem));
    EXPECT_NE(problem.find("wobbly"), std::string::npos);
    EXPECT_FALSE(parseKey("D ^x", problem));
}
