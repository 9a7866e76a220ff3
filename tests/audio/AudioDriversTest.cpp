// SPDX-License-Identifier: GPL-3.0-or-later
#include <gtest/gtest.h>

#include <algorithm>
#include <filesystem>

#include "audio/AudioDrivers.h"
#include "audio/AudioError.h"

namespace nf {
namespace {

TEST(AudioDrivers, ListsFluidSynthsDeviceDrivers) {
    const auto drivers = availableAudioDrivers();
    EXPECT_NE(std::find(drivers.begin(), drivers.end(), "jack"), drivers.end());
    EXPECT_EQ(std::find(drivers.begin(), drivers.end(), "file"), drivers.end()) << "'file' is not a device";
}

TEST(AudioDrivers, UnknownDriverNamesTheAvailableOnes) {
    try {
        chooseAudioDriver("no-such-driver");
        FAIL();
    } catch (const AudioError& e) {
        EXPECT_NE(std::string(e.what()).find("available: "), std::string::npos) << e.what();
        EXPECT_NE(std::string(e.what()).find("jack"), std::string::npos) << e.what();
    }
}

TEST(AudioDrivers, WithoutASoundCardAlsaIsRefusedClearly) {
    if (std::filesystem::exists("/dev/snd")) GTEST_SKIP() << "this machine has ALSA devices";
    EXPECT_THROW(chooseAudioDriver("alsa"), AudioError);
    const AudioDriverChoice automatic = chooseAudioDriver("");
    EXPECT_NE(automatic.driver, "alsa");
    EXPECT_NE(automatic.note.find("/dev/snd missing"), std::string::npos) << automatic.note;
}

}  // namespace
}  // namespace nf
