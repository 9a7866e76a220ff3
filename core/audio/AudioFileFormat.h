// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <optional>
#include <string>
#include <vector>

namespace nf {

enum class AudioFileFormat { Wav16, Wav24, WavFloat, Flac, Ogg, Mp3 };

// From the file extension (.wav .flac .ogg/.oga .mp3); `wavBits` picks 16, 24 or 32 (float) for WAV and
// 16/24 for FLAC. nullopt for an unknown extension.
std::optional<AudioFileFormat> audioFormatFromPath(const std::string& path, int wavBits = 16);
// "wav16", "wav24", "wav32f", "flac", "ogg", "mp3".
const char* toString(AudioFileFormat format);
std::optional<AudioFileFormat> parseAudioFormat(const std::string& name);
// The formats the installed libsndfile can write (MP3 needs libsndfile >= 1.1 built with LAME/mpg123).
std::vector<AudioFileFormat> writableAudioFormats();
// libsndfile's SF_FORMAT_* value.
int sndfileFormat(AudioFileFormat format, bool flac24 = false);

}  // namespace nf
