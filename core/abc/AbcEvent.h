// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <cstdint>

namespace nf::abc {

// One lexical element of an ABC voice, in written order. The lexer produces them; the repeat expander
// reorders them into play order; the performer turns them into timed notes. Kept at 20 bytes because a
// 16 MB tune can hold millions of them.
enum class EventKind : std::uint8_t {
    Note,         // step, accidental, num/den; flags: tie and decorations
    Rest,         // num/den; z or x
    MultiRest,    // a = number of bars (Z4, X2); resolved: a/b = length in whole notes
    ChordStart,   // flags: decorations on the whole chord
    ChordEnd,     // num/den: the chord's own length multiplier; flags: tie
    GraceStart,   // {
    GraceEnd,     // }
    Tuplet,       // a = p, b = q (0: default), step = r (0: default)
    Broken,       // a = +n for '>' repeated n times, -n for '<'
    Bar,          // flags: bar kind (RepeatEnd, RepeatStart, DoubleBar); a = its signs as abc2midi reads them (AbcBarSigns.h)
    Ending,       // a = bit mask of the passes this ending is played on (bit 1 = first pass)
    Key,          // a = index into ParsedTune::keys
    Meter,        // a/b = numerator/denominator; flags: FreeMeter
    UnitLength,   // a/b = L as a fraction of a whole note
    Tempo,        // a = index into ParsedTune::tempos; resolved: b = microseconds per quarter note
    Part,         // a = the part's label character (P:A in the body)
    Program,      // a = General MIDI program (%%MIDI program)
    Transpose,    // a = semitones (%%MIDI transpose)
    Channel,      // a = MIDI channel 0..15 (%%MIDI channel N, N counted from 1)
    GuitarChord,  // a = index into ParsedTune::texts
    Overlay,      // & : the following notes of this bar start again at the bar line
};

namespace flag {
constexpr std::uint16_t Tie = 1;
constexpr std::uint16_t Staccato = 2;     // '.', played at half length as abc2midi does
constexpr std::uint16_t Trill = 4;        // T, !trill!, +trill+
constexpr std::uint16_t Roll = 8;         // ~ (abc2midi: an upper grace, or a three-note roll on 3-unit notes)
constexpr std::uint16_t Turn = 16;        // R (abc2midi plays main-upper-main-lower-main)
constexpr std::uint16_t Fermata = 32;     // H, !fermata!: abc2midi doubles the length
constexpr std::uint16_t Invisible = 64;   // x rest
constexpr std::uint16_t RepeatEnd = 128;  // bars
constexpr std::uint16_t RepeatStart = 256;
constexpr std::uint16_t DoubleBar = 512;  // || |] [|
constexpr std::uint16_t FreeMeter = 1024;
constexpr std::uint16_t ThreeUnits = 2048;  // a note written three unit lengths long (abc2midi's long roll)
constexpr std::uint16_t WithPrevious = 4096;  // a grace note of a chord "{[EA]B}": it sounds with the one before
constexpr std::uint16_t Ornaments = Trill | Roll | Turn;
}  // namespace flag

constexpr std::int8_t kNoAccidental = -128;

// As lexed, a note holds its written step, accidental and length in unit lengths. resolveVoice() then
// rewrites it in written order, as abc2midi does when it stores a note: `step` becomes the MIDI key (-1 when
// out of range), a/b the length in whole notes (left unreduced), upper/lower the semitones to its diatonic
// neighbours (for ornaments).
struct Event {
    EventKind kind = EventKind::Note;
    std::int8_t accidental = kNoAccidental;  // notes: -2..2 semitones (0 = natural sign) or kNoAccidental
    std::int16_t step = 0;                   // notes: letter index + 7 * octave (0 = the octave of middle C)
    std::uint16_t flags = 0;
    std::int8_t upper = 0;                   // resolved notes: semitones up to the upper neighbour
    std::int8_t lower = 0;                   // resolved notes: semitones down to the lower neighbour
    std::int32_t a = 1;                      // meaning depends on kind (see EventKind)
    std::int32_t b = 1;
    std::int32_t line = 0;                   // 1-based line in the file, for messages
};
static_assert(sizeof(Event) == 20, "events are stored by the million: keep them small");

}  // namespace nf::abc
