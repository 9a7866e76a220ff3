// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <cstdint>
#include <string>
#include <vector>

namespace nf {

// The in-memory form of a SoundFont 2 bank, as the SF2 writer takes it: samples, instruments made of zones that
// map key/velocity ranges to samples, presets made of zones that map ranges to instruments.

// SoundFont 2.01 generator numbers used by NoteForge (spec section 8.1.2).
namespace sf2gen {
constexpr std::uint16_t InitialFilterFc = 8;
constexpr std::uint16_t Pan = 17;
constexpr std::uint16_t AttackVolEnv = 34;
constexpr std::uint16_t HoldVolEnv = 35;
constexpr std::uint16_t DecayVolEnv = 36;
constexpr std::uint16_t SustainVolEnv = 37;
constexpr std::uint16_t ReleaseVolEnv = 38;
constexpr std::uint16_t Instrument = 41;
constexpr std::uint16_t KeyRange = 43;
constexpr std::uint16_t VelRange = 44;
constexpr std::uint16_t InitialAttenuation = 48;
constexpr std::uint16_t CoarseTune = 51;
constexpr std::uint16_t FineTune = 52;
constexpr std::uint16_t SampleId = 53;
constexpr std::uint16_t SampleModes = 54;
constexpr std::uint16_t ScaleTuning = 56;
constexpr std::uint16_t ExclusiveClass = 57;
constexpr std::uint16_t OverridingRootKey = 58;
}  // namespace sf2gen

// Seconds as SF2 timecents (1200 * log2(seconds)), the unit of envelope times.
std::int16_t secondsToTimecents(double seconds);

struct Sf2Generator {
    std::uint16_t op = 0;
    std::int16_t amount = 0;
};

struct Sf2Sample {
    std::string name;               // up to 20 characters (longer names are cut)
    std::vector<std::int16_t> data; // mono
    std::uint32_t sampleRate = 44100;
    std::uint8_t originalPitch = 60;  // MIDI key at which the sample plays unshifted
    std::int8_t pitchCorrection = 0;  // cents
    std::uint32_t loopStart = 0;      // frames from the sample's first frame; loopEnd is exclusive
    std::uint32_t loopEnd = 0;        // 0 = no loop points
};

// A key/velocity region; `target` is a sample index (instrument zone) or an instrument index (preset zone).
struct Sf2Zone {
    int keyLo = 0, keyHi = 127;
    int velLo = 0, velHi = 127;
    int target = 0;
    std::vector<Sf2Generator> generators;  // neither ranges nor the target: the writer places those itself
};

struct Sf2Instrument {
    std::string name;
    std::vector<Sf2Zone> zones;
};

struct Sf2Preset {
    std::string name;
    int bank = 0;
    int program = 0;
    std::vector<Sf2Zone> zones;
};

struct Sf2Bank {
    std::string name;
    std::string copyright;
    std::string comment;
    std::vector<Sf2Sample> samples;
    std::vector<Sf2Instrument> instruments;
    std::vector<Sf2Preset> presets;
};

}  // namespace nf
