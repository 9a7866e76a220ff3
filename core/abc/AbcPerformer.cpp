// SPDX-License-Identifier: GPL-3.0-or-later
#include "abc/AbcPerformer.h"

#include <algorithm>
#include <cmath>
#include <string>

#include "abc/AbcOrnaments.h"
#include "abc/AbcWrittenTies.h"

namespace nf::abc {

namespace {

constexpr double kEpsilon = 1e-9;
constexpr double kMaxWholeNotes = 1e7;  // beyond this a tune is refused rather than overflow ticks
constexpr int kVelocity = 80;

struct GroupNote {
    int pitch = 0;
    bool tie = false;
    int upper = 0;
    int lower = 0;
};

// A tied note waiting for the note it joins: its pitch, its index among the played notes, and its event when
// it is a single note (whose tie follows the written order, see WrittenTies).
struct OpenTie {
    int pitch = 0;
    std::uint32_t note = 0;
    std::uint32_t from = WrittenTies::kNone;
};

// The note, chord or rest being read: it stays open until the next one starts, because a following '>'
// still changes its length and grace notes before it take their time from it.
struct Group {
    bool active = false;
    bool rest = false;
    bool quaver = false;  // a single note written as exactly 1/8 (for the hornpipe rule)
    double start = 0;
    double length = 0;
    double broken = 1;
    std::uint16_t flags = 0;
    std::uint32_t event = WrittenTies::kNone;  // a single note's event (for ties as written)
    std::vector<GroupNote> notes;
};

class Performer {
public:
    Performer(const ParsedTune& tune, const ParsedVoice& voice, int ppq)
        : tune_(tune), voice_(voice), writtenTies_(voice.events), ppq_(ppq), unit_(tune.unitLength()) {
        if (tune.meter) meter_ = *tune.meter;
        mpq_ = tune.tempo ? tune.tempo->microsPerQuarter(unit_) : 500000;
        out_.program = tune.headerProgram >= 0 ? tune.headerProgram : 0;
        out_.channel = tune.headerChannel;
    }

    VoicePerformance run(const std::vector<std::uint32_t>& order) {
        const auto lastSound = std::find_if(order.rbegin(), order.rend(), [&](std::uint32_t i) {
            const EventKind k = voice_.events[i].kind;
            return k == EventKind::Note || k == EventKind::Rest || k == EventKind::ChordStart || k == EventKind::MultiRest;
        });
        const std::size_t soundsUntil = static_cast<std::size_t>(order.rend() - lastSound);  // 0 when none
        for (std::size_t at = 0; at < order.size(); ++at) {
            const std::uint32_t index = order[at];
            noteFollows_ = at < soundsUntil;
            current_ = index;
            play(voice_.events[index]);
            if (out_.error) return std::move(out_);
        }
        flush();
        settleWrittenTies(WrittenTies::kNone);
        if (!out_.error && !expandOrnaments(notes_, ornaments_, kMaxNotesPerTune))
            fail(0, "tune has more than " + std::to_string(kMaxNotesPerTune) + " notes");
        if (out_.error) return std::move(out_);
        out_.notes.reserve(notes_.size());
        for (const PlayedNote& n : notes_) {
            const Tick s = tick(n.start);
            out_.notes.push_back(Note{0, n.pitch, kVelocity, s, std::max<Tick>(1, tick(n.end) - s)});
        }
        return std::move(out_);
    }

private:
    Tick tick(double wholeNotes) const { return static_cast<Tick>(std::llround(wholeNotes * 4.0 * ppq_)); }
    void fail(int line, std::string m) {
        if (!out_.error) out_.error = Diagnostic{line, std::move(m)};
    }
    void warn(int line, std::string m) {
        if (out_.warnings.size() < kMaxWarningsPerTune) out_.warnings.push_back({line, std::move(m)});
    }
    bool compound() const { return !meter_.free && meter_.numerator % 3 == 0 && meter_.numerator > 3; }
    static double length(const Event& e) { return static_cast<double>(e.a) / e.b; }

    // Length factor of the next note from an open tuplet, consuming one of its notes.
    double tupletFactor(bool consume) {
        if (tupletLeft_ <= 0) return 1.0;
        if (consume) --tupletLeft_;
        return tupletRatio_;
    }

    void startGroup(bool rest, double len, std::uint16_t flags) {
        flush();
        group_.active = true;
        group_.rest = rest;
        group_.quaver = false;
        group_.start = time_;
        group_.length = len;
        group_.broken = nextBroken_;
        nextBroken_ = 1;
        group_.flags = flags;
        group_.event = WrittenTies::kNone;
        group_.notes.clear();
        for (std::string_view text : pendingChords_) out_.chordSymbols.push_back({tick(time_), std::string(text)});
        pendingChords_.clear();
    }

    // Places the open group: grace notes first, then its notes (joined to tied ones), then moves time on.
    void flush() {
        if (!group_.active) return;
        group_.active = false;
        const double start = group_.start;
        const double len = group_.length * group_.broken * ((group_.flags & flag::Fermata) ? 2 : 1);
        double noteStart = start;
        if (!graces_.empty()) {
            double total = 0;
            for (const PlayedNote& g : graces_)
                if (g.start >= 0) total += g.end;
            if (group_.rest || total < len - kEpsilon) {  // abc2midi drops grace notes that do not fit
                double chordStart = noteStart;
                for (const PlayedNote& g : graces_) {
                    if (g.start < 0) {
                        notes_.push_back({chordStart, chordStart + g.end, g.pitch});
                        continue;
                    }
                    chordStart = noteStart;
                    notes_.push_back({noteStart, noteStart + g.end, g.pitch});
                    noteStart += g.end;
                }
                if (group_.rest) noteStart = start;
            }
            graces_.clear();
        }
        time_ = start + len;
        if (time_ > kMaxWholeNotes) fail(line_, "tune is too long");
        const bool joined = settleWrittenTies(group_.rest ? WrittenTies::kNone : group_.event);
        // The second note of a written tie, reached from elsewhere than its first: abc2midi made it a rest.
        const bool silent = !joined && group_.event != WrittenTies::kNone && writtenTies_.isPartner(group_.event);
        if (group_.rest || silent) {
            openTies_.clear();
            return;
        }
        double end = start + len;
        if (group_.flags & flag::Staccato) {  // abc2midi sounds half the written length
            end = start + len / 2;
            if (end <= noteStart + kEpsilon) end = (noteStart + start + len) / 2;
        }
        std::vector<OpenTie> ties;
        for (const GroupNote& gn : group_.notes) {
            std::uint32_t index = 0;
            auto open = std::find_if(openTies_.begin(), openTies_.end(), [&](const OpenTie& t) {
                return t.pitch == gn.pitch && std::abs(notes_[t.note].end - noteStart) < kEpsilon;
            });
            if (open != openTies_.end()) {
                index = open->note;
                notes_[index].end = end;
            } else {
                index = static_cast<std::uint32_t>(notes_.size());
                notes_.push_back({noteStart, end, gn.pitch});
                requestOrnament(index, gn);
            }
            if (gn.tie) ties.push_back({gn.pitch, index, group_.notes.size() == 1 ? group_.event : WrittenTies::kNone});
        }
        openTies_ = std::move(ties);
        if (notes_.size() > kMaxNotesPerTune) fail(line_, "tune has more than " + std::to_string(kMaxNotesPerTune) + " notes");
    }

    // Ties from single notes join only the note written after them (abc2midi): when the next note played is
    // another (a repeat went elsewhere), the tied note is held for its written partner's length instead.
    // Returns whether an open tie joins `next`, the event of the single note about to be placed.
    bool settleWrittenTies(std::uint32_t next) {
        bool joins = false;
        for (auto it = openTies_.begin(); it != openTies_.end();) {
            const std::uint32_t partner =
                it->from == WrittenTies::kNone ? WrittenTies::kNone : writtenTies_.partnerOf(it->from);
            if (it->from == WrittenTies::kNone || partner == WrittenTies::kChord) {
                ++it;
                continue;
            }
            if (partner != WrittenTies::kNone && partner == next) {
                joins = true;
                ++it;
                continue;
            }
            if (partner != WrittenTies::kNone) notes_[it->note].end += length(voice_.events[partner]);
            it = openTies_.erase(it);
        }
        return joins;
    }

    void requestOrnament(std::uint32_t index, const GroupNote& gn) {
        const std::uint16_t orn = group_.flags & flag::Ornaments;
        if (!orn || group_.notes.size() != 1) return;  // abc2midi's ornaments on chords are not reproduced
        const std::uint16_t kind = (orn & flag::Trill) ? flag::Trill : (orn & flag::Turn) ? flag::Turn : flag::Roll;
        ornaments_.push_back({index, kind, gn.upper, gn.lower, unit_, (group_.flags & flag::ThreeUnits) != 0,
                              trillSegment(mpq_)});
    }

    void addNote(const Event& e) {
        if (e.step < 0) return warn(e.line, "note outside the MIDI range skipped");
        group_.notes.push_back({e.step, (e.flags & flag::Tie) != 0, e.step + e.upper, e.step - e.lower});
    }

    void note(const Event& e) {
        if (inGrace_) {
            // abc2midi gives each grace note a quarter of its written length, taken from the next note.
            // A grace chord's later notes are marked with a negative start: placed with its first note, and as
            // long (abc2midi).
            double len = length(e) / 4 * tupletFactor(false), start = 0;
            if ((e.flags & flag::WithPrevious) && !graces_.empty()) {
                start = -1;
                len = graces_.back().end;
            }
            if (e.step >= 0) graces_.push_back({start, len, e.step});
        } else if (inChord_) {
            if (chordFirst_) group_.length = length(e);  // the first note sets the chord's length
            chordFirst_ = false;
            group_.flags |= e.flags & (flag::Staccato | flag::Fermata);
            addNote(e);
        } else {
            const bool quaver = tupletLeft_ <= 0 && e.a == 1 && e.b == 8;
            if (quaver && swingsWithPrevious()) {
                group_.broken = 4.0 / 3;
                nextBroken_ = 2.0 / 3;
            }
            startGroup(false, length(e) * tupletFactor(true), e.flags);
            group_.event = current_;
            group_.quaver = quaver;
            addNote(e);
        }
    }

    void play(const Event& e) {
        line_ = e.line;
        switch (e.kind) {
            case EventKind::Note: note(e); break;
            case EventKind::Rest: startGroup(true, length(e) * tupletFactor(true), 0); break;
            case EventKind::MultiRest:
                flush();
                graces_.clear();
                time_ += length(e);
                if (time_ > kMaxWholeNotes) fail(line_, "tune is too long");
                break;
            case EventKind::ChordStart:
                startGroup(false, 0, e.flags);
                inChord_ = true;
                chordFirst_ = true;
                break;
            case EventKind::ChordEnd:
                if (!inChord_) break;
                inChord_ = false;
                if (chordFirst_) group_.length = unit_;  // "[]": an empty chord lasts one unit
                group_.length *= length(e) * tupletFactor(true) * group_.broken;
                group_.broken = 1;
                if (e.flags & flag::Tie)
                    for (auto& n : group_.notes) n.tie = true;
                break;
            case EventKind::GraceStart:
                // Grace notes lead into the next note: the one before them is complete.
                if (!inChord_) flush();
                inGrace_ = true;
                break;
            case EventKind::GraceEnd: inGrace_ = false; break;
            case EventKind::Tuplet: startTuplet(e); break;
            case EventKind::Broken: broken(e.a); break;
            case EventKind::Bar:
                flush();
                graces_.clear();
                if (overlayReturn_ >= 0) time_ = std::max(time_, overlayReturn_);
                overlayReturn_ = -1;
                barStart_ = time_;
                if (out_.bars.empty() || out_.bars.back() != tick(time_)) out_.bars.push_back(tick(time_));
                break;
            case EventKind::Overlay:
                flush();
                overlayReturn_ = std::max(overlayReturn_, time_);
                time_ = barStart_;
                openTies_.clear();
                break;
            default: field(e); break;
        }
    }

    void field(const Event& e) {
        switch (e.kind) {
            case EventKind::Key: {
                flush();
                const AbcKey& k = tune_.keys[static_cast<std::size_t>(e.a)];
                out_.keys.push_back({tick(time_), k.sharps, k.minor});
                break;
            }
            case EventKind::Meter:
                flush();
                meter_ = AbcMeter{e.a, e.b, (e.flags & flag::FreeMeter) != 0};
                if (!meter_.free) addMeter();
                break;
            case EventKind::UnitLength: unit_ = static_cast<double>(e.a) / e.b; break;
            case EventKind::Tempo:
                flush();
                mpq_ = e.b;
                out_.tempos.push_back({tick(time_), mpq_});
                break;
            case EventKind::Program:
                if (notes_.empty()) out_.program = e.a;
                else out_.controls.push_back({tick(time_), ControlEvent::Kind::ProgramChange, 0, e.a});
                break;
            case EventKind::Channel:
                if (notes_.empty()) out_.channel = e.a;  // a track keeps the channel of its first note
                break;
            case EventKind::GuitarChord:
                if (pendingChords_.size() < 8) pendingChords_.push_back(tune_.texts[static_cast<std::size_t>(e.a)]);
                break;
            default: break;
        }
    }

    void addMeter() {
        const int d = meter_.denominator;
        if ((d & (d - 1)) != 0 || d > 64 || meter_.numerator > 255) {
            warn(line_, "meter " + std::to_string(meter_.numerator) + "/" + std::to_string(d) +
                            " cannot be written as a MIDI time signature");
            return;
        }
        out_.meters.push_back({tick(time_), meter_.numerator, d});
    }

    void startTuplet(const Event& e) {
        const int p = e.a;
        int q = e.b;
        if (q == 0) {
            switch (p) {
                case 2: case 4: case 8: q = 3; break;
                case 3: case 6: q = 2; break;
                case 5: case 7: case 9: q = compound() ? 3 : 2; break;
                default: q = p == 1 ? 1 : 2; break;
            }
        }
        tupletRatio_ = static_cast<double>(q) / p;
        tupletLeft_ = e.step > 0 ? e.step : p;
    }

    // abc2midi plays R:hornpipe tunes in 4/4 swung: two quavers in a row, the first on a crotchet beat of
    // the bar, as if written A>B with a 2:1 ratio. Rests, chords, ties, tuplets and bar lines break a pair.
    bool swingsWithPrevious() const {
        if (!tune_.hornpipe || meter_.free || meter_.numerator != 4 || meter_.denominator != 4) return false;
        if (!group_.active || group_.rest || !group_.quaver || group_.notes.size() != 1 || group_.notes[0].tie)
            return false;
        if (group_.broken != 1 || nextBroken_ != 1) return false;
        const double beats = (group_.start - barStart_) / 0.25;
        return std::abs(beats - std::round(beats)) < 1e-6;
    }

    // A>B: the first note gets 3/2 and the second 1/2 (>> 7/4 and 1/4, ...); '<' the other way round.
    void broken(int amount) {
        // The tune's last "A>" has no pair: abc2midi plays A as written.
        if (!group_.active || inChord_ || inGrace_ || !noteFollows_) return;
        const double shortPart = std::ldexp(1.0, -std::abs(amount));
        const double longPart = 2 - shortPart;
        group_.broken *= amount > 0 ? longPart : shortPart;
        nextBroken_ = amount > 0 ? shortPart : longPart;
    }

    const ParsedTune& tune_;
    const ParsedVoice& voice_;
    WrittenTies writtenTies_;
    int ppq_;
    AbcMeter meter_;
    double unit_;
    int mpq_;
    int line_ = 0;
    double time_ = 0;
    double barStart_ = 0;
    double overlayReturn_ = -1;
    double tupletRatio_ = 1;
    int tupletLeft_ = 0;
    double nextBroken_ = 1;
    bool noteFollows_ = true;  // whether a note, rest or chord is still to come in play order
    bool inGrace_ = false;
    bool inChord_ = false;
    bool chordFirst_ = false;
    Group group_;
    std::vector<PlayedNote> graces_;  // start: 0, or -1 with the one before (a grace chord); end = length
    std::vector<std::string_view> pendingChords_;
    std::vector<OpenTie> openTies_;
    std::uint32_t current_ = WrittenTies::kNone;  // the event being played
    std::vector<PlayedNote> notes_;
    std::vector<OrnamentRequest> ornaments_;
    VoicePerformance out_;
};

}  // namespace

VoicePerformance performVoice(const ParsedTune& tune, const ParsedVoice& voice,
                              const std::vector<std::uint32_t>& order, int ppq) {
    return Performer(tune, voice, ppq).run(order);
}

}  // namespace nf::abc
