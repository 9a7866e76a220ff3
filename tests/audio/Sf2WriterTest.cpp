// SPDX-License-Identifier: GPL-3.0-or-later
#include <gtest/gtest.h>

#include <cmath>

#include "AudioTestSupport.h"
#include "audio/AudioAnalysis.h"
#include "audio/OfflineRenderer.h"
#include "audio/Sf2Writer.h"
#include "audio/SoundfontReader.h"
#include "audio/Synth.h"

namespace nf {
namespace {

constexpr double kAudibleRms = 1e-3;  // -60 dBFS: a preset that "sounds"

Sf2Bank sineBank() {
    Sf2Bank bank;
    bank.name = "Test Sines";
    Sf2Sample s;
    s.name = "sine";
    s.sampleRate = 44000;
    s.originalPitch = 69;
    const int cycle = 100;  // 440 Hz at 44 kHz: A4, the declared root
    for (int i = 0; i < cycle * 20; ++i) s.data.push_back(static_cast<std::int16_t>(20000 * std::sin(2 * M_PI * i / cycle)));
    s.loopStart = 0;
    s.loopEnd = static_cast<std::uint32_t>(s.data.size());
    bank.samples.push_back(s);
    Sf2Zone z;
    z.target = 0;
    z.generators = {{sf2gen::SampleModes, 1}, {sf2gen::ReleaseVolEnv, secondsToTimecents(0.2)}};
    bank.instruments.push_back({"Sine", {z}});
    Sf2Zone low = z, high = z;
    low.keyHi = 59;
    high.keyLo = 60;
    high.generators = {{sf2gen::SampleModes, 1}, {sf2gen::CoarseTune, 12}};
    bank.instruments.push_back({"Split", {low, high}});
    bank.presets.push_back({"Sine Lead", 0, 0, {Sf2Zone{0, 127, 0, 127, 0, {}}}});
    bank.presets.push_back({"Split Keys", 0, 5, {Sf2Zone{0, 127, 0, 127, 1, {}}}});
    bank.presets.push_back({"Sine Kit", 128, 0, {Sf2Zone{0, 127, 0, 127, 0, {}}}});
    return bank;
}

double presetRms(const std::string& sf2, const SoundfontPreset& p, int key) {
    const bool drum = p.bank == 128;
    RenderOptions o;
    o.synth.reverb = o.synth.chorus = false;
    const AudioBuffer audio = OfflineRenderer(sf2, o).render(test::singleNote(p.program, key, drum, drum ? 0 : p.bank));
    return rmsLevel(audio);
}

TEST(Sf2Writer, RoundTripsPresetsThroughTheReader) {
    test::TempDir dir("sf2w");
    const std::string path = dir.file("sines.sf2");
    writeSf2File(sineBank(), path);
    const SoundfontInfo info = readSoundfontInfo(path);
    EXPECT_EQ(info.name, "Test Sines");
    ASSERT_EQ(info.presets.size(), 3u);
    EXPECT_EQ(info.presets[0], (SoundfontPreset{0, 0, "Sine Lead"}));
    EXPECT_EQ(info.presets[1], (SoundfontPreset{0, 5, "Split Keys"}));
    EXPECT_EQ(info.presets[2], (SoundfontPreset{128, 0, "Sine Kit"}));
}

TEST(Sf2Writer, FileLoadsInFluidSynthAndEveryPresetSounds) {
    test::TempDir dir("sf2w-sound");
    const std::string path = dir.file("sines.sf2");
    writeSf2File(sineBank(), path);
    Synth synth;
    EXPECT_NO_THROW(synth.loadSoundfont(path));
    for (const auto& p : readSoundfontInfo(path).presets)
        for (int key : {48, 72}) EXPECT_GT(presetRms(path, p, key), kAudibleRms) << p.name << " key " << key;
}

TEST(Sf2Writer, RejectsInconsistentBanks) {
    Sf2Bank bank = sineBank();
    bank.presets[0].zones[0].target = 7;
    EXPECT_THROW(writeSf2(bank), std::invalid_argument);
    bank = sineBank();
    bank.samples[0].loopEnd = static_cast<std::uint32_t>(bank.samples[0].data.size() + 1);
    EXPECT_THROW(writeSf2(bank), std::invalid_argument);
    bank = sineBank();
    bank.presets[0].program = 128;
    EXPECT_THROW(writeSf2(bank), std::invalid_argument);
    EXPECT_THROW(writeSf2(Sf2Bank{}), std::invalid_argument);
}

TEST(Sf2Writer, OutputIsTheSameEveryTime) { EXPECT_EQ(writeSf2(sineBank()), writeSf2(sineBank())); }

TEST(BundledChipSoundfont, EveryPresetSounds) {
    const std::string sf2 = test::chipSoundfont();
    const SoundfontInfo info = readSoundfontInfo(sf2);
    ASSERT_EQ(info.presets.size(), 129u);
    for (const auto& p : info.presets) {
        const int key = p.bank == 128 ? 38 : 60;  // snare for the kit, middle C for the rest
        EXPECT_GT(presetRms(sf2, p, key), kAudibleRms) << p.bank << ":" << p.program << " " << p.name;
    }
}

TEST(BundledChipSoundfont, DrumKitCoversTheGeneralMidiKeys) {
    const std::string sf2 = test::chipSoundfont();
    const SoundfontPreset kit{128, 0, "Chip Drum Kit"};
    for (int key = 35; key <= 81; ++key) EXPECT_GT(presetRms(sf2, kit, key), kAudibleRms) << "drum key " << key;
}

}  // namespace
}  // namespace nf
