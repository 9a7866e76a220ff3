// SPDX-License-Identifier: GPL-3.0-or-later
#include "audio/AudioFileReader.h"

#include <sndfile.h>

#include <stdexcept>

namespace nf {

AudioBuffer readAudioFile(const std::string& path) {
    SF_INFO info{};
    SNDFILE* f = sf_open(path.c_str(), SFM_READ, &info);
    if (!f) throw std::runtime_error(path + ": cannot read audio: " + sf_strerror(nullptr));
    AudioBuffer buf;
    buf.sampleRate = info.samplerate;
    buf.channels = info.channels;
    // Frame counts of compressed formats are estimates: read in blocks until the decoder stops.
    std::vector<float> block(4096 * static_cast<std::size_t>(info.channels));
    for (;;) {
        const sf_count_t got = sf_readf_float(f, block.data(), 4096);
        if (got <= 0) break;
        buf.samples.insert(buf.samples.end(), block.begin(), block.begin() + got * info.channels);
    }
    const int err = sf_error(f);
    sf_close(f);
    if (err != SF_ERR_NO_ERROR) throw std::runtime_error(path + ": decoding failed: " + sf_error_number(err));
    return buf;
}

}  // namespace nf
