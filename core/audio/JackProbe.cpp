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

namespace {
// A short-lived client for looking at the graph; nullptr (silently) when no server runs.
jack_client_t* openProbe() {
    jack_set_error_function(quiet);
    jack_set_info_function(quiet);
    jack_status_t status{};
    jack_client_t* client = jack_client_open("noteforge-probe", JackNoStartServer, &status);
    jack_set_error_function(nullptr);
    jack_set_info_function(nullptr);
    return client;
}
}  // namespace

std::vector<std::string> jackPortConnections(const std::string& port) {
    std::vector<std::string> out;
    jack_client_t* client = openProbe();
    if (!client) return out;
    if (jack_port_t* p = jack_port_by_name(client, port.c_str()))
        if (const char** to = jack_port_get_all_connections(client, p)) {
            for (const char** t = to; *t; ++t) out.emplace_back(*t);
            jack_free(to);
        }
    jack_client_close(client);
    return out;
}

std::vector<std::pair<std::string, std::string>> jackOutputConnections(const std::string& clientPrefix) {
    std::vector<std::pair<std::string, std::string>> out;
    jack_client_t* client = openProbe();
    if (!client) return out;
    if (const char** ports = jack_get_ports(client, nullptr, nullptr, JackPortIsOutput)) {
        for (const char** p = ports; *p; ++p) {
            const std::string name = *p;
            if (name.compare(0, clientPrefix.size(), clientPrefix) != 0) continue;
            if (const char** to = jack_port_get_all_connections(client, jack_port_by_name(client, *p))) {
                for (const char** t = to; *t; ++t) out.emplace_back(name, *t);
                jack_free(to);
            }
        }
        jack_free(ports);
    }
    jack_client_close(client);
    return out;
}

}  // namespace nf
