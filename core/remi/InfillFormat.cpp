// SPDX-License-Identifier: GPL-3.0-or-later
#include "remi/InfillFormat.h"

#include <algorithm>

#include "remi/RemiIds.h"

namespace nf::remi {

namespace {

bool isHoleTrack(const InfillSpec& spec, std::size_t bar, const TrackKey& key) {
    return bar >= spec.firstBar && bar <= spec.lastBar &&
           std::find(spec.tracks.begin(), spec.tracks.end(), key) != spec.tracks.end();
}

// BAR, the meter and tempo in force when the bar does not write them (the first bar of a window), the rest of
// the bar's head.
void appendHead(std::vector<std::int32_t>& out, std::span<const std::int32_t> ids, const BarSpan& bar, bool restate,
                int keyId = -1) {
    const RemiIds& r = RemiIds::get();
    out.push_back(r.bar);
    if (restate && !bar.writesMeter && bar.meterId >= 0) out.push_back(bar.meterId);
    if (restate && !bar.writesTempo && bar.tempoId >= 0) out.push_back(bar.tempoId);
    for (std::size_t i = bar.begin + 1; i < bar.headEnd; ++i)
        out.push_back(keyId >= 0 && r.kind(ids[i]) == RemiIds::Kind::Key ? keyId : ids[i]);
}

const BlockSpan* blockOf(const BarSpan& bar, const TrackKey& key) {
    for (const auto& b : bar.blocks)
        if (b.track == key) return &b;
    return nullptr;
}

std::size_t restated(const BarSpan& bar) {
    return (bar.meterId >= 0 && !bar.writesMeter ? 1 : 0) + (bar.tempoId >= 0 && !bar.writesTempo ? 1 : 0);
}

}  // namespace

InfillTokens makeInfill(std::span<const std::int32_t> ids, const RemiLayout& layout, const InfillSpec& spec) {
    const RemiIds& r = RemiIds::get();
    InfillTokens out;
    if (spec.contextFrom == 0) out.prompt.push_back(r.bos);
    for (std::size_t b = spec.contextFrom; b <= spec.contextTo && b < layout.bars.size(); ++b) {
        const BarSpan& bar = layout.bars[b];
        const bool inSpan = b >= spec.firstBar && b <= spec.lastBar;
        appendHead(out.prompt, ids, bar, b == spec.contextFrom, inSpan ? spec.keyId : -1);
        for (const auto& block : bar.blocks) {
            if (isHoleTrack(spec, b, block.track)) continue;
            out.prompt.insert(out.prompt.end(), ids.begin() + static_cast<std::ptrdiff_t>(block.begin),
                              ids.begin() + static_cast<std::ptrdiff_t>(block.end));
        }
        if (b < spec.firstBar || b > spec.lastBar) continue;
        for (const auto& key : spec.tracks) {
            out.prompt.push_back(r.instrument(key.instrument));
            out.prompt.push_back(r.hole);
        }
    }
    out.prompt.push_back(r.fill);
    for (std::size_t b = spec.firstBar; b <= spec.lastBar && b < layout.bars.size(); ++b) {
        for (const auto& key : spec.tracks) {
            if (const BlockSpan* block = blockOf(layout.bars[b], key)) {
                out.fill.insert(out.fill.end(), ids.begin() + static_cast<std::ptrdiff_t>(block->begin),
                                ids.begin() + static_cast<std::ptrdiff_t>(block->end));
            } else {
                out.fill.push_back(r.instrument(key.instrument));
                for (auto kind : {RemiIds::Kind::Density, RemiIds::Kind::Polyphony, RemiIds::Kind::Low,
                                  RemiIds::Kind::High, RemiIds::Kind::Length})
                    out.fill.push_back(r.all(kind).front());
            }
            out.fill.push_back(r.holeEnd);
        }
    }
    out.fill.push_back(r.fillEnd);
    return out;
}

std::size_t infillLength(const RemiLayout& layout, const InfillSpec& spec) {
    std::size_t n = (spec.contextFrom == 0 ? 1 : 0) + 2;  // BOS, FILL, FILL_END
    for (std::size_t b = spec.contextFrom; b <= spec.contextTo && b < layout.bars.size(); ++b) {
        const BarSpan& bar = layout.bars[b];
        n += bar.end - bar.begin + (b == spec.contextFrom ? restated(bar) : 0);
        if (b < spec.firstBar || b > spec.lastBar) continue;
        for (const auto& key : spec.tracks) {
            const BlockSpan* block = blockOf(bar, key);
            // In the prompt the block becomes INST HOLE; in the fill it is written whole (or as 6 tokens) + HOLE_END.
            n += 2 + 1 + (block ? 0 : 6);
        }
    }
    return n;
}

std::optional<InfillSpec> fitInfill(const RemiLayout& layout, InfillSpec spec, std::size_t maxTokens) {
    bool left = spec.firstBar - spec.contextFrom >= spec.contextTo - spec.lastBar;
    while (infillLength(layout, spec) > maxTokens) {
        const bool canLeft = spec.contextFrom < spec.firstBar, canRight = spec.contextTo > spec.lastBar;
        if (!canLeft && !canRight) return std::nullopt;
        if ((left && canLeft) || !canRight) ++spec.contextFrom;
        else --spec.contextTo;
        left = !left;
    }
    return spec;
}

std::vector<std::int32_t> makeContinuation(std::span<const std::int32_t> ids, const RemiLayout& layout,
                                           std::size_t from, std::size_t to, bool endOfPiece) {
    const RemiIds& r = RemiIds::get();
    std::vector<std::int32_t> out;
    if (from == 0) out.push_back(r.bos);
    for (std::size_t b = from; b <= to && b < layout.bars.size(); ++b) {
        const BarSpan& bar = layout.bars[b];
        appendHead(out, ids, bar, b == from);
        out.insert(out.end(), ids.begin() + static_cast<std::ptrdiff_t>(bar.headEnd),
                   ids.begin() + static_cast<std::ptrdiff_t>(bar.end));
    }
    if (endOfPiece) out.push_back(r.eos);
    return out;
}

}  // namespace nf::remi
