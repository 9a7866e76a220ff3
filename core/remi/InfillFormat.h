// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <cstdint>
#include <optional>
#include <span>
#include <vector>

#include "remi/RemiLayout.h"

namespace nf::remi {

// A fill-in-the-middle request over a plain remi sequence: bars [firstBar, lastBar] (indices into the layout) of
// `tracks` are to be written, with bars [contextFrom, contextTo] around them as context.
struct InfillSpec {
    std::size_t firstBar = 0, lastBar = 0;
    std::size_t contextFrom = 0, contextTo = 0;
    std::vector<TrackKey> tracks;  // in the order the holes are written; may name tracks the piece lacks
    int keyId = -1;                // when set, the KEY token of the span's bars (a key the musician asked for)
};

// The prompt and the truth of one infill. The prompt is the context bars with each hole standing as
// `INST_p HOLE` after the bar's kept blocks (in `tracks` order), then FILL. The fill writes every hole in the
// order they stand, each as `INST_p` + controls + notes + HOLE_END, and ends with FILL_END (a hole where the
// track is silent is written with all-zero controls and no notes). Training examples and generation prompts are
// both made here, so the model sees in use exactly the format it learned.
struct InfillTokens {
    std::vector<std::int32_t> prompt;
    std::vector<std::int32_t> fill;
};

InfillTokens makeInfill(std::span<const std::int32_t> ids, const RemiLayout& layout, const InfillSpec& spec);

// The token length makeInfill would give, without building it.
std::size_t infillLength(const RemiLayout& layout, const InfillSpec& spec);

// Narrows the context (the far side first, alternating) until the infill fits `maxTokens`; nothing when even the
// span alone does not fit.
std::optional<InfillSpec> fitInfill(const RemiLayout& layout, InfillSpec spec, std::size_t maxTokens);

// A continuation example or prompt: bars [from, to], with BOS when `from` is the first bar and EOS when `to` is
// the last; the meter and tempo in force are restated at `from` when that bar does not write them.
std::vector<std::int32_t> makeContinuation(std::span<const std::int32_t> ids, const RemiLayout& layout,
                                           std::size_t from, std::size_t to, bool endOfPiece);

}  // namespace nf::remi
