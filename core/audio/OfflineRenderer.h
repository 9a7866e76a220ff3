// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <atomic>
#include <cstdint>
#include <functional>
#include <string>

#include "audio/AudioBuffer.h"
#include "audio/AudioFileFormat.h"
#include "audio/SynthOptions.h"
#include "audio/TrackMix.h"
#include "music/Score.h"

namespace nf {

struct RenderOptions {
    SynthOptions synth;           // sample rate (44100 or 48000), gain, reverb, chorus
    Mix mix;                      // instrument overrides, volume, pan, mute/solo
    bool normalize = false;       // scale so the loudest sample reaches normalizePeak
    double normalizePeak = 0.891; // -1 dBFS
    // After the last note-off, rendering goes on until no voice sounds and the output falls below
    // silenceThreshold (release and reverb tails kept), but never longer than tailCapSeconds.
    double tailCapSeconds = 10.0;
    double silenceThreshold = 1e-4;  // -80 dBFS
};

struct RenderProgress {
    double renderedSeconds = 0;
    double musicSeconds = 0;  // length of the music before the tail, for a progress bar
};

struct RenderStats {
    std::int64_t frames = 0;
    double seconds = 0;
    double peakBeforeGain = 0;
    double gainApplied = 1;
    bool cancelled = false;
};

using RenderProgressFn = std::function<void(const RenderProgress&)>;

// Score -> audio, faster than real time, on the calling thread (run it off the GUI thread). Each render starts a
// fresh synthesizer, so the same score, soundfont and options give the same samples every time.
class OfflineRenderer {
public:
    OfflineRenderer(std::string soundfontPath, RenderOptions options = {});

    // Interleaved stereo float. On cancel the audio rendered so far is returned and stats->cancelled is set.
    AudioBuffer render(const Score& score, const RenderProgressFn& progress = {},
                       const std::atomic<bool>* cancel = nullptr, RenderStats* stats = nullptr) const;
    // Writes `path` (atomically: a cancelled render leaves no file). Throws std::runtime_error / MusicError /
    // AudioError with a one-line message.
    RenderStats renderToFile(const Score& score, const std::string& path, AudioFileFormat format,
                             const RenderProgressFn& progress = {}, const std::atomic<bool>* cancel = nullptr) const;

    const RenderOptions& options() const { return options_; }

private:
    using Sink = std::function<void(const float* interleaved, std::int64_t frames)>;
    RenderStats renderInto(const Score& score, const Sink& sink, const RenderProgressFn& progress,
                           const std::atomic<bool>* cancel) const;

    std::string soundfont_;
    RenderOptions options_;
};

}  // namespace nf
