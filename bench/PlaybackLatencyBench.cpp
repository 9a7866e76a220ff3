// SPDX-License-Identifier: GPL-3.0-or-later
// Live playback lateness: plays a dense score (3000 notes in 20 s) through FluidSynth's JACK driver and reports
// how far from its due time each event reached the synth, measured in output frames on the audio thread.
// Needs a running JACK server (bench/render_bench.sh starts a dummy one). Usage: nf_bench_playback [SOUNDFONT]
#include <algorithm>
#include <chrono>
#include <cstdio>
#include <exception>
#include <random>
#include <thread>
#include <vector>

#include "audio/BundledSoundfont.h"
#include "audio/LivePlayer.h"

namespace {

nf::Score denseScore() {
    nf::Score s(480);
    for (int i = 0; i < 3; ++i) {
        nf::Track t;
        t.channel = i;
        t.program = i * 8;
        s.tracks.push_back(t);
    }
    std::mt19937 rng(11);
    for (int i = 0; i < 3000; ++i) {
        nf::Note n;
        n.pitch = 36 + static_cast<int>(rng() % 48);
        n.velocity = 40 + static_cast<int>(rng() % 80);
        n.start = static_cast<nf::Tick>(rng() % (20 * 960));
        n.duration = 20 + static_cast<nf::Tick>(rng() % 400);
        s.addNote(rng() % 3, n);
    }
    s.normalize();
    return s;
}

}  // namespace

int main(int argc, char** argv) {
    try {
        const std::string sf2 = argc > 1 ? argv[1] : nf::bundledSoundfontPath();
        nf::SynthOptions o;
        o.audioDriver = "jack";
        o.periodSize = 256;
        nf::PlaybackLog log(20000);
        nf::LivePlayer player(o);
        player.synth().loadSoundfont(sf2);
        player.setEventLog(&log);
        player.start();
        player.setScore(denseScore());
        player.play();
        while (!player.finished()) std::this_thread::sleep_for(std::chrono::milliseconds(20));

        // Offset = when playback started on the output clock; lateness = actual frame time - due time - offset.
        const double rate = player.sampleRate();
        double offset = 1e9;
        for (std::size_t i = 0; i < log.count(); ++i) offset = std::min(offset, log[i].frame / rate - log[i].scheduledSeconds);
        std::vector<double> lateMs;
        for (std::size_t i = 0; i < log.count(); ++i)
            lateMs.push_back(1000 * (log[i].frame / rate - log[i].scheduledSeconds - offset));
        std::sort(lateMs.begin(), lateMs.end());
        auto pct = [&](double p) { return lateMs[static_cast<std::size_t>(p * double(lateMs.size() - 1))]; };
        std::printf("playback lateness over %zu events (JACK dummy, %d-frame buffers, %.0f Hz): "
                    "median %.3f ms, p99 %.3f ms, max %.3f ms (one buffer = %.2f ms); dropped commands %zu\n",
                    lateMs.size(), o.periodSize, rate, pct(0.5), pct(0.99), lateMs.back(), 1000.0 * o.periodSize / rate,
                    player.droppedCommands());
        return 0;
    } catch (const std::exception& e) {
        std::fprintf(stderr, "nf_bench_playback: %s\n", e.what());
        return 1;
    }
}
