// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <unistd.h>

#include <filesystem>
#include <random>
#include <string>

#include "music/Score.h"

namespace nf::test {

// The chip soundfont the build generated (soundfonts/CMakeLists.txt).
inline std::string chipSoundfont() { return std::string(NF_BINARY_DIR) + "/soundfonts/noteforge-chip.sf2"; }

// An installed General MIDI soundfont, "" when the machine has none.
inline std::string systemGmSoundfont() {
    for (const char* p : {"/usr/share/sounds/sf2/default-GM.sf2", "/usr/share/sounds/sf2/FluidR3_GM.sf2",
                          "/usr/share/sounds/sf2/TimGM6mb.sf2", "/usr/share/soundfonts/default.sf2"})
        if (std::filesystem::exists(p)) return p;
    return {};
}

// A fresh, empty folder under the build tree, removed with the object.
class TempDir {
public:
    explicit TempDir(const std::string& name) {
        path_ = std::filesystem::path(NF_BINARY_DIR) / "test-tmp" / (name + "-" + std::to_string(::getpid()));
        std::filesystem::remove_all(path_);
        std::filesystem::create_directories(path_);
    }
    ~TempDir() {
        std::error_code ec;
        std::filesystem::remove_all(path_, ec);
    }
    std::string file(const std::string& name) const { return (path_ / name).string(); }
    const std::filesystem::path& path() const { return path_; }

private:
    std::filesystem::path path_;
};

// One track, one note: enough to hear a preset.
inline Score singleNote(int program, int pitch, bool drum = false, int bank = 0, double seconds = 0.5) {
    Score s(480);
    Track t;
    t.program = program;
    t.bank = bank;
    t.isDrum = drum;
    t.channel = drum ? 9 : 0;
    s.tracks.push_back(t);
    Note n;
    n.pitch = pitch;
    n.velocity = 100;
    n.start = 0;
    n.duration = static_cast<Tick>(seconds * 960);  // 120 BPM: 960 ticks per second
    s.addNote(0, n);
    return s;
}

// A busy piece: `notes` random notes over `seconds` on three melodic tracks and drums, fixed seed.
inline Score denseScore(int notes, double seconds, unsigned seed = 7) {
    Score s(480);
    for (int i = 0; i < 4; ++i) {
        Track t;
        t.channel = i == 3 ? 9 : i;
        t.isDrum = i == 3;
        t.program = i == 3 ? 0 : i * 8;
        s.tracks.push_back(t);
    }
    std::mt19937 rng(seed);
    const auto span = static_cast<Tick>(seconds * 960);
    for (int i = 0; i < notes; ++i) {
        const std::size_t track = rng() % 4;
        Note n;
        n.pitch = track == 3 ? 35 + static_cast<int>(rng() % 20) : 36 + static_cast<int>(rng() % 48);
        n.velocity = 40 + static_cast<int>(rng() % 80);
        n.start = static_cast<Tick>(rng() % static_cast<unsigned>(span));
        n.duration = 20 + static_cast<Tick>(rng() % 400);
        s.addNote(track, n);
    }
    s.normalize();
    return s;
}

}  // namespace nf::test
