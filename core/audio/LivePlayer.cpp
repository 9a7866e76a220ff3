// SPDX-License-Identifier: GPL-3.0-or-later
#include "audio/LivePlayer.h"

#include <fluidsynth.h>

#include <algorithm>
#include <cmath>
#include <cstdlib>
#include <limits>

#include "audio/AudioError.h"
#include "audio/FluidLog.h"
#include "audio/JackProbe.h"

namespace nf {

namespace {
// The UI polls these from other threads; they must not hide a lock.
static_assert(std::atomic<double>::is_always_lock_free);
static_assert(std::atomic<TransportState>::is_always_lock_free);
static_assert(std::atomic<std::int64_t>::is_always_lock_free);
constexpr double kEpsilon = 1e-9;  // seconds: absorbs rounding when a slice ends exactly on an event
constexpr int kMaxOutputs = 16;

// Debian's FluidSynth 2.3 names its PulseAudio client "FluidSynth" whatever the program (pa_simple_new's name).
// libpulse merges PULSE_PROP under what the program sets, so the name would lose; PULSE_PROP_OVERRIDE is applied
// over it. Set before the driver connects, unless the user named the application in either variable (tested
// against a real PulseAudio server: tests/audio/pulse_stream_name.sh).
void namePulseStream(const std::string& name) {
    for (const char* var : {"PULSE_PROP", "PULSE_PROP_OVERRIDE"})
        if (const char* v = std::getenv(var); v && std::string(v).find("application.name=") != std::string::npos) return;
    const char* current = std::getenv("PULSE_PROP_OVERRIDE");
    std::string props = current ? current : "";
    props += (props.empty() ? "" : " ") + std::string("application.name='") + name + "'";
    setenv("PULSE_PROP_OVERRIDE", props.c_str(), 1);
}
}  // namespace

LivePlayer::LivePlayer(const SynthOptions& options) : synth_(std::make_unique<Synth>(options)) {
    rate_ = options.sampleRate;
    live_ = synth_.get();
}

LivePlayer::~LivePlayer() {
    // The driver's thread calls into this object and the synths: it goes first.
    if (driver_) delete_fluid_audio_driver(driver_);
    driver_ = nullptr;
}

void LivePlayer::start() {
    if (driver_) return;
    char* name = nullptr;
    fluid_settings_dupstr(synth_->settings(), "audio.driver", &name);
    driverName_ = name ? name : "";
    fluid_free(name);
    // A JACK server imposes its rate on its clients; with our own callback FluidSynth does not adjust the synth,
    // so it is set here, before any audio runs.
    if (driverName_ == "jack") {
        if (const double jackRate = jackSampleRate(); jackRate > 0 && jackRate != rate_) {
            fluid_settings_setnum(synth_->settings(), "synth.sample-rate", jackRate);
#pragma GCC diagnostic push
#pragma GCC diagnostic ignored "-Wdeprecated-declarations"
            fluid_synth_set_sample_rate(synth_->handle(), static_cast<float>(jackRate));
#pragma GCC diagnostic pop
            rate_ = jackRate;
        }
    }
    if (driverName_ == "pulseaudio") namePulseStream(synth_->options().clientName);
    FluidLogCapture capture;
    driverSettings_ = synth_.get();
    driver_ = new_fluid_audio_driver2(synth_->settings(), &LivePlayer::audioCallback, this);
    if (!driver_) {
        const std::string why = capture.lastError();
        throw AudioError("no audio output through '" + driverName_ + "'" + (why.empty() ? "" : ": " + why) +
                         " (playback is off; rendering to files still works)");
    }
    ready_.store(true, std::memory_order_release);
}

// ---- control thread -------------------------------------------------------------------------------------------

void LivePlayer::pushCommand(const Command& c) {
    if (!driver_) {
        handle(c);  // no audio thread: apply at once so state and position stay meaningful
        return;
    }
    if (!commands_.push(c)) dropped_.fetch_add(1, std::memory_order_relaxed);
}

void LivePlayer::collectGarbage() {
    const std::uint64_t adopted = adoptedSequence_.load(std::memory_order_acquire);
    // Commands are handled in order, so a program older than the adopted one is never touched again.
    std::erase_if(programs_, [&](const auto& p) { return p->sequence < adopted; });
}

void LivePlayer::collectRetiredSynths() {
    const std::uint64_t swapped = swappedSequence_.load(std::memory_order_acquire);
    for (auto& r : retired_) {
        // Commands are handled in order: once a later synth is live, this one is never rendered again.
        if (r.replacedBy > swapped || !r.synth) continue;
        if (r.synth.get() == driverSettings_) {
            r.synth->unloadSoundfont();  // its settings stay for the driver; its samples go
        } else {
            r.synth.reset();
        }
    }
    std::erase_if(retired_, [](const RetiredSynth& r) { return !r.synth; });
}

void LivePlayer::replaceSoundfont(const std::string& path) {
    collectRetiredSynths();
    auto next = std::make_unique<Synth>(synth_->options());
    if (std::abs(next->sampleRate() - rate_) > 0.5) next->setSampleRate(rate_);  // a JACK server's rate
    next->loadSoundfont(path);  // throws for a bad file: nothing has changed
    Command c;
    c.kind = Command::SwapSynth;
    c.synth = next.get();
    c.sequence = nextSynthSequence_++;
    retired_.push_back({c.sequence, std::move(synth_)});
    synth_ = std::move(next);
    pushCommand(c);
    collectRetiredSynths();  // without an audio thread the swap has happened already
}

void LivePlayer::adopt(std::unique_ptr<Program> program) {
    collectGarbage();
    collectRetiredSynths();  // a replaced soundfont's samples are freed at the next edit or play at the latest
    Command c;
    c.kind = Command::Adopt;
    c.program = program.get();
    programs_.push_back(std::move(program));
    pushCommand(c);
}

void LivePlayer::setScore(const Score& score, const Mix& mix) {
    score_ = score;
    mix_ = mix;
    auto p = std::make_unique<Program>();
    p->sequence = nextSequence_++;
    p->schedule = EventSchedule(score_, mix_);
    p->audible = std::make_unique<std::atomic<bool>[]>(std::max<std::size_t>(1, score_.tracks.size()));
    for (std::size_t i = 0; i < score_.tracks.size(); ++i) p->audible[i].store(mix_.audible(i));
    adopt(std::move(p));
}

void LivePlayer::setMix(const Mix& mix) {
    bool onlyAudibility = true;
    for (std::size_t i = 0; i < score_.tracks.size(); ++i) {
        const TrackMix a = mix_.at(i), b = mix.at(i);
        if (a.program != b.program || a.bank != b.bank || a.volume != b.volume || a.pan != b.pan) {
            onlyAudibility = false;
            const auto ch = static_cast<std::uint8_t>(EventSchedule::channelOf(score_.tracks[i]));
            const auto tr = static_cast<std::uint16_t>(i);
            Command c;
            c.kind = Command::Send;
            if (b.volume && b.volume != a.volume) {
                c.event = {MidiEvent::Controller, ch, 7, static_cast<std::int16_t>(*b.volume), tr};
                pushCommand(c);
            }
            if (b.pan && b.pan != a.pan) {
                c.event = {MidiEvent::Controller, ch, 10, static_cast<std::int16_t>(*b.pan), tr};
                pushCommand(c);
            }
            if (b.program != a.program) {
                c.event = {MidiEvent::ProgramChange, ch,
                           static_cast<std::uint8_t>(b.program.value_or(score_.tracks[i].program)), 0, tr};
                pushCommand(c);
            }
        }
    }
    if (onlyAudibility && !programs_.empty()) {
        mix_ = mix;
        const Program& p = *programs_.back();
        for (std::size_t i = 0; i < score_.tracks.size(); ++i) p.audible[i].store(mix_.audible(i));
        return;
    }
    setScore(score_, mix);
}

void LivePlayer::play() { pushCommand(command(Command::Play)); }
void LivePlayer::pause() { pushCommand(command(Command::Pause)); }
void LivePlayer::stop() { pushCommand(command(Command::Stop)); }
void LivePlayer::seek(double seconds) { pushCommand(command(Command::Seek, std::max(0.0, seconds))); }
void LivePlayer::setLoop(double startSeconds, double endSeconds) {
    pushCommand(command(Command::Loop, std::max(0.0, startSeconds), endSeconds));
}
void LivePlayer::setTempoScale(double scale) { pushCommand(command(Command::Tempo, std::clamp(scale, 0.25, 4.0))); }

void LivePlayer::noteOn(int channel, int key, int velocity) {
    send({MidiEvent::NoteOn, static_cast<std::uint8_t>(channel & 15), static_cast<std::uint8_t>(key & 127),
          static_cast<std::int16_t>(std::clamp(velocity, 1, 127)), 0});
}
void LivePlayer::noteOff(int channel, int key) {
    send({MidiEvent::NoteOff, static_cast<std::uint8_t>(channel & 15), static_cast<std::uint8_t>(key & 127), 0, 0});
}
void LivePlayer::send(const MidiEvent& event) {
    Command c;
    c.kind = Command::Send;
    c.event = event;
    pushCommand(c);
}
void LivePlayer::allNotesOff() { pushCommand(command(Command::AllOff)); }

// ---- audio thread ---------------------------------------------------------------------------------------------

int LivePlayer::audioCallback(void* self, int len, int, float*[], int nout, float* out[]) {
    return static_cast<LivePlayer*>(self)->process(len, nout, out);
}

void LivePlayer::handle(const Command& c) noexcept {
    switch (c.kind) {
    case Command::Adopt:
        if (playing_) live_->allNotesOff();  // notes of the old schedule may have lost their note-offs
        current_ = c.program;
        adoptedSequence_.store(c.program->sequence, std::memory_order_release);
        next_ = current_->schedule.indexAt(pos_);
        break;
    case Command::Play:
        if (finished_.load(std::memory_order_relaxed) || !current_) jumpTo(loopEnd_ > loopStart_ ? loopStart_ : 0);
        playing_ = current_ != nullptr;
        finished_.store(false, std::memory_order_release);
        state_.store(playing_ ? TransportState::Playing : TransportState::Stopped, std::memory_order_release);
        break;
    case Command::Pause:
        playing_ = false;
        live_->allNotesOff();
        state_.store(TransportState::Paused, std::memory_order_release);
        break;
    case Command::Stop:
        playing_ = false;
        jumpTo(loopEnd_ > loopStart_ ? loopStart_ : 0);
        finished_.store(false, std::memory_order_release);
        state_.store(TransportState::Stopped, std::memory_order_release);
        break;
    case Command::Seek:
        jumpTo(c.a);
        finished_.store(false, std::memory_order_release);
        break;
    case Command::Loop:
        loopStart_ = c.a;
        loopEnd_ = c.b > c.a ? c.b : 0;
        break;
    case Command::Tempo: tempo_ = c.a; break;
    case Command::Send: live_->send(c.event); break;
    case Command::AllOff: live_->allNotesOff(); break;
    case Command::SwapSynth:
        live_ = c.synth;
        swappedSequence_.store(c.sequence, std::memory_order_release);
        chaseState();  // the new synth gets the programs and controllers in force; the schedule goes on
        break;
    }
    position_.store(pos_, std::memory_order_release);
}

void LivePlayer::jumpTo(double seconds) noexcept {
    live_->allNotesOff();
    pos_ = seconds;
    if (!current_) return;
    next_ = current_->schedule.indexAt(seconds);
    // Replay the programs and controllers in force at the target, so a seek sounds as if played from the start.
    chaseState();
}

void LivePlayer::chaseState() noexcept {
    if (!current_) return;
    const auto& events = current_->schedule.events();
    for (std::size_t i : current_->schedule.stateEvents()) {
        if (i >= next_) break;
        live_->send(events[i].event);
    }
}

void LivePlayer::dispatch(const TimedEvent& e) noexcept {
    if (e.event.type == MidiEvent::NoteOn && !current_->audible[e.event.track].load(std::memory_order_relaxed)) return;
    const int result = live_->send(e.event);
    if (log_) log_->record({e.event, result, e.seconds, frames_.load(std::memory_order_relaxed)});
}

void LivePlayer::renderSlice(int offset, int frames, int nout, float* out[]) noexcept {
    float* dry[kMaxOutputs];
    const int n = std::min(nout, kMaxOutputs);
    for (int i = 0; i < n; ++i) dry[i] = out[i] + offset;
    // Drivers other than multi-channel JACK give no effect buffers: reverb and chorus are mixed into the dry pair.
    float* fx[4] = {dry[0], dry[n > 1 ? 1 : 0], dry[0], dry[n > 1 ? 1 : 0]};
    fluid_synth_process(live_->handle(), frames, 4, fx, n, dry);
}

int LivePlayer::process(int len, int nout, float* out[]) noexcept {
    if (!ready_.load(std::memory_order_acquire) || nout <= 0) return FLUID_OK;  // buffers arrive zeroed
    Command c;
    while (commands_.pop(c)) handle(c);

    constexpr double kNever = std::numeric_limits<double>::infinity();
    int done = 0;
    while (done < len) {
        int n = len - done;
        if (playing_ && current_) {
            const bool looping = loopEnd_ > loopStart_;
            if (looping && pos_ >= loopEnd_ - kEpsilon) jumpTo(loopStart_);
            const auto& events = current_->schedule.events();
            while (next_ < events.size() && events[next_].seconds <= pos_ + kEpsilon) dispatch(events[next_++]);
            double limit = next_ < events.size() ? events[next_].seconds : kNever;
            if (looping) limit = std::min(limit, loopEnd_);
            if (limit == kNever) {
                playing_ = false;
                finished_.store(true, std::memory_order_release);
                state_.store(TransportState::Stopped, std::memory_order_release);
            } else {
                const double frames = std::ceil((limit - pos_) * rate_ / tempo_);
                n = static_cast<int>(std::clamp(frames, 1.0, double(n)));
            }
        }
        renderSlice(done, n, nout, out);
        if (playing_) pos_ += n * tempo_ / rate_;
        frames_.fetch_add(n, std::memory_order_release);
        done += n;
    }
    position_.store(pos_, std::memory_order_release);
    return FLUID_OK;
}

}  // namespace nf
