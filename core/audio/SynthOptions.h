// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <string>

namespace nf {

// Synthesizer settings shared by live playback and offline rendering. Defaults are FluidSynth 2.3's own, so a
// render compares with `fluidsynth -F` run with the same -g/-R/-C values.
struct SynthOptions {
    double sampleRate = 44100;
    double gain = 0.2;  // master gain (synth.gain), 0..10
    bool reverb = true;
    double reverbRoomSize = 0.2;
    double reverbDamping = 0.0;
    double reverbWidth = 0.5;
    double reverbLevel = 0.9;
    bool chorus = true;
    int chorusVoices = 3;
    double chorusLevel = 2.0;
    double chorusSpeed = 0.3;
    double chorusDepth = 8.0;
    int polyphony = 256;
    // FluidSynth audio driver for live playback: "" = FluidSynth's default; "pulseaudio", "alsa", "jack",
    // "pipewire" (when the installed FluidSynth has it).
    std::string audioDriver;
    // How the sound server lists the player: the JACK client (audio.jack.id, midi.jack.id) and the
    // PulseAudio/PipeWire stream's application name.
    std::string clientName = "NoteForge";
    // JACK: connect the synth's outputs to the physical outputs (system:playback_*) as it starts; without this a
    // JACK user hears nothing until they wire it by hand.
    bool jackAutoconnect = true;
    int periodSize = 256;  // frames per audio buffer (live playback latency)
    int periods = 2;
};

}  // namespace nf
