// SPDX-License-Identifier: GPL-3.0-or-later
#include "abc/AbcRepeats.h"

#include <array>

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

class Expander {
public:
    Expander(const std::vector<Event>& ev, std::vector<std::uint32_t>& out) : ev_(ev), out_(out) {}

    bool segment(std::size_t begin, std::size_t end) {
        std::size_t repStart = begin;
        int pass = 1;
        bool inEnding = false;
        std::size_t i = begin;
        while (i < end) {
            if (out_.size() >= kMaxPlayedEvents) return false;
            const Event& e = ev_[i];
            if (e.kind == EventKind::Ending) {
                const auto mask = static_cast<std::uint32_t>(e.a);
                if (pass < 32 && (mask & (1u << pass))) {
                    inEnding = true;
                    ++i;
                    continue;
                }
                i = skipEnding(i + 1, end, repStart, pass);
                inEnding = false;
                continue;
            }
            if (e.kind == EventKind::Part) {
                ++i;
                continue;
            }
            out_.push_back(static_cast<std::uint32_t>(i));
            if (e.kind != EventKind::Bar) {
                ++i;
                continue;
            }
            if (e.flags & flag::RepeatEnd) {
                // abc2midi goes back on the first pass, and on every pass that ends inside a variant ending.
                if (inEnding || pass == 1) {
                    ++pass;
                    inEnding = false;
                    i = repStart;
                    continue;
                }
                pass = 1;
                repStart = i + 1;
                inEnding = false;
            } else if (e.flags & flag::RepeatStart) {
                repStart = i + 1;
                pass = 1;
                inEnding = false;
            } else if (e.flags & flag::DoubleBar) {
                // A double bar closing the last variant ending ends that repeat: a later :| without |:
                // repeats from here (the next strain), not from the first strain.
                if (inEnding) {
                    repStart = i + 1;
                    pass = 1;
                }
                inEnding = false;
            }
            ++i;
        }
        return true;
    }

private:
    // Skips a variant ending not played on this pass: up to the next ending (evaluated by the caller), past
    // the :| that closes it, or up to a double bar or |: (which the caller reads normally).
    std::size_t skipEnding(std::size_t i, std::size_t end, std::size_t& repStart, int& pass) const {
        for (; i < end; ++i) {
            const Event& e = ev_[i];
            if (e.kind == EventKind::Ending) return i;
            if (e.kind != EventKind::Bar) continue;
            if (e.flags & flag::RepeatEnd) {
                if (e.flags & flag::RepeatStart) {
                    repStart = i + 1;
                    pass = 1;
                }
                return i + 1;
            }
            if (e.flags & (flag::DoubleBar | flag::RepeatStart)) return i;
        }
        return end;
    }

    const std::vector<Event>& ev_;
    std::vector<std::uint32_t>& out_;
};

}  // namespace

std::string expandPartOrder(std::string_view partOrder) {
    std::string out;
    std::size_t pos = 0;
    expandParts(partOrder, pos, 0, out);
    return out;
}

bool playOrder(const std::vector<Event>& events, std::string_view partOrder, std::vector<std::uint32_t>& out,
               std::string& error) {
    out.clear();
    Expander x(events, out);
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
