// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <optional>
#include <string>

#include "audio/MidiEvent.h"
#include "audio/SoundfontInfo.h"
#include "audio/SynthOptions.h"

extern "C" {
typedef struct _fluid_synth_t fluid_synth_t;
typedef struct _fluid_hashtable_t fluid_settings_t;
}

namespace nf {

// One FluidSynth synthesizer with its settings and (at most) one loaded soundfont. Owns both and deletes the synth
// before its settings; whoever runs an audio driver on it must delete the driver first (LivePlayer does).
class Synth {
public:
    explicit Synth(const SynthOptions& options = {});  // throws AudioError when FluidSynth cannot start
    ~Synth();
    Synth(const Synth&) = delete;
    Synth& operator=(const Synth&) = delete;

    // Loads a soundfont in place of the current one. A missing, truncated or non-soundfont file throws (MusicError
    // "FILE:@BYTE: msg" or AudioError) and the previous soundfont stays loaded and playing.
    const SoundfontInfo& loadSoundfont(const std::string& path);
    const std::optional<SoundfontInfo>& soundfont() const { return soundfont_; }
    // Frees the soundfont's samples. Not realtime-safe: only on a synth no audio thread renders any more.
    void unloadSoundfont();
    // The rate a driver imposes (a JACK server's), set before any audio runs through this synth.
    void setSampleRate(double rate);

    // Applies gain, reverb and chorus while playing (FluidSynth applies these settings live).
    void applyOptions(const SynthOptions& options);
    const SynthOptions& options() const { return options_; }
    double sampleRate() const;

    // Realtime-safe (FluidSynth's own locking only): sends one channel message to the synthesizer.
    // Returns FluidSynth's result (a note-off of a key not sounding "fails", which is normal).
    int send(const MidiEvent& event) noexcept;
    // Realtime-safe: releases every sounding note on every channel (pedal too).
    void allNotesOff() noexcept;
    // Realtime-safe: silences at once and resets controllers, programs and effects state: a clean start.
    void reset() noexcept;
    // Realtime-safe.
    int activeVoices() const noexcept;

    fluid_synth_t* handle() const { return synth_; }
    fluid_settings_t* settings() const { return settings_; }

private:
    fluid_settings_t* settings_ = nullptr;
    fluid_synth_t* synth_ = nullptr;
    int fontId_ = -1;
    std::optional<SoundfontInfo> soundfont_;
    SynthOptions options_;
};

}  // namespace nf
