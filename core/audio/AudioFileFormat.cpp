// SPDX-License-Identifier: GPL-3.0-or-later
#include "audio/AudioFileFormat.h"

#include <sndfile.h>

#include <algorithm>
#include <filesystem>

namespace nf {

std::optional<AudioFileFormat> audioFormatFromPath(const std::string& path, int wavBits) {
    std::string ext = std::filesystem::path(path).extension().string();
    std::transform(ext.begin(), ext.end(), ext.begin(), [](unsigned char c) { return std::tolower(c); });
    if (ext == ".wav") return wavBits >= 32 ? AudioFileFormat::WavFloat
                              : wavBits >= 24 ? AudioFileFormat::Wav24 : AudioFileFormat::Wav16;
    if (ext == ".flac") return AudioFileFormat::Flac;
    if (ext == ".ogg" || ext == ".oga") return AudioFileFormat::Ogg;
    if (ext == ".mp3") return AudioFileFormat::Mp3;
    return std::nullopt;
}

const char* toString(AudioFileFormat format) {
    switch (format) {
    case AudioFileFormat::Wav16: return "wav16";
    case AudioFileFormat::Wav24: return "wav24";
    case AudioFileFormat::WavFloat: return "wav32f";
    case AudioFileFormat::Flac: return "flac";
    case AudioFileFormat::Ogg: return "ogg";
    case AudioFileFormat::Mp3: return "mp3";
    }
    return "";
}

std::optional<AudioFileFormat> parseAudioFormat(const std::string& name) {
    for (auto f : {AudioFileFormat::Wav16, AudioFileFormat::Wav24, AudioFileFormat::WavFloat, AudioFileFormat::Flac,
                   AudioFileFormat::Ogg, AudioFileFormat::Mp3})
        if (name == toString(f)) return f;
    return std::nullopt;
}

int sndfileFormat(AudioFileFormat format, bool flac24) {
    switch (format) {
    case AudioFileFormat::Wav16: return SF_FORMAT_WAV | SF_FORMAT_PCM_16;
    case AudioFileFormat::Wav24: return SF_FORMAT_WAV | SF_FORMAT_PCM_24;
    case AudioFileFormat::WavFloat: return SF_FORMAT_WAV | SF_FORMAT_FLOAT;
    case AudioFileFormat::Flac: return SF_FORMAT_FLAC | (flac24 ? SF_FORMAT_PCM_24 : SF_FORMAT_PCM_16);
    case AudioFileFormat::Ogg: return SF_FORMAT_OGG | SF_FORMAT_VORBIS;
    case AudioFileFormat::Mp3: return SF_FORMAT_MPEG | SF_FORMAT_MPEG_LAYER_III;
    }
    return 0;
}

std::vector<AudioFileFormat> writableAudioFormats() {
    std::vector<AudioFileFormat> out;
    for (auto f : {AudioFileFormat::Wav16, AudioFileFormat::Wav24, AudioFileFormat::WavFloat, AudioFileFormat::Flac,
                   AudioFileFormat::Ogg, AudioFileFormat::Mp3}) {
        SF_INFO info{};
        info.samplerate = 44100;
        info.channels = 2;
        info.format = sndfileFormat(f);
        if (sf_format_check(&info)) out.push_back(f);
    }
    return out;
}

}  // namespace nf
