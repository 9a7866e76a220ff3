// SPDX-License-Identifier: GPL-3.0-or-later
#include "abc/AbcOrnaments.h"

#include <algorithm>
#include <cmath>

#include "abc/AbcEvent.h"

namespace nf::abc {

double trillSegment(int microsPerQuarter) {
    double quarters = 1.0;
    while (quarters > 1.0 / 64 && quarters / 2 * microsPerQuarter >= 62500.0) quarters /= 2;
    return quarters / 4;
}

namespace {

void pushPart(std::vector<PlayedNote>& out, double start, double end, int pitch) {
    if (end > start && pitch >= 0 && pitch <= 127) out.push_back({start, end, pitch});
}

void expandOne(const PlayedNote& n, const OrnamentRequest& r, std::vector<PlayedNote>& out) {
    const double len = n.end - n.start;
    const double grace = r.unitLength / 4;
    if (r.kind == flag::Trill) {
        // Upper and main note alternate, starting with the upper one, in equal parts of about one segment.
        const int parts = std::max(1, static_cast<int>(std::floor(len / r.trillSegment + 1e-6)));
        const int capped = std::min(parts, 4096);
        for (int i = 0; i < capped; ++i)
            pushPart(out, n.start + len * i / capped, n.start + len * (i + 1) / capped, i % 2 == 0 ? r.upper : n.pitch);
    } else if (r.kind == flag::Turn) {
        const int seq[5] = {n.pitch, r.upper, n.pitch, r.lower, n.pitch};
        for (int i = 0; i < 5; ++i) pushPart(out, n.start + len * i / 5, n.start + len * (i + 1) / 5, seq[i]);
    } else if (r.threeUnits && len > 3 * grace) {
        // ~e3: e, {f}e, {d}e in three equal beats.
        const double u = len / 3;
        pushPart(out, n.start, n.start + u, n.pitch);
        pushPart(out, n.start + u, n.start + u + grace, r.upper);
        pushPart(out, n.start + u + grace, n.start + 2 * u, n.pitch);
        pushPart(out, n.start + 2 * u, n.start + 2 * u + grace, r.lower);
        pushPart(out, n.start + 2 * u + grace, n.end, n.pitch);
    } else if (len > grace) {
        pushPart(out, n.start, n.start + grace, r.upper);  // ~e: an upper grace note
        pushPart(out, n.start + grace, n.end, n.pitch);
    } else {
        out.push_back(n);
    }
}

}  // namespace

bool expandOrnaments(std::vector<PlayedNote>& notes, const std::vector<OrnamentRequest>& requests,
                     std::size_t maxNotes) {
    if (requests.empty()) return true;
    std::vector<PlayedNote> out;
    out.reserve(notes.size() + requests.size() * 4);
    std::size_t next = 0;
    for (std::size_t i = 0; i < notes.size(); ++i) {
        while (next < requests.size() && requests[next].note < i) ++next;
        if (next < requests.size() && requests[next].note == i) expandOne(notes[i], requests[next], out);
        else out.push_back(notes[i]);
        if (out.size() > maxNotes) return false;
    }
    notes = std::move(out);
    return true;
}

}  // namespace nf::abc
