// SPDX-License-Identifier: GPL-3.0-or-later
#include "music/PhraseListener.h"

#include <algorithm>
#include <cmath>

namespace nf {

PhraseListener::PhraseListener(const JamClock& clock, double silenceSeconds)
    : clock_(clock), silence_(std::max(0.0, silenceSeconds)) {}

void PhraseListener::noteOn(int pitch, int velocity, double seconds) {
    if (pitch < 0 || pitch > 127) return;
    if (velocity <= 0) return noteOff(pitch, seconds);
    if (held_[static_cast<std::size_t>(pitch)] != 0) noteOff(pitch, seconds);
    notes_.push_back({pitch, std::min(velocity, 127), seconds, seconds});
    held_[static_cast<std::size_t>(pitch)] = static_cast<int>(notes_.size());
    ++heldCount_;
}

void PhraseListener::noteOff(int pitch, double seconds) {
    if (pitch < 0 || pitch > 127) return;
    int& slot = held_[static_cast<std::size_t>(pitch)];
    if (slot == 0) return;  // a key pressed before the session started, or in an earlier phrase
    PlayedNote& n = notes_[static_cast<std::size_t>(slot - 1)];
    n.end = std::max(n.start, seconds);
    slot = 0;
    --heldCount_;
    lastRelease_ = std::max(lastRelease_, n.end);
}

std::optional<Phrase> PhraseListener::poll(double now) {
    if (notes_.empty() || heldCount_ > 0 || now < lastRelease_ + silence_) return std::nullopt;
    Phrase phrase;
    phrase.notes = std::move(notes_);
    phrase.endedAt = lastRelease_ + silence_;
    notes_.clear();
    return phrase;
}

std::vector<PlayedNote> PhraseListener::pending(double now) const {
    std::vector<PlayedNote> out = notes_;
    for (int pitch = 0; pitch < 128; ++pitch)
        if (const int slot = held_[static_cast<std::size_t>(pitch)]; slot != 0)
            out[static_cast<std::size_t>(slot - 1)].end = std::max(out[static_cast<std::size_t>(slot - 1)].start, now);
    return out;
}

PhraseScore quantizePhrase(const std::vector<PlayedNote>& notes, const JamClock& clock, int ppq, int stepsPerQuarter,
                           int program) {
    PhraseScore out;
    out.score = Score(ppq);
    out.score.setTempoChanges({{0, static_cast<int>(std::lround(60'000'000.0 / clock.bpm))}});
    out.score.timeSignatures = {{0, clock.numerator, clock.denominator}};
    Track track;
    track.name = "Call";
    track.program = program;
    out.score.tracks.push_back(track);
    if (notes.empty()) return out;

    const double stepSeconds = 60.0 / clock.bpm / stepsPerQuarter;
    const Tick stepTicks = std::max(1, ppq / stepsPerQuarter);
    const Tick barTicks = clock.barTicks(ppq);
    std::vector<Note> placed;
    for (const PlayedNote& p : notes) {
        const auto startStep = static_cast<Tick>(std::llround(p.start / stepSeconds));
        const auto endStep = std::max(startStep + 1, static_cast<Tick>(std::llround(p.end / stepSeconds)));
        placed.push_back({0, p.pitch, p.velocity, startStep * stepTicks, (endStep - startStep) * stepTicks});
    }
    Tick first = placed.front().start, last = placed.front().start;
    for (const Note& n : placed) {
        first = std::min(first, n.start);
        last = std::max(last, n.start);
    }
    // Floor division: a note played just before the click's first downbeat belongs to bar -1.
    const auto floorBar = [barTicks](Tick t) { return static_cast<int>(t >= 0 ? t / barTicks : -((-t + barTicks - 1) / barTicks)); };
    out.firstBar = floorBar(first);
    out.bars = floorBar(last) - out.firstBar + 1;
    const Tick shift = static_cast<Tick>(out.firstBar) * barTicks;
    for (Note n : placed) {
        n.start -= shift;
        out.score.addNote(0, n);
    }
    out.score.normalize();
    return out;
}

}  // namespace nf
