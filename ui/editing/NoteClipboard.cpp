// SPDX-License-Identifier: GPL-3.0-or-later
#include "editing/NoteClipboard.h"

#include <algorithm>
#include <cmath>
#include <sstream>

namespace nf::NoteClipboard {

namespace {
constexpr const char* kHeader = "noteforge-notes 1 ppq";
}

std::string serialize(const std::vector<Note>& notes, int ppq) {
    std::ostringstream out;
    out << kHeader << ' ' << ppq << '\n';
    if (notes.empty()) return out.str();
    Tick first = notes.front().start;
    for (const Note& n : notes) first = std::min(first, n.start);
    for (const Note& n : notes)
        out << n.pitch << ' ' << n.velocity << ' ' << (n.start - first) << ' ' << n.duration << '\n';
    return out.str();
}

std::vector<Note> parse(const std::string& text, int ppq) {
    std::istringstream in(text);
    std::string w1, w2, w3;
    int fromPpq = 0;
    if (!(in >> w1 >> w2 >> w3 >> fromPpq) || w1 + ' ' + w2 + ' ' + w3 != kHeader || fromPpq <= 0) return {};
    auto conv = [&](Tick t) { return static_cast<Tick>(std::llround(static_cast<double>(t) * ppq / fromPpq)); };
    std::vector<Note> notes;
    Note n;
    while (in >> n.pitch >> n.velocity >> n.start >> n.duration) {
        if (n.pitch < 0 || n.pitch > 127 || n.velocity < 1 || n.velocity > 127 || n.start < 0 || n.duration < 0)
            return {};
        const Tick end = conv(n.start + n.duration);
        n.start = conv(n.start);
        n.duration = std::max<Tick>(1, end - n.start);
        n.id = 0;
        notes.push_back(n);
        if (notes.size() > 1'000'000) return {};  // a hostile clipboard must not exhaust memory
    }
    if (!in.eof()) return {};
    return notes;
}

}  // namespace nf::NoteClipboard
