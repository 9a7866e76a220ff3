// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <stdexcept>
#include <string>

namespace nf {

// A sound or MIDI device problem (no audio device, JACK not running, a MIDI port that vanished). what() is one line
// meant for the user; the rest of the application keeps working without sound.
class AudioError : public std::runtime_error {
public:
    explicit AudioError(const std::string& message) : std::runtime_error(message) {}
};

}  // namespace nf
