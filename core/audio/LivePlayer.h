// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <atomic>
#include <cstdint>
#include <memory>
#include <string>
#include <vector>

#include "audio/EventSchedule.h"
#include "audio/PlaybackLog.h"
#include "audio/SpscRing.h"
#include "audio/Synth.h"
#include "audio/Transport.h"

extern "C" {
typedef struct _fluid_audio_driver_t fluid_audio_driver_t;
}

namespace nf {

// Plays a score through FluidSynth and an audio driver (PulseAudio, PipeWire, ALSA, JACK). FluidSynth's driver
// calls our own audio callback, which renders the synth in slices between events so every event lands on its frame.
// All control reaches the audio thread through one lock-free command queue; schedules are immutable once handed
// over and freed on the control thread only after the audio thread moved past them. The callback never locks,
// allocates or logs (FluidSynth's own internal locking aside).
class LivePlayer : public Transport {
public:
    explicit LivePlayer(const SynthOptions& options = {});
    ~LivePlayer() override;  // deletes the audio driver first, then the synthesizer, then its settings

    // The synthesizer that plays from the next audio buffer on (control thread). Load a soundfont into it only
    // before start(); once playing, use replaceSoundfont().
    Synth& synth() { return *synth_; }

    // Plays through `path` from now on without stopping: a new synthesizer with the same options loads it on the
    // calling thread, then the audio thread switches to it between two buffers and gives it the programs and
    // controllers in force (sounding notes stop). Loading into the live synthesizer would hold FluidSynth's lock,
    // which the audio callback also takes, for as long as the file takes to read: the sound would stop. Throws as
    // Synth::loadSoundfont does, and then nothing changes.
    void replaceSoundfont(const std::string& path);

    // Opens the audio driver (options.audioDriver, or FluidSynth's default when empty). Throws AudioError with a
    // one-line reason when no device can be opened; the player then stays silent and the caller carries on.
    void start();
    bool started() const { return driver_ != nullptr; }
    const std::string& driverName() const { return driverName_; }
    double sampleRate() const { return rate_; }

    void setScore(const Score& score, const Mix& mix = {}) override;
    void setMix(const Mix& mix) override;
    void play() override;
    void pause() override;
    void stop() override;
    void seek(double seconds) override;
    void setLoop(double startSeconds, double endSeconds) override;
    void setTempoScale(double scale) override;

    double positionSeconds() const noexcept override { return position_.load(std::memory_order_acquire); }
    TransportState state() const noexcept override { return state_.load(std::memory_order_acquire); }
    bool finished() const noexcept override { return finished_.load(std::memory_order_acquire); }

    // Audition: sounds at the next audio buffer (latency of one buffer), playing or not.
    void noteOn(int channel, int key, int velocity);
    void noteOff(int channel, int key);
    void send(const MidiEvent& event);
    void allNotesOff();

    // Test/benchmark hook, set before start(): every event the player hands to the synth is recorded there.
    void setEventLog(PlaybackLog* log) { log_ = log; }
    // Frames rendered since start (audio-thread clock); lock-free.
    std::int64_t framesRendered() const noexcept { return frames_.load(std::memory_order_acquire); }
    // Commands dropped because the queue was full (should stay 0).
    std::size_t droppedCommands() const noexcept { return dropped_.load(std::memory_order_relaxed); }

private:
    // A schedule plus per-track audibility that mute/solo flip without a new schedule.
    struct Program {
        std::uint64_t sequence = 0;
        EventSchedule schedule;
        std::unique_ptr<std::atomic<bool>[]> audible;
    };
    struct Command {
        enum Kind : std::uint8_t { Adopt, Play, Pause, Stop, Seek, Loop, Tempo, Send, AllOff, SwapSynth } kind = Play;
        double a = 0, b = 0;
        const Program* program = nullptr;
        Synth* synth = nullptr;     // SwapSynth
        std::uint64_t sequence = 0; // SwapSynth
        MidiEvent event;
    };
    static Command command(Command::Kind kind, double a = 0, double b = 0) {
        Command c;
        c.kind = kind;
        c.a = a;
        c.b = b;
        return c;
    }

    static int audioCallback(void* self, int len, int nfx, float* fx[], int nout, float* out[]);
    // Realtime-safe: the body of the audio callback.
    int process(int len, int nout, float* out[]) noexcept;
    void handle(const Command& c) noexcept;       // realtime-safe
    void jumpTo(double seconds) noexcept;         // realtime-safe: notes off, chase controllers, move
    void chaseState() noexcept;                   // realtime-safe: programs and controllers before next_, again
    void dispatch(const TimedEvent& e) noexcept;  // realtime-safe
    void renderSlice(int offset, int frames, int nout, float* out[]) noexcept;

    void pushCommand(const Command& c);
    void adopt(std::unique_ptr<Program> program);
    void collectGarbage();
    void collectRetiredSynths();

    // Control-thread side of the synthesizers: the newest, and those replaced, kept until the audio thread has
    // moved to a newer one. The one whose settings the audio driver was made with lives as long as the driver
    // (its soundfont unloaded once retired), since FluidSynth's drivers are not promised to forget their settings.
    std::unique_ptr<Synth> synth_;
    struct RetiredSynth {
        std::uint64_t replacedBy = 0;
        std::unique_ptr<Synth> synth;
    };
    std::vector<RetiredSynth> retired_;
    Synth* driverSettings_ = nullptr;
    std::uint64_t nextSynthSequence_ = 1;
    fluid_audio_driver_t* driver_ = nullptr;
    std::string driverName_;
    double rate_ = 44100;
    SpscRing<Command> commands_{1024};
    PlaybackLog* log_ = nullptr;

    // Control-thread side.
    Score score_;
    Mix mix_;
    std::vector<std::unique_ptr<Program>> programs_;
    std::uint64_t nextSequence_ = 1;

    // Audio-thread side (read by others only through the atomics below).
    Synth* live_ = nullptr;        // the synthesizer the callback renders
    const Program* current_ = nullptr;
    std::size_t next_ = 0;         // index of the next event to send
    double pos_ = 0;               // score seconds
    double tempo_ = 1;
    double loopStart_ = 0, loopEnd_ = 0;
    bool playing_ = false;

    std::atomic<double> position_{0};
    std::atomic<TransportState> state_{TransportState::Stopped};
    std::atomic<bool> finished_{false};
    std::atomic<bool> ready_{false};
    std::atomic<std::uint64_t> adoptedSequence_{0};
    std::atomic<std::uint64_t> swappedSequence_{0};
    std::atomic<std::int64_t> frames_{0};
    std::atomic<std::size_t> dropped_{0};
};

}  // namespace nf
