// SPDX-License-Identifier: GPL-3.0-or-later
#include "abc/AbcWriter.h"

#include <algorithm>
#include <cmath>
#include <numeric>

#include "abc/AbcFields.h"
#include "abc/AbcSpelling.h"
#include "music/MusicError.h"

namespace nf {

namespace {

using abc::PitchSpeller;

constexpr int kBarsPerLine = 4;

std::vector<Note> soundingNotes(const Track& track) {
    std::vector<Note> notes;
    for (const Note& n : track.notes)
        if (n.duration > 0) notes.push_back(n);  // a zero-length note has no length to write
    std::stable_sort(notes.begin(), notes.end(), [](const Note& a, const Note& b) { return a.start < b.start; });
    return notes;
}

// Real melodies overlap their neighbours by a tick or two (legato, rounded triplets); that much still
// counts as one line.
Tick overlapTolerance(int ppq) { return std::max<Tick>(1, ppq / 32); }

bool monophonic(const std::vector<Note>& sorted, int ppq) {
    Tick end = 0;
    for (std::size_t i = 0; i < sorted.size(); ++i) {
        const Note& n = sorted[i];
        if (n.start < end - overlapTolerance(ppq)) return false;
        if (i > 0 && n.start == sorted[i - 1].start) return false;
        end = std::max(end, n.end());
    }
    return true;
}

// Ends a note where the next one starts, since one ABC voice cannot sound two notes at once.
void trimOverlaps(std::vector<Note>& sorted) {
    for (std::size_t i = 0; i + 1 < sorted.size(); ++i)
        if (sorted[i].end() > sorted[i + 1].start) sorted[i].duration = sorted[i + 1].start - sorted[i].start;
}

// The tune's meter: the first one, or for a pickup written as a short meter of its own (1/8, then 6/8 at the
// first bar line, as NoteForge's reader and notation programs write it) the meter after it. ABC writes the pickup
// as a short first bar under the tune's M:.
bool startsWithPickupMeter(const Score& score) {
    const auto& m = score.timeSignatures;
    if (m.size() < 2 || m[0].tick != 0) return false;
    const auto length = [&](const TimeSignature& ts) {
        return static_cast<Tick>(score.ppq()) * 4 * ts.numerator / std::max(1, ts.denominator);
    };
    return m[1].tick == length(m[0]) && length(m[0]) < length(m[1]);
}

TimeSignature tuneMeter(const Score& score) {
    return startsWithPickupMeter(score) ? score.timeSignatures[1] : score.timeSignatureAt(0);
}

// Bar lines from the meter map: a bar ends at its length or at the next meter change, whichever is first.
struct Bar {
    Tick start;
    Tick end;
    std::optional<TimeSignature> meterChange;  // written before the bar (not for the first)
};

std::vector<Bar> bars(const Score& score, Tick end) {
    std::vector<TimeSignature> meters = score.timeSignatures;
    if (meters.empty() || meters.front().tick > 0) meters.insert(meters.begin(), TimeSignature{});
    std::vector<Bar> out;
    std::size_t m = 0;
    Tick t = 0;
    while (t < end || out.empty()) {
        std::optional<TimeSignature> change;
        while (m + 1 < meters.size() && meters[m + 1].tick <= t) {
            ++m;
            change = meters[m];
        }
        const TimeSignature& ts = meters[m];
        const Tick length = std::max<Tick>(1, static_cast<Tick>(score.ppq()) * 4 * ts.numerator / std::max(1, ts.denominator));
        Tick barEnd = t + length;
        if (m + 1 < meters.size()) barEnd = std::min(barEnd, std::max(meters[m + 1].tick, t + 1));
        const bool afterPickup = out.size() == 1 && startsWithPickupMeter(score);
        out.push_back({t, barEnd, t > 0 && !afterPickup ? change : std::nullopt});
        t = barEnd;
    }
    return out;
}

class Writer {
public:
    Writer(const Score& score, std::vector<Note> notes, const KeySignature& key)
        : score_(score), notes_(std::move(notes)), speller_(key), key_(key) {
        const TimeSignature ts = tuneMeter(score);
        const abc::AbcMeter meter{ts.numerator, ts.denominator, false};
        const abc::AbcFraction l = abc::defaultUnitLength(&meter);
        unit_ = static_cast<Tick>(score.ppq()) * 4 * l.num / l.den;
        unitDen_ = l.den;
    }

    std::string body() {
        const Tick end = notes_.empty() ? 0 : notes_.back().end();
        std::size_t next = 0;  // first note not yet fully written
        std::size_t keyIndex = 0;
        int barsOnLine = 0;
        const auto allBars = bars(score_, end);
        for (std::size_t b = 0; b < allBars.size(); ++b) {
            const Bar& bar = allBars[b];
            if (bar.meterChange) out_ += "[M:" + std::to_string(bar.meterChange->numerator) + "/" + std::to_string(bar.meterChange->denominator) + "] ";
            speller_.newBar();
            Tick pos = bar.start;
            const Tick beat = beatTicks(score_.timeSignatureAt(bar.start));
            while (pos < bar.end) {
                if (pos > bar.start && (pos - bar.start) % beat == 0) out_.push_back(' ');  // beams break at beats
                keyChanges(pos, keyIndex);
                if (next >= notes_.size() || notes_[next].start >= bar.end) {
                    rest(bar.end - pos);
                    pos = bar.end;
                } else if (notes_[next].start > pos) {
                    rest(notes_[next].start - pos);
                    pos = notes_[next].start;
                } else {
                    const Note& n = notes_[next];
                    const Tick segmentEnd = std::min(n.end(), bar.end);
                    out_ += speller_.spell(n.pitch) + length(segmentEnd - pos);
                    if (segmentEnd < n.end()) out_ += '-';  // continues over the bar line
                    pos = segmentEnd;
                    if (segmentEnd == n.end()) ++next;
                }
            }
            const bool last = b + 1 == allBars.size();
            out_ += last ? "|]\n" : "|";
            if (!last && ++barsOnLine == kBarsPerLine) {
                out_ += '\n';
                barsOnLine = 0;
            }
        }
        return std::move(out_);
    }

    std::string unitLength() const { return "1/" + std::to_string(unitDen_); }

private:
    // A beat: a dotted crotchet in compound meters (6/8, 9/8, 12/8), else one note of the denominator.
    Tick beatTicks(const TimeSignature& ts) const {
        const Tick whole = static_cast<Tick>(score_.ppq()) * 4;
        const bool compound = ts.denominator == 8 && ts.numerator % 3 == 0 && ts.numerator > 3;
        return std::max<Tick>(1, compound ? whole * 3 / 8 : whole / std::max(1, ts.denominator));
    }

    // ABC length of `ticks` as a multiple of the unit length: "", "2", "/", "3/2", "5/16".
    std::string length(Tick ticks) const {
        const Tick g = std::gcd(ticks, unit_);
        const Tick num = ticks / g;
        const Tick den = unit_ / g;
        std::string s;
        if (num != 1) s = std::to_string(num);
        if (den != 1) s.push_back('/');
        if (den > 2) s.append(std::to_string(den));
        return s;
    }

    void rest(Tick ticks) {
        if (ticks <= 0) return;
        out_.push_back('z');
        out_.append(length(ticks));
    }

    // Key changes in the score take effect at the first note or rest written at or after them.
    void keyChanges(Tick pos, std::size_t& index) {
        const auto& keys = score_.keySignatures;
        while (index < keys.size() && keys[index].tick <= pos) {
            if (keys[index].tick > 0 && (keys[index].sharps != key_.sharps || keys[index].minor != key_.minor)) {
                key_ = keys[index];
                out_ += "[K:" + abc::keyName(key_) + "] ";
                speller_.setKey(key_);
            }
            ++index;
        }
    }

    const Score& score_;
    std::vector<Note> notes_;
    PitchSpeller speller_;
    KeySignature key_;
    Tick unit_ = 240;
    int unitDen_ = 8;
    std::string out_;
};

}  // namespace

int firstMonophonicTrack(const Score& score) {
    for (std::size_t i = 0; i < score.tracks.size(); ++i) {
        const Track& t = score.tracks[i];
        if (t.isDrum || t.channel == 9) continue;
        const std::vector<Note> notes = soundingNotes(t);
        if (!notes.empty() && monophonic(notes, score.ppq())) return static_cast<int>(i);
    }
    return -1;
}

std::string writeAbc(const Score& score, std::size_t trackIndex, const AbcWriteOptions& options) {
    if (trackIndex >= score.tracks.size())
        throw MusicError(score.title, "track " + std::to_string(trackIndex) + " does not exist");
    const Track& track = score.tracks[trackIndex];
    std::vector<Note> notes = soundingNotes(track);
    if (!monophonic(notes, score.ppq()))
        throw MusicError(score.title, "track " + std::to_string(trackIndex) + " is not monophonic");
    trimOverlaps(notes);

    // The key: the score's own signature at the start, else the one the notes suggest.
    KeySignature key = score.keySignatures.empty() ? abc::guessKey(notes) : score.keySignatureAt(0);
    key.tick = 0;
    const TimeSignature ts = tuneMeter(score);
    const double bpm = score.tempoMap().changes().empty() ? 120.0 : score.tempoMap().changes().front().bpm();

    std::string title = options.title.empty() ? score.title : options.title;
    if (title.empty()) title = track.name.empty() ? "Untitled" : track.name;
    std::replace(title.begin(), title.end(), '\n', ' ');
    std::replace(title.begin(), title.end(), '\r', ' ');

    Writer w(score, std::move(notes), key);
    std::string out;
    out += "X:" + std::to_string(options.number) + "\n";
    out += "T:" + title + "\n";
    out += "M:" + std::to_string(ts.numerator) + "/" + std::to_string(ts.denominator) + "\n";
    out += "L:" + w.unitLength() + "\n";
    out += "Q:1/4=" + std::to_string(static_cast<long>(std::lround(bpm))) + "\n";
    out += "K:" + abc::keyName(key) + "\n";
    out += w.body();
    return out;
}

}  // namespace nf
