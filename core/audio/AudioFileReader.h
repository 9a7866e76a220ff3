// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <string>

#include "audio/AudioBuffer.h"

namespace nf {

// Decodes any file libsndfile reads (WAV, FLAC, Ogg Vorbis, MP3) to interleaved float. Throws std::runtime_error
// "PATH: msg" when it cannot.
AudioBuffer readAudioFile(const std::string& path);

}  // namespace nf
