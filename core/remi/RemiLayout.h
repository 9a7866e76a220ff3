// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <cstdint>
#include <span>
#include <vector>

namespace nf::remi {

// Which track a block belongs to: its instrument (GM program, -1 for drums) and its rank among the bar's blocks
// of that instrument (the encoder keeps ranks stable across bars: see RemiTokenizer).
struct TrackKey {
    int instrument = 0;
    int ordinal = 0;
    bool operator==(const TrackKey&) const = default;
    auto operator<=>(const TrackKey&) const = default;
};

// One track's part in one bar: [begin, end) holds INST, the controls and the notes.
struct BlockSpan {
    std::size_t begin = 0, end = 0;
    TrackKey track;
};

// One bar: [begin, headEnd) is BAR and its TS/TEMPO/KEY tokens, then the blocks, up to `end`.
struct BarSpan {
    std::size_t begin = 0, headEnd = 0, end = 0;
    std::vector<BlockSpan> blocks;
    int meterId = -1, tempoId = -1;  // the TS and TEMPO tokens in force in this bar (-1: none yet)
    int units = 48;                  // the bar's length on the grid
    bool writesMeter = false, writesTempo = false;  // its head has a TS / TEMPO token of its own
};

// Where the bars and blocks of a plain remi sequence (indices of the fixed vocabulary) lie. Tokens before the
// first BAR (BOS) and after the last bar (EOS) belong to no bar.
struct RemiLayout {
    std::vector<BarSpan> bars;
    std::vector<TrackKey> tracks() const;  // every track that plays somewhere, sorted
};

RemiLayout layoutOf(std::span<const std::int32_t> ids);

}  // namespace nf::remi
