// SPDX-License-Identifier: GPL-3.0-or-later
#include "audio/AudioFileWriter.h"

#include <sndfile.h>

#include <cstdio>
#include <filesystem>
#include <stdexcept>

namespace nf {

AudioFileWriter::AudioFileWriter(const std::string& path, AudioFileFormat format, int sampleRate, int channels)
    : path_(path), temp_(path + ".part"), channels_(channels) {
    SF_INFO info{};
    info.samplerate = sampleRate;
    info.channels = channels;
    info.format = sndfileFormat(format);
    if (!sf_format_check(&info))
        throw std::runtime_error(path + ": the installed libsndfile cannot write " + toString(format) + " at " +
                                 std::to_string(sampleRate) + " Hz");
    SNDFILE* f = sf_open(temp_.c_str(), SFM_WRITE, &info);
    if (!f) throw std::runtime_error(path + ": cannot create the file: " + sf_strerror(nullptr));
    file_ = f;
    sf_command(f, SFC_SET_CLIPPING, nullptr, SF_TRUE);
    if (format == AudioFileFormat::Ogg || format == AudioFileFormat::Mp3) {
        double quality = 0.4;  // libsndfile's 0 (best) .. 1 (smallest): ~160 kbit/s stereo, transparent for music
        sf_command(f, SFC_SET_COMPRESSION_LEVEL, &quality, sizeof(quality));
    }
    // Keep the file byte-identical run after run: no PEAK chunk with a timestamp in it.
    sf_command(f, SFC_SET_ADD_PEAK_CHUNK, nullptr, SF_FALSE);
}

AudioFileWriter::~AudioFileWriter() {
    close();
    if (!committed_) {
        std::error_code ec;
        std::filesystem::remove(temp_, ec);
    }
}

void AudioFileWriter::write(const float* interleaved, std::int64_t frames) {
    auto* f = static_cast<SNDFILE*>(file_);
    if (!f) throw std::runtime_error(path_ + ": write after close");
    if (sf_writef_float(f, interleaved, frames) != frames)
        throw std::runtime_error(path_ + ": write failed: " + sf_strerror(f));
}

void AudioFileWriter::close() {
    if (file_) {
        sf_close(static_cast<SNDFILE*>(file_));
        file_ = nullptr;
    }
}

void AudioFileWriter::commit() {
    auto* f = static_cast<SNDFILE*>(file_);
    if (f) {
        sf_write_sync(f);
        const int err = sf_error(f);
        close();
        if (err != SF_ERR_NO_ERROR) throw std::runtime_error(path_ + ": write failed: " + sf_error_number(err));
    }
    std::error_code ec;
    std::filesystem::rename(temp_, path_, ec);
    if (ec) throw std::runtime_error(path_ + ": cannot move the finished file into place: " + ec.message());
    committed_ = true;
}

}  // namespace nf
