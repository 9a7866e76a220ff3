// SPDX-License-Identifier: GPL-3.0-or-later
#include "audio/JackProbe.h"

#include <jack/jack.h>

#include <cstdlib>

namespace nf {

namespace {
void quiet(const char*) {}
}  // namespace

std::string jackServerName() {
    const char* env = std::getenv("JACK_DEFAULT_SERVER");
    return env && *env ? env : "default";
}

double jackSampleRate() {
    // libjack prints connection failures through these hooks; probing must stay silent.
    jack_set_error_function(quiet);
    jack_set_info_function(quiet);
    jack_status_t status{};
    jack_client_t* client = jack_client_open("noteforge-probe", JackNoStartServer, &status);
    double rate = 0;
    if (client) {
        rate = jack_get_sample_rate(client);
        jack_client_close(client);
    }
    jack_set_error_function(nullptr);  // back to libjack's defaults for real clients
    jack_set_info_function(nullptr);
    return rate;
}

bool jackServerRunning() { return jackSampleRate() > 0; }

}  // namespace nf
