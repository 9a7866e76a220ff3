// SPDX-License-Identifier: GPL-3.0-or-later
#include <gtest/gtest.h>

#include <filesystem>

#include "AudioTestSupport.h"
#include "audio/AudioAnalysis.h"
#include "audio/AudioFileReader.h"
#include "audio/OfflineRenderer.h"

namespace nf {
namespace {

namespace fs = std::filesystem;

TEST(OfflineRenderer, SameInputGivesTheSameSamples) {
    const Score s = test::denseScore(400, 4);
    const OfflineRenderer r(test::chipSoundfont());
    const AudioBuffer a = r.render(s);
    const AudioBuffer b = r.render(s);
    ASSERT_GT(a.frames(), 4 * 44100);
    EXPECT_EQ(a.samples, b.samples);
}

TEST(OfflineRenderer, KeepsTheTailUntilSilenceButCapsIt) {
    const Score s = test::singleNote(0, 60, false, 0, 1.0);
    RenderOptions o;
    const AudioBuffer audio = OfflineRenderer(test::chipSoundfont(), o).render(s);
    EXPECT_GT(audio.seconds(), 1.05) << "release tail kept";
    EXPECT_LT(audio.seconds(), 1.0 + o.tailCapSeconds);
    // The last 10 ms are (nearly) silent: the tail ended by the silence rule, not cut off.
    AudioBuffer end = audio;
    end.samples.erase(end.samples.begin(), end.samples.end() - 2 * 441);
    EXPECT_LT(peakLevel(end), 1e-3);

    o.tailCapSeconds = 0.1;
    const AudioBuffer capped = OfflineRenderer(test::chipSoundfont(), o).render(test::singleNote(48, 60, false, 0, 1.0));
    EXPECT_LE(capped.seconds(), 1.1 + 1024.0 / 44100);  // pad: Chip Pad has a 0.7 s release, cut by the cap
}

TEST(OfflineRenderer, NormalisesThePeak) {
    RenderOptions o;
    o.normalize = true;
    RenderStats stats;
    const AudioBuffer audio = OfflineRenderer(test::chipSoundfont(), o).render(test::denseScore(100, 2), {}, nullptr, &stats);
    EXPECT_NEAR(peakLevel(audio), o.normalizePeak, 1e-4);
    EXPECT_NEAR(stats.peakBeforeGain * stats.gainApplied, o.normalizePeak, 1e-4);
}

TEST(OfflineRenderer, ReportsProgressAndCancels) {
    const Score s = test::denseScore(300, 12);
    std::atomic<bool> cancel{false};
    std::vector<double> seen;
    test::TempDir dir("render-cancel");
    const std::string out = dir.file("cancelled.wav");
    const RenderStats stats = OfflineRenderer(test::chipSoundfont()).renderToFile(
        s, out, AudioFileFormat::Wav16,
        [&](const RenderProgress& p) {
            seen.push_back(p.renderedSeconds);
            EXPECT_NEAR(p.musicSeconds, 12, 0.5);
            if (p.renderedSeconds > 3) cancel = true;
        },
        &cancel);
    EXPECT_TRUE(stats.cancelled);
    EXPECT_LT(stats.seconds, 6);
    EXPECT_GE(seen.size(), 3u);
    EXPECT_TRUE(std::is_sorted(seen.begin(), seen.end()));
    EXPECT_FALSE(fs::exists(out)) << "a cancelled render leaves no file";
    EXPECT_FALSE(fs::exists(out + ".part"));
}

TEST(OfflineRenderer, WritesEveryFormatAtBothRates) {
    const Score s = test::denseScore(150, 3);
    test::TempDir dir("render-formats");
    for (int rate : {44100, 48000}) {
        RenderOptions o;
        o.synth.sampleRate = rate;
        const OfflineRenderer r(test::chipSoundfont(), o);
        const AudioBuffer reference = r.render(s);
        const auto refEnv = rmsEnvelope(reference);
        for (auto format : writableAudioFormats()) {
            const std::string path = dir.file(std::string("out-") + toString(format) + "-" + std::to_string(rate) +
                                              (format == AudioFileFormat::Flac  ? ".flac"
                                               : format == AudioFileFormat::Ogg ? ".ogg"
                                               : format == AudioFileFormat::Mp3 ? ".mp3"
                                                                                : ".wav"));
            r.renderToFile(s, path, format);
            const AudioBuffer back = readAudioFile(path);
            EXPECT_EQ(back.sampleRate, rate) << path;
            EXPECT_EQ(back.channels, 2) << path;
            // Lossy codecs add encoder delay/padding; everything else keeps the exact length.
            EXPECT_NEAR(back.seconds(), reference.seconds(), 0.1) << path;
            EXPECT_GT(correlation(rmsEnvelope(back), refEnv), 0.95) << path;
        }
    }
}

TEST(OfflineRenderer, Mp3IsAvailable) {
    const auto formats = writableAudioFormats();
    EXPECT_NE(std::find(formats.begin(), formats.end(), AudioFileFormat::Mp3), formats.end())
        << "libsndfile 1.2 on Debian 12 writes MPEG layer III";
}

TEST(OfflineRenderer, SoloedTrackAloneIsHeard) {
    Score s = test::singleNote(0, 60);
    s.tracks.push_back(s.tracks[0]);
    s.tracks[1].channel = 1;
    RenderOptions o;
    o.mix.tracks.resize(2);
    o.mix.tracks[0].mute = true;
    const double oneTrack = rmsLevel(OfflineRenderer(test::chipSoundfont(), o).render(s));
    o.mix.tracks[1].mute = true;
    const double none = rmsLevel(OfflineRenderer(test::chipSoundfont(), o).render(s));
    EXPECT_GT(oneTrack, 1e-3);
    EXPECT_LT(none, 1e-6);
}

TEST(OfflineRenderer, BadSoundfontIsAClearError) {
    try {
        OfflineRenderer("/no/such.sf2").render(test::singleNote(0, 60));
        FAIL();
    } catch (const std::exception& e) {
        EXPECT_NE(std::string(e.what()).find("/no/such.sf2"), std::string::npos);
    }
}

}  // namespace
}  // namespace nf
