// SPDX-License-Identifier: GPL-3.0-or-later
#include "audio/OfflineRenderer.h"

#include <fluidsynth.h>

#include <algorithm>
#include <cmath>
#include <vector>

#include "audio/AudioFileWriter.h"
#include "audio/EventSchedule.h"
#include "audio/Synth.h"

namespace nf {

namespace {

constexpr int kBlock = 4096;        // frames per synth call between events
constexpr int kTailBlock = 1024;    // tail is checked for silence block by block
constexpr double kProgressEvery = 1.0;  // seconds of audio between progress reports

float blockPeak(const float* s, std::int64_t n) {
    float p = 0;
    for (std::int64_t i = 0; i < n; ++i) p = std::max(p, std::fabs(s[i]));
    return p;
}

}  // namespace

OfflineRenderer::OfflineRenderer(std::string soundfontPath, RenderOptions options)
    : soundfont_(std::move(soundfontPath)), options_(std::move(options)) {}

RenderStats OfflineRenderer::renderInto(const Score& score, const Sink& sink, const RenderProgressFn& progress,
                                        const std::atomic<bool>* cancel) const {
    SynthOptions synthOptions = options_.synth;
    synthOptions.audioDriver.clear();
    Synth synth(synthOptions);
    synth.loadSoundfont(soundfont_);
    const EventSchedule schedule(score, options_.mix, /*dropInaudible=*/true);
    const double rate = synthOptions.sampleRate;

    std::vector<float> buf(static_cast<std::size_t>(kBlock) * 2);
    RenderStats stats;
    double nextReport = 0;
    RenderProgress report{0, schedule.endSeconds()};
    auto produce = [&](std::int64_t frames) -> float {
        float peak = 0;
        while (frames > 0) {
            const int n = static_cast<int>(std::min<std::int64_t>(frames, kBlock));
            fluid_synth_write_float(synth.handle(), n, buf.data(), 0, 2, buf.data(), 1, 2);
            peak = std::max(peak, blockPeak(buf.data(), 2 * n));
            stats.peakBeforeGain = std::max(stats.peakBeforeGain, double(peak));
            sink(buf.data(), n);
            stats.frames += n;
            frames -= n;
        }
        if (progress && double(stats.frames) / rate >= nextReport) {
            report.renderedSeconds = double(stats.frames) / rate;
            progress(report);
            nextReport = report.renderedSeconds + kProgressEvery;
        }
        return peak;
    };
    auto cancelled = [&] { return cancel && cancel->load(std::memory_order_relaxed); };

    for (const TimedEvent& e : schedule.events()) {
        // Events land on exact sample frames (FluidSynth applies them at its next 64-frame block).
        const auto at = static_cast<std::int64_t>(std::llround(e.seconds * rate));
        if (at > stats.frames) produce(at - stats.frames);
        synth.send(e.event);
        if (cancelled()) {
            stats.cancelled = true;
            break;
        }
    }
    const std::int64_t tailEnd = stats.frames + static_cast<std::int64_t>(options_.tailCapSeconds * rate);
    while (!stats.cancelled && stats.frames < tailEnd) {
        const float peak = produce(std::min<std::int64_t>(kTailBlock, tailEnd - stats.frames));
        if (synth.activeVoices() == 0 && peak < options_.silenceThreshold) break;
        stats.cancelled = cancelled();
    }
    stats.seconds = double(stats.frames) / rate;
    if (progress && !stats.cancelled) progress({stats.seconds, schedule.endSeconds()});
    return stats;
}

AudioBuffer OfflineRenderer::render(const Score& score, const RenderProgressFn& progress,
                                    const std::atomic<bool>* cancel, RenderStats* statsOut) const {
    AudioBuffer out;
    out.sampleRate = static_cast<int>(options_.synth.sampleRate);
    out.channels = 2;
    out.samples.reserve(static_cast<std::size_t>((score.durationSeconds() + 3) * out.sampleRate * 2));
    RenderStats stats = renderInto(
        score, [&](const float* s, std::int64_t n) { out.samples.insert(out.samples.end(), s, s + 2 * n); }, progress,
        cancel);
    if (options_.normalize && stats.peakBeforeGain > 0) {
        stats.gainApplied = options_.normalizePeak / stats.peakBeforeGain;
        const auto g = static_cast<float>(stats.gainApplied);
        for (float& s : out.samples) s *= g;
    }
    if (statsOut) *statsOut = stats;
    return out;
}

RenderStats OfflineRenderer::renderToFile(const Score& score, const std::string& path, AudioFileFormat format,
                                          const RenderProgressFn& progress, const std::atomic<bool>* cancel) const {
    const int rate = static_cast<int>(options_.synth.sampleRate);
    AudioFileWriter writer(path, format, rate, 2);  // fails early on a bad path or format, before rendering
    RenderStats stats;
    if (options_.normalize) {
        // The gain depends on the whole piece's peak, so the audio is kept in memory and written afterwards.
        const AudioBuffer audio = render(score, progress, cancel, &stats);
        if (stats.cancelled) return stats;
        writer.write(audio.samples.data(), audio.frames());
    } else {
        stats = renderInto(score, [&](const float* s, std::int64_t n) { writer.write(s, n); }, progress, cancel);
        if (stats.cancelled) return stats;
    }
    writer.commit();
    return stats;
}

}  // namespace nf
