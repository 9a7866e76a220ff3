// SPDX-License-Identifier: GPL-3.0-or-later
#include "music/Score.h"

#include <algorithm>
#include <cmath>

namespace nf {

Score::Score(int ppq) : tempoMap_(ppq) {}

static Tick rescaleTick(Tick t, int from, int to) {
    return static_cast<Tick>(std::llround(static_cast<double>(t) * to / from));
}

void Score::rescale(int newPpq) {
    const int old = ppq();
    if (newPpq == old) return;
    auto conv = [&](Tick t) { return rescaleTick(t, old, newPpq); };
    for (auto& tr : tracks) {
        for (auto& n : tr.notes) {
            const Tick end = conv(n.end());
            n.start = conv(n.start);
            n.duration = end - n.start;
        }
        for (auto& c : tr.controls) c.tick = conv(c.tick);
        for (auto& t : tr.chordSymbols) t.tick = conv(t.tick);
        for (auto& t : tr.lyrics) t.tick = conv(t.tick);
    }
    for (auto& t : timeSignatures) t.tick = conv(t.tick);
    for (auto& k : keySignatures) k.tick = conv(k.tick);
    auto tempos = tempoMap_.changes();
    for (auto& t : tempos) t.tick = conv(t.tick);
    tempoMap_.setPpq(newPpq);
    tempoMap_.setChanges(std::move(tempos));
}

void Score::assignMissingIds() {
    for (const auto& tr : tracks)
        for (const auto& n : tr.notes) nextNoteId_ = std::max(nextNoteId_, n.id + 1);
    for (auto& tr : tracks)
        for (auto& n : tr.notes)
            if (n.id == 0) n.id = nextNoteId_++;
}

NoteId Score::addNote(std::size_t trackIndex, Note note) {
    note.id = newNoteId();
    tracks.at(trackIndex).notes.push_back(note);
    return note.id;
}

void Score::normalize() {
    auto byTick = [](const auto& a, const auto& b) { return a.tick < b.tick; };
    for (auto& tr : tracks) {
        std::stable_sort(tr.notes.begin(), tr.notes.end(), [](const Note& a, const Note& b) {
            if (a.start != b.start) return a.start < b.start;
            if (a.pitch != b.pitch) return a.pitch < b.pitch;
            return a.id < b.id;
        });
        std::stable_sort(tr.controls.begin(), tr.controls.end(), byTick);
        std::stable_sort(tr.chordSymbols.begin(), tr.chordSymbols.end(), byTick);
        std::stable_sort(tr.lyrics.begin(), tr.lyrics.end(), byTick);
    }
    std::stable_sort(timeSignatures.begin(), timeSignatures.end(), byTick);
    std::stable_sort(keySignatures.begin(), keySignatures.end(), byTick);
}

Tick Score::endTick() const {
    Tick end = 0;
    for (const auto& tr : tracks) {
        for (const auto& n : tr.notes) end = std::max(end, n.end());
        for (const auto& c : tr.controls) end = std::max(end, c.tick);
        for (const auto& t : tr.chordSymbols) end = std::max(end, t.tick);
        for (const auto& t : tr.lyrics) end = std::max(end, t.tick);
    }
    return end;
}

std::size_t Score::noteCount() const {
    std::size_t n = 0;
    for (const auto& tr : tracks) n += tr.notes.size();
    return n;
}

template <class T>
static const T* lastAtOrBefore(const std::vector<T>& v, Tick tick) {
    const T* found = nullptr;
    for (const auto& e : v) {
        if (e.tick > tick) break;
        found = &e;
    }
    return found;
}

TimeSignature Score::timeSignatureAt(Tick tick) const {
    const TimeSignature* ts = lastAtOrBefore(timeSignatures, tick);
    return ts ? *ts : TimeSignature{};
}

KeySignature Score::keySignatureAt(Tick tick) const {
    const KeySignature* ks = lastAtOrBefore(keySignatures, tick);
    return ks ? *ks : KeySignature{};
}

Tick Score::ticksPerBar(Tick tick) const {
    const TimeSignature ts = timeSignatureAt(tick);
    const int den = ts.denominator > 0 ? ts.denominator : 4;
    return static_cast<Tick>(ppq()) * 4 * ts.numerator / den;
}

bool Score::operator==(const Score& o) const {
    return ppq() == o.ppq() && title == o.title && tracks == o.tracks && timeSignatures == o.timeSignatures &&
           keySignatures == o.keySignatures && tempoMap_.changes() == o.tempoMap_.changes();
}

}  // namespace nf
