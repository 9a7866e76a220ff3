// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <string>
#include <vector>

namespace nf {

// The audio drivers the installed FluidSynth was built with ("alsa", "jack", "pulseaudio", "pipewire", ...).
std::vector<std::string> availableAudioDrivers();

struct AudioDriverChoice {
    std::string driver;  // "" when nothing looks usable
    std::string note;    // why, in one line, e.g. "ALSA: no sound card (/dev/snd missing); using JACK"
};

// The driver to open: the requested one when given (checked against availableAudioDrivers()), else the first that
// looks reachable: PulseAudio/PipeWire when a user session socket exists, JACK when a server runs, ALSA when
// /dev/snd exists. Nothing is opened here.
AudioDriverChoice chooseAudioDriver(const std::string& requested);

}  // namespace nf
