// SPDX-License-Identifier: GPL-3.0-or-later
#include "abc/AbcRepeats.h"

#include <array>

#include "abc/AbcBarSigns.h"
#include "abc/AbcText.h"

namespace nf::abc {

namespace {

// Recursive descent over "(AB)2C": a group or a label, each optionally followed by a repeat count.
void expandParts(std::string_view s, std::size_t& pos, int depth, std::string& out) {
    while (pos < s.size() && out.size() < kMaxPartsPlayed) {
        const char c = s[pos];
        if (c == ')') {
            if (depth > 0) return;
            ++pos;
            continue;
        }
        std::string unit;
        if (c == '(') {
            ++pos;
            if (depth < 8) expandParts(s, pos, depth + 1, unit);
            if (pos < s.size() && s[pos] == ')') ++pos;
        } else if ((c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z')) {
            unit = std::string(1, c);
            ++pos;
        } else {
            ++pos;  // '.', spaces and anything else separate labels
            continue;
        }
        int count = 1;
        if (pos < s.size() && isDigit(s[pos])) {
            Scanner sc(s.substr(pos));
            count = sc.number(static_cast<int>(kMaxPartsPlayed));
            pos += sc.pos();
        }
        for (int i = 0; i < count && out.size() < kMaxPartsPlayed; ++i)
            out.append(unit.substr(0, kMaxPartsPlayed - out.size()));
    }
}

// One step of a voice as abc2midi's player walks it: music, a bar sign, or the start of a variant ending.
struct Step {
    enum class Kind : std::uint8_t { Music, Sign, Ending } kind = Kind::Music;
    BarSign sign = BarSign::None;  // Sign steps
    std::uint32_t event = kNoEvent;  // the event behind the step; kNoEvent for signs abc2midi adds itself
    std::uint32_t passes = 0;        // Ending steps: bit p set when it is played on pass p

    static constexpr std::uint32_t kNoEvent = UINT32_MAX;
};

// Plays one stretch of a voice (the whole voice, or one part) the way abc2midi 4.84 does, so that repeats and
// endings written in unusual ways play as they do there: it starts the music with a double bar, puts a |: after
// it when the first repeat sign is an end, and, for a tune of one voice without parts, patches a :| that has
// no |: before it (the repeat starts at the last double bar or :| before it, but only until the first variant
// ending of the tune: after that abc2midi leaves such a :| to its pass counter, which then goes back to the
// last |: and skips endings not numbered for the pass). Ending and Part events are left out of the result.
class Expander {
public:
    Expander(const std::vector<Event>& ev, std::vector<std::uint32_t>& out, bool patchMissingStarts)
        : ev_(ev), out_(out), patchMissingStarts_(patchMissingStarts) {}

    bool segment(std::size_t begin, std::size_t end) {
        steps_.clear();
        steps_.push_back({Step::Kind::Sign, BarSign::Double});
        for (std::size_t i = begin; i < end; ++i) {
            const Event& e = ev_[i];
            const auto index = static_cast<std::uint32_t>(i);
            if (e.kind == EventKind::Part) continue;
            if (e.kind == EventKind::Ending) {
                steps_.push_back({Step::Kind::Ending, BarSign::None, index, static_cast<std::uint32_t>(e.a)});
            } else if (e.kind == EventKind::Bar) {
                for (int k = 0; barSign(e.a, k) != BarSign::None; ++k)
                    steps_.push_back({Step::Kind::Sign, barSign(e.a, k), index});
                if (barSign(e.a, 0) == BarSign::None) steps_.push_back({Step::Kind::Sign, BarSign::Single, index});
            } else {
                steps_.push_back({Step::Kind::Music, BarSign::None, index});
            }
        }
        addStartBeforeFirstEnd();
        if (patchMissingStarts_) patchMissingStarts();
        return play();
    }

private:
    void addStartBeforeFirstEnd() {
        for (const Step& s : steps_) {
            if (s.kind != Step::Kind::Sign) continue;
            if (s.sign == BarSign::Start) return;
            if (s.sign == BarSign::End || s.sign == BarSign::EndAndStart) {
                steps_.insert(steps_.begin() + 1, Step{Step::Kind::Sign, BarSign::Start});
                return;
            }
        }
    }

    void makeStart(std::size_t at) {
        BarSign& s = steps_[at].sign;
        if (s == BarSign::Double || s == BarSign::Single) s = BarSign::Start;
        else if (s == BarSign::End) s = BarSign::EndAndStart;
    }

    void patchMissingStarts() {
        std::size_t restart = 0;
        bool expectEnd = false;
        int endings = 0;
        for (std::size_t j = 0; j < steps_.size(); ++j) {
            Step& s = steps_[j];
            if (s.kind == Step::Kind::Ending) {
                if (endings++ == 0 && !expectEnd) makeStart(restart);
                continue;
            }
            if (s.kind != Step::Kind::Sign) continue;
            switch (s.sign) {
                case BarSign::Double: restart = j; break;
                case BarSign::Start:
                    if (expectEnd) s.sign = BarSign::EndAndStart;  // |: ... |: : the second one ends the first
                    expectEnd = true;
                    break;
                case BarSign::End:
                    if (!expectEnd && endings == 0) makeStart(restart);
                    expectEnd = false;
                    restart = j;
                    break;
                case BarSign::EndAndStart:
                    if (!expectEnd) makeStart(restart);
                    expectEnd = true;
                    break;
                default: break;
            }
        }
    }

    void emit(const Step& s) {
        if (s.event == Step::kNoEvent) return;
        if (s.kind == Step::Kind::Sign && !out_.empty() && out_.back() == s.event) return;  // ":|:" is one bar
        out_.push_back(s.event);
    }

    // Where abc2midi stops skipping an ending that is not played on this pass (it does not act on that sign).
    static bool endsSkippedEnding(const Step& s) {
        if (s.kind == Step::Kind::Ending) return true;
        return s.kind == Step::Kind::Sign &&
               (s.sign == BarSign::End || s.sign == BarSign::Start || s.sign == BarSign::Double);
    }

    bool play() {
        int pass = 1, lastPass = 2;
        std::size_t back = 0;  // where a repeat goes back to
        bool expectEnd = false;
        for (std::size_t j = 0; j < steps_.size(); ++j) {
            if (out_.size() >= kMaxPlayedEvents) return false;
            const Step& s = steps_[j];
            if (s.kind == Step::Kind::Music) {
                emit(s);
                continue;
            }
            if (s.kind == Step::Kind::Ending) {
                if (pass < 32 && (s.passes & (1u << pass))) {
                    if (lastPass < 4) lastPass = pass + 1;
                    continue;
                }
                ++j;
                while (j < steps_.size() && !endsSkippedEnding(steps_[j])) ++j;
                if (j < steps_.size()) emit(steps_[j]);  // its time is the bar before the ending's
                continue;
            }
            emit(s);
            switch (s.sign) {
                case BarSign::Start:
                    back = j;
                    expectEnd = true;
                    pass = 1;
                    lastPass = 2;
                    break;
                case BarSign::End:
                    if (pass == 1 ? expectEnd : pass < lastPass) {
                        ++pass;
                        expectEnd = false;
                        j = back;
                    }
                    break;
                case BarSign::EndAndStart:
                    if (pass > 1 || !expectEnd) {
                        if (pass > 1) lastPass = 2;
                        back = j;
                        expectEnd = true;
                        pass = 1;
                    } else {
                        ++pass;
                        j = back;
                    }
                    break;
                default: break;
            }
        }
        return true;
    }

    const std::vector<Event>& ev_;
    std::vector<std::uint32_t>& out_;
    bool patchMissingStarts_;
    std::vector<Step> steps_;
};

}  // namespace

std::string expandPartOrder(std::string_view partOrder) {
    std::string out;
    std::size_t pos = 0;
    expandParts(partOrder, pos, 0, out);
    return out;
}

bool playOrder(const std::vector<Event>& events, std::string_view partOrder, bool oneVoice,
               std::vector<std::uint32_t>& out, std::string& error) {
    out.clear();
    Expander x(events, out, oneVoice && partOrder.empty());
    // Where each labelled part starts (its P: event) and ends (the next P: or the end).
    std::array<std::size_t, 128> partBegin;
    partBegin.fill(SIZE_MAX);
    std::size_t firstPart = SIZE_MAX;
    for (std::size_t i = 0; i < events.size(); ++i) {
        if (events[i].kind != EventKind::Part) continue;
        if (firstPart == SIZE_MAX) firstPart = i;
        const auto label = static_cast<std::size_t>(events[i].a & 127);
        if (partBegin[label] == SIZE_MAX) partBegin[label] = i;
    }
    const std::string order = expandPartOrder(partOrder);
    bool ok = true;
    if (order.empty() || firstPart == SIZE_MAX) {
        ok = x.segment(0, events.size());
    } else {
        ok = x.segment(0, firstPart);  // an introduction before the first part is played once
        for (char label : order) {
            const std::size_t b = partBegin[static_cast<std::size_t>(label & 127)];
            if (b == SIZE_MAX || !ok) continue;
            std::size_t e = b + 1;
            while (e < events.size() && events[e].kind != EventKind::Part) ++e;
            ok = x.segment(b + 1, e);
        }
    }
    if (!ok) error = "repeats expand to more than " + std::to_string(kMaxPlayedEvents) + " events";
    return ok;
}

}  // namespace nf::abc
