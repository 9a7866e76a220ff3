// SPDX-License-Identifier: GPL-3.0-or-later
#include "audio/Synth.h"

#include <fluidsynth.h>

#include <algorithm>

#include "audio/AudioError.h"
#include "audio/FluidLog.h"
#include "audio/SoundfontReader.h"
#include "music/ControlEvent.h"

namespace nf {

namespace {

void setLiveOptions(fluid_settings_t* s, const SynthOptions& o) {
    fluid_settings_setnum(s, "synth.gain", o.gain);
    fluid_settings_setint(s, "synth.reverb.active", o.reverb ? 1 : 0);
    fluid_settings_setnum(s, "synth.reverb.room-size", o.reverbRoomSize);
    fluid_settings_setnum(s, "synth.reverb.damp", o.reverbDamping);
    fluid_settings_setnum(s, "synth.reverb.width", o.reverbWidth);
    fluid_settings_setnum(s, "synth.reverb.level", o.reverbLevel);
    fluid_settings_setint(s, "synth.chorus.active", o.chorus ? 1 : 0);
    fluid_settings_setint(s, "synth.chorus.nr", o.chorusVoices);
    fluid_settings_setnum(s, "synth.chorus.level", o.chorusLevel);
    fluid_settings_setnum(s, "synth.chorus.speed", o.chorusSpeed);
    fluid_settings_setnum(s, "synth.chorus.depth", o.chorusDepth);
}

}  // namespace

Synth::Synth(const SynthOptions& options) : options_(options) {
    installFluidLogHandler();
    settings_ = new_fluid_settings();
    if (!settings_) throw AudioError("FluidSynth could not create its settings");
    fluid_settings_setnum(settings_, "synth.sample-rate", options.sampleRate);
    fluid_settings_setint(settings_, "synth.polyphony", options.polyphony);
    // One rendering thread: identical output run after run, and no extra threads competing with the audio one.
    fluid_settings_setint(settings_, "synth.cpu-cores", 1);
    // Our own scheduler feeds the synth; FluidSynth must not open MIDI input or a shell.
    fluid_settings_setint(settings_, "synth.lock-memory", 0);
    setLiveOptions(settings_, options);
    if (!options.audioDriver.empty()) fluid_settings_setstr(settings_, "audio.driver", options.audioDriver.c_str());
    // Absent from a FluidSynth built without JACK: then these calls fail harmlessly.
    fluid_settings_setstr(settings_, "audio.jack.id", options.clientName.c_str());
    fluid_settings_setstr(settings_, "midi.jack.id", options.clientName.c_str());
    fluid_settings_setint(settings_, "audio.jack.autoconnect", options.jackAutoconnect ? 1 : 0);
    fluid_settings_setint(settings_, "audio.period-size", options.periodSize);
    fluid_settings_setint(settings_, "audio.periods", std::max(2, options.periods));
    synth_ = new_fluid_synth(settings_);
    if (!synth_) {
        delete_fluid_settings(settings_);
        throw AudioError("FluidSynth could not create a synthesizer");
    }
}

Synth::~Synth() {
    if (synth_) delete_fluid_synth(synth_);
    if (settings_) delete_fluid_settings(settings_);
}

const SoundfontInfo& Synth::loadSoundfont(const std::string& path) {
    SoundfontInfo info = readSoundfontInfo(path);  // throws a precise message for bad files
    FluidLogCapture capture;
    const int id = fluid_synth_sfload(synth_, path.c_str(), 1);
    if (id == FLUID_FAILED) {
        const std::string why = capture.lastError();
        throw AudioError(path + ": FluidSynth could not load the soundfont" + (why.empty() ? "" : ": " + why));
    }
    if (fontId_ >= 0) fluid_synth_sfunload(synth_, fontId_, 1);
    fontId_ = id;
    fluid_synth_program_reset(synth_);  // re-resolve every channel's preset in the new font
    soundfont_ = std::move(info);
    return *soundfont_;
}

void Synth::unloadSoundfont() {
    if (fontId_ >= 0) fluid_synth_sfunload(synth_, fontId_, 1);
    fontId_ = -1;
    soundfont_.reset();
}

void Synth::setSampleRate(double rate) {
    fluid_settings_setnum(settings_, "synth.sample-rate", rate);
#pragma GCC diagnostic push
#pragma GCC diagnostic ignored "-Wdeprecated-declarations"
    fluid_synth_set_sample_rate(synth_, static_cast<float>(rate));
#pragma GCC diagnostic pop
}

void Synth::applyOptions(const SynthOptions& options) {
    setLiveOptions(settings_, options);
    const std::string driver = options_.audioDriver;
    options_ = options;
    options_.audioDriver = driver;  // the driver only changes with a new LivePlayer
}

double Synth::sampleRate() const {
    double rate = options_.sampleRate;
    fluid_settings_getnum(settings_, "synth.sample-rate", &rate);
    return rate;
}

int Synth::send(const MidiEvent& e) noexcept {
    switch (e.type) {
    case MidiEvent::NoteOn: return fluid_synth_noteon(synth_, e.channel, e.data1, e.data2);
    case MidiEvent::NoteOff: return fluid_synth_noteoff(synth_, e.channel, e.data1);
    case MidiEvent::Controller: return fluid_synth_cc(synth_, e.channel, e.data1, e.data2);
    case MidiEvent::ProgramChange: return fluid_synth_program_change(synth_, e.channel, e.data1);
    case MidiEvent::PitchBend: return fluid_synth_pitch_bend(synth_, e.channel, e.data2 + 8192);
    case MidiEvent::ChannelPressure: return fluid_synth_channel_pressure(synth_, e.channel, e.data2);
    }
    return FLUID_FAILED;
}

void Synth::allNotesOff() noexcept {
    for (int ch = 0; ch < 16; ++ch) {
        fluid_synth_cc(synth_, ch, cc::Sustain, 0);
        fluid_synth_all_notes_off(synth_, ch);
    }
}

void Synth::reset() noexcept { fluid_synth_system_reset(synth_); }

int Synth::activeVoices() const noexcept { return fluid_synth_get_active_voice_count(synth_); }

}  // namespace nf
