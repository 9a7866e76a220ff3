// SPDX-License-Identifier: GPL-3.0-or-later
#include "audio/AudioDrivers.h"

#include <fluidsynth.h>
#include <unistd.h>

#include <algorithm>
#include <cstdlib>
#include <filesystem>

#include "audio/AudioError.h"
#include "audio/JackProbe.h"

namespace nf {

namespace {

void collect(void* data, const char*, const char* option) {
    static_cast<std::vector<std::string>*>(data)->emplace_back(option);
}

bool has(const std::vector<std::string>& v, const std::string& s) { return std::find(v.begin(), v.end(), s) != v.end(); }

std::string runtimeDir() {
    if (const char* d = std::getenv("XDG_RUNTIME_DIR"); d && *d) return d;
    return "/run/user/" + std::to_string(getuid());
}

bool pulseReachable() {
    if (const char* s = std::getenv("PULSE_SERVER"); s && *s) return true;
    std::error_code ec;
    return std::filesystem::exists(runtimeDir() + "/pulse/native", ec);
}

bool pipewireReachable() {
    std::error_code ec;
    return std::filesystem::exists(runtimeDir() + "/pipewire-0", ec);
}

}  // namespace

std::vector<std::string> availableAudioDrivers() {
    std::vector<std::string> drivers;
    fluid_settings_t* s = new_fluid_settings();
    if (!s) return drivers;
    fluid_settings_foreach_option(s, "audio.driver", &drivers, collect);
    delete_fluid_settings(s);
    drivers.erase(std::remove(drivers.begin(), drivers.end(), "file"), drivers.end());  // not a device
    return drivers;
}

AudioDriverChoice chooseAudioDriver(const std::string& requested) {
    const auto drivers = availableAudioDrivers();
    AudioDriverChoice c;
    if (!requested.empty()) {
        if (!has(drivers, requested)) {
            std::string list;
            for (const auto& d : drivers) list += (list.empty() ? "" : ", ") + d;
            throw AudioError("audio driver '" + requested + "' is not available in this FluidSynth (available: " +
                             list + ")");
        }
        std::error_code ec;
        // Checked here because libasound would otherwise print a page of errors before failing.
        if (requested == "alsa" && !std::filesystem::exists("/dev/snd", ec))
            throw AudioError("audio driver 'alsa': no sound card (/dev/snd missing)");
        // Checked here so the message says what is missing instead of FluidSynth's "could not connect".
        if (requested == "jack" && !jackServerRunning())
            throw AudioError("audio driver 'jack': no JACK server running (server '" + jackServerName() + "')");
        if (requested == "pulseaudio" && !pulseReachable())
            throw AudioError("audio driver 'pulseaudio': no PulseAudio or PipeWire session (no " + runtimeDir() +
                             "/pulse/native)");
        c.driver = requested;
        return c;
    }
    std::error_code ec;
    const bool alsa = std::filesystem::exists("/dev/snd", ec);
    if (has(drivers, "pipewire") && pipewireReachable()) c.driver = "pipewire";
    else if (has(drivers, "pulseaudio") && pulseReachable()) c.driver = "pulseaudio";
    else if (has(drivers, "jack") && jackServerRunning()) c.driver = "jack";
    else if (has(drivers, "alsa") && alsa) c.driver = "alsa";
    if (!alsa) c.note = "ALSA: no sound card (/dev/snd missing)";
    if (c.driver.empty())
        c.note = (c.note.empty() ? "" : c.note + "; ") + "no PulseAudio/PipeWire session and no JACK server running";
    else if (!alsa)
        c.note += "; using " + c.driver;
    return c;
}

}  // namespace nf
