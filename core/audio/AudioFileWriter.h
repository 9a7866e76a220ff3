// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <cstdint>
#include <string>

#include "audio/AudioFileFormat.h"

namespace nf {

// Streams interleaved float audio into a file through libsndfile. Writes go to "<path>.part" and commit() renames
// it over the target, so a cancelled or failed render never leaves a half file under the real name.
class AudioFileWriter {
public:
    // Throws std::runtime_error "PATH: msg" when the file cannot be created or the format is unavailable.
    AudioFileWriter(const std::string& path, AudioFileFormat format, int sampleRate, int channels = 2);
    ~AudioFileWriter();  // discards the temporary file unless committed
    AudioFileWriter(const AudioFileWriter&) = delete;
    AudioFileWriter& operator=(const AudioFileWriter&) = delete;

    // Samples beyond [-1, 1] are clipped for integer formats.
    void write(const float* interleaved, std::int64_t frames);
    void commit();

private:
    void close();
    std::string path_;
    std::string temp_;
    void* file_ = nullptr;  // SNDFILE*
    int channels_;
    bool committed_ = false;
};

}  // namespace nf
