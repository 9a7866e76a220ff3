// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "audio/TrackMix.h"
#include "music/Score.h"

namespace nf {

enum class TransportState { Stopped, Playing, Paused };

// What the studio's transport bar drives, whether the sound comes from the internal synthesizer (LivePlayer) or an
// external MIDI port (MidiOutPlayer). Control calls come from one thread (the GUI or CLI thread); the getters are
// lock-free and may be polled at any rate (the piano-roll cursor reads them 30+ times a second).
class Transport {
public:
    virtual ~Transport() = default;

    virtual void setScore(const Score& score, const Mix& mix = {}) = 0;
    // Mute/solo, volume, pan and instrument changes take effect while playing.
    virtual void setMix(const Mix& mix) = 0;
    virtual void play() = 0;
    virtual void pause() = 0;     // keeps the position; sounding notes are released
    virtual void stop() = 0;      // back to the start (or the loop start); all notes off
    virtual void seek(double seconds) = 0;
    virtual void setLoop(double startSeconds, double endSeconds) = 0;  // end <= start clears the loop
    virtual void setTempoScale(double scale) = 0;                      // 0.25 .. 4, 1 = as written

    // Lock-free getters: position in score seconds (tempo map applied, tempo scale not), accurate to one buffer.
    virtual double positionSeconds() const noexcept = 0;
    virtual TransportState state() const noexcept = 0;
    // True once playback ran past the last event (without a loop); play() or seek() clears it.
    virtual bool finished() const noexcept = 0;
};

}  // namespace nf
