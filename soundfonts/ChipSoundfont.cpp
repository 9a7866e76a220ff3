// SPDX-License-Identifier: GPL-3.0-or-later
#include "ChipSoundfont.h"

#include <algorithm>
#include <cmath>
#include <cstdint>
#include <functional>
#include <string>

namespace nf {

namespace {

// Pitched waves: 100-frame cycles at 44 kHz are exactly 440 Hz, so the root key is A4 without a pitch correction.
constexpr std::uint32_t kWaveRate = 44000;
constexpr int kCycle = 100;
constexpr int kCycles = 8;  // a few cycles per loop: some players dislike very short loops
constexpr std::uint8_t kWaveRoot = 69;
constexpr std::uint32_t kDrumRate = 44100;
constexpr double kPi = 3.14159265358979323846;

std::int16_t pcm(double v) { return static_cast<std::int16_t>(std::lround(std::clamp(v, -1.0, 1.0) * 32767.0)); }

Sf2Sample periodic(const std::string& name, const std::function<double(double)>& wave) {
    Sf2Sample s;
    s.name = name;
    s.sampleRate = kWaveRate;
    s.originalPitch = kWaveRoot;
    for (int i = 0; i < kCycle * kCycles; ++i) s.data.push_back(pcm(wave(double(i % kCycle) / kCycle)));
    s.loopStart = 0;
    s.loopEnd = static_cast<std::uint32_t>(s.data.size());
    return s;
}

double pulse(double phase, double duty) { return phase < duty ? 0.6 : -0.6; }

// The NES triangle is a 16-step staircase, which is what gives chip bass its buzz.
double steppedTriangle(double phase) {
    const double tri = phase < 0.5 ? 4 * phase - 1 : 3 - 4 * phase;
    return 0.95 * std::round(tri * 7.5) / 7.5;
}

// NES-style 15-bit linear feedback shift register: long mode is hiss, short mode a metallic buzz.
class Lfsr {
public:
    explicit Lfsr(bool shortMode) : tap_(shortMode ? 6 : 1) {}
    double next() {
        const unsigned bit = (state_ ^ (state_ >> tap_)) & 1u;
        state_ = (state_ >> 1) | (bit << 14);
        return (state_ & 1u) ? 1.0 : -1.0;
    }

private:
    unsigned tap_;
    unsigned state_ = 1;
};

Sf2Sample noiseLoop(const std::string& name, bool shortMode, int hold, int frames) {
    Sf2Sample s;
    s.name = name;
    s.sampleRate = kDrumRate;
    s.originalPitch = 60;
    Lfsr lfsr(shortMode);
    double v = 0;
    for (int i = 0; i < frames; ++i) {
        if (i % hold == 0) v = lfsr.next();
        s.data.push_back(pcm(0.6 * v));
    }
    s.loopStart = 0;
    s.loopEnd = static_cast<std::uint32_t>(frames);
    return s;
}

// One-shot drum: `voice(t, noise)` gives the value at time t seconds, noise being the LFSR's next output.
Sf2Sample drum(const std::string& name, double seconds, bool metallic,
               const std::function<double(double, double)>& voice) {
    Sf2Sample s;
    s.name = name;
    s.sampleRate = kDrumRate;
    s.originalPitch = 60;
    Lfsr lfsr(metallic);
    const int frames = static_cast<int>(seconds * kDrumRate);
    double held = 0;
    for (int i = 0; i < frames; ++i) {
        if (i % 2 == 0) held = lfsr.next();
        const double t = double(i) / kDrumRate;
        const double fade = i > frames - 64 ? double(frames - i) / 64.0 : 1.0;  // no click at the cut
        s.data.push_back(pcm(1.4 * voice(t, held) * fade));  // drum voices below are written at about 0.5 full scale
    }
    return s;
}

// Triangle whose frequency glides from f0 to f1 with time constant tau: kicks and toms.
std::function<double(double, double)> sweptTone(double f0, double f1, double glide, double decay, double gain) {
    return [=](double t, double) {
        const double phase = f1 * t + (f0 - f1) * glide * (1 - std::exp(-t / glide));
        const double p = phase - std::floor(phase);
        return gain * std::exp(-t / decay) * steppedTriangle(p) / 0.95;
    };
}

std::vector<Sf2Sample> makeSamples() {
    std::vector<Sf2Sample> s;
    s.push_back(periodic("Square 50", [](double p) { return pulse(p, 0.5); }));       // 0
    s.push_back(periodic("Pulse 25", [](double p) { return pulse(p, 0.25); }));       // 1
    s.push_back(periodic("Pulse 12", [](double p) { return pulse(p, 0.125); }));      // 2
    s.push_back(periodic("Triangle", steppedTriangle));                               // 3
    s.push_back(noiseLoop("Noise long", false, 1, 32767));                            // 4
    s.push_back(drum("Kick", 0.35, false, sweptTone(160, 45, 0.03, 0.12, 0.7)));      // 5
    s.push_back(drum("Snare", 0.28, false, [](double t, double n) {                  // 6
        return 0.6 * n * std::exp(-t / 0.07) + 0.4 * std::sin(2 * kPi * 185 * t) * std::exp(-t / 0.03);
    }));
    s.push_back(drum("Hat closed", 0.08, true, [](double t, double n) { return 0.45 * n * std::exp(-t / 0.018); }));  // 7
    s.push_back(drum("Hat open", 0.5, true, [](double t, double n) { return 0.4 * n * std::exp(-t / 0.14); }));      // 8
    s.push_back(drum("Crash", 1.4, false, [](double t, double n) { return 0.45 * n * std::exp(-t / 0.45); }));       // 9
    s.push_back(drum("Ride", 0.9, true, [](double t, double n) { return 0.3 * n * std::exp(-t / 0.3); }));           // 10
    s.push_back(drum("Tom", 0.4, false, sweptTone(240, 110, 0.05, 0.13, 0.7)));                                       // 11
    s.push_back(drum("Clap", 0.25, false, [](double t, double n) {                                                  // 12
        const double burst = std::fmod(t, 0.012) < 0.006 && t < 0.036 ? 1.0 : 0.0;
        return 0.55 * n * (t < 0.036 ? burst : std::exp(-(t - 0.036) / 0.05));
    }));
    s.push_back(drum("Blip", 0.12, false, [](double t, double) {                                                    // 13
        return 0.4 * (std::fmod(t * 560, 1.0) < 0.5 ? 1 : -1) * std::exp(-t / 0.04);
    }));
    s.push_back(drum("Stick", 0.04, false, [](double t, double n) { return 0.6 * n * std::exp(-t / 0.008); }));     // 14
    return s;
}

struct Envelope {
    double attack, decay, sustainDb, release;
};

Sf2Instrument melodic(const std::string& name, int sample, Envelope e) {
    Sf2Zone z;
    z.target = sample;
    z.generators = {{sf2gen::SampleModes, 1},
                    {sf2gen::AttackVolEnv, secondsToTimecents(e.attack)},
                    {sf2gen::DecayVolEnv, secondsToTimecents(e.decay)},
                    {sf2gen::SustainVolEnv, static_cast<std::int16_t>(e.sustainDb * 10)},
                    {sf2gen::ReleaseVolEnv, secondsToTimecents(e.release)}};
    return {name, {z}};
}

// The General MIDI key map of the kit (keys 27..87); each key gets one zone.
Sf2Instrument drumKit() {
    Sf2Instrument kit{"Chip Drum Kit", {}};
    for (int key = 27; key <= 87; ++key) {
        int sample = 13;  // blip for the many small percussion keys
        int tune = 0;
        int exclusive = 0;
        switch (key) {
        case 35: case 36: sample = 5; tune = key == 35 ? -2 : 0; break;
        case 37: sample = 14; break;
        case 38: case 40: sample = 6; tune = key == 40 ? 2 : 0; break;
        case 39: sample = 12; break;
        case 41: case 43: case 45: case 47: case 48: case 50: sample = 11; tune = (key - 45); break;
        case 42: case 44: sample = 7; exclusive = 1; tune = key == 44 ? -2 : 0; break;
        case 46: sample = 8; exclusive = 1; break;
        case 49: case 52: case 55: case 57: sample = 9; tune = (key - 49) / 2; break;
        case 51: case 53: case 59: sample = 10; tune = key == 53 ? 3 : 0; break;
        default: tune = (key - 60) / 2; break;
        }
        Sf2Zone z;
        z.keyLo = z.keyHi = key;
        z.target = sample;
        z.generators = {{sf2gen::SampleModes, 0},
                        {sf2gen::ScaleTuning, 0},  // a drum key plays its sample at the same pitch whatever the key
                        {sf2gen::CoarseTune, static_cast<std::int16_t>(tune)},
                        {sf2gen::ReleaseVolEnv, secondsToTimecents(1.5)}};  // one-shots ring out after note-off
        if (exclusive) z.generators.push_back({sf2gen::ExclusiveClass, static_cast<std::int16_t>(exclusive)});
        kit.zones.push_back(z);
    }
    return kit;
}

enum Voice { SquareLead, Pulse25Lead, Pulse12Lead, TriangleBass, TriangleLead, ChipKeys, ChipPluck, ChipPad, NoiseFx, Kit };

std::vector<Sf2Instrument> makeInstruments() {
    return {
        melodic("Square Lead", 0, {0.004, 0.4, 3, 0.12}),
        melodic("Pulse 25% Lead", 1, {0.004, 0.4, 3, 0.12}),
        melodic("Pulse 12% Lead", 2, {0.004, 0.4, 3, 0.12}),
        melodic("Triangle Bass", 3, {0.002, 0.5, 2, 0.08}),
        melodic("Triangle Lead", 3, {0.02, 0.5, 2, 0.15}),
        melodic("Chip Keys", 1, {0.002, 1.6, 24, 0.35}),
        melodic("Chip Pluck", 2, {0.002, 0.5, 40, 0.2}),
        melodic("Chip Pad", 0, {0.18, 1.0, 4, 0.7}),
        melodic("Noise FX", 4, {0.01, 0.8, 10, 0.4}),
        drumKit(),
    };
}

// The chip voice for each General MIDI program family.
Voice voiceFor(int program) {
    if (program < 8) return ChipKeys;             // pianos
    if (program < 16) return ChipPluck;           // chromatic percussion
    if (program < 24) return SquareLead;          // organs
    if (program < 32) return ChipPluck;           // guitars
    if (program < 40) return TriangleBass;        // basses
    if (program < 56) return ChipPad;             // strings and ensembles
    if (program < 64) return Pulse25Lead;         // brass
    if (program < 72) return Pulse12Lead;         // reeds
    if (program < 80) return TriangleLead;        // pipes
    if (program == 80) return SquareLead;         // Lead 1 (square)
    if (program == 81) return Pulse25Lead;        // Lead 2 (sawtooth): the brightest pulse stands in
    if (program < 88) return Pulse12Lead;         // other leads
    if (program < 104) return ChipPad;            // pads and synth effects
    if (program < 120) return ChipPluck;          // ethnic and percussive
    return NoiseFx;                               // sound effects
}

}  // namespace

Sf2Bank buildChipSoundfont() {
    Sf2Bank bank;
    bank.name = "NoteForge Chip";
    bank.copyright = "Generated by NoteForge; GPL-3.0-or-later";
    bank.comment = "Retro chip voices: square/pulse leads, triangle bass, LFSR noise drums. Every GM program mapped.";
    bank.samples = makeSamples();
    bank.instruments = makeInstruments();
    for (int program = 0; program < 128; ++program) {
        const Voice v = voiceFor(program);
        Sf2Preset p;
        p.name = bank.instruments[v].name;
        p.bank = 0;
        p.program = program;
        p.zones.push_back(Sf2Zone{0, 127, 0, 127, static_cast<int>(v), {}});
        bank.presets.push_back(p);
    }
    Sf2Preset kit;
    kit.name = "Chip Drum Kit";
    kit.bank = 128;
    kit.program = 0;
    kit.zones.push_back(Sf2Zone{0, 127, 0, 127, static_cast<int>(Kit), {}});
    bank.presets.push_back(kit);
    return bank;
}

}  // namespace nf
