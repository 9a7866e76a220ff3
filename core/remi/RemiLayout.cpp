// SPDX-License-Identifier: GPL-3.0-or-later
#include "remi/RemiLayout.h"

#include <algorithm>
#include <map>
#include <set>

#include "remi/RemiIds.h"
#include "remi/RemiVocabulary.h"

namespace nf::remi {

std::vector<TrackKey> RemiLayout::tracks() const {
    std::set<TrackKey> all;
    for (const auto& b : bars)
        for (const auto& block : b.blocks) all.insert(block.track);
    return {all.begin(), all.end()};
}

RemiLayout layoutOf(std::span<const std::int32_t> ids) {
    const RemiIds& r = RemiIds::get();
    RemiLayout layout;
    int meter = -1, tempo = -1;
    std::map<int, int> ordinals;
    auto closeBlock = [&](std::size_t at) {
        if (!layout.bars.empty() && !layout.bars.back().blocks.empty() && layout.bars.back().blocks.back().end == 0)
            layout.bars.back().blocks.back().end = at;
    };
    auto closeBar = [&](std::size_t at) {
        if (layout.bars.empty()) return;
        closeBlock(at);
        auto& bar = layout.bars.back();
        if (bar.end == 0) bar.end = at;
        if (bar.headEnd == 0) bar.headEnd = at;
    };
    for (std::size_t i = 0; i < ids.size(); ++i) {
        const int id = ids[i];
        if (id < 0 || id >= r.size()) continue;
        const auto kind = r.kind(id);
        if (kind == RemiIds::Kind::Bar) {
            closeBar(i);
            BarSpan bar;
            bar.begin = i;
            bar.meterId = meter;
            bar.tempoId = tempo;
            layout.bars.push_back(bar);
            ordinals.clear();
        } else if (kind == RemiIds::Kind::PieceEnd || kind == RemiIds::Kind::FillStart) {
            closeBar(i);
            break;
        } else if (layout.bars.empty()) {
            continue;
        } else if (kind == RemiIds::Kind::Meter || kind == RemiIds::Kind::Tempo) {
            (kind == RemiIds::Kind::Meter ? meter : tempo) = id;
            (kind == RemiIds::Kind::Meter ? layout.bars.back().meterId : layout.bars.back().tempoId) = id;
            (kind == RemiIds::Kind::Meter ? layout.bars.back().writesMeter : layout.bars.back().writesTempo) = true;
        } else if (kind == RemiIds::Kind::Instrument) {
            auto& bar = layout.bars.back();
            closeBlock(i);
            if (bar.headEnd == 0) bar.headEnd = i;
            const int instrument = r.value(id);
            bar.blocks.push_back(BlockSpan{i, 0, TrackKey{instrument, ordinals[instrument]++}});
        }
    }
    closeBar(ids.size());
    for (auto& bar : layout.bars) {
        if (bar.meterId >= 0) {
            const int v = r.value(bar.meterId);
            bar.units = std::clamp(v / 100 * 4 * kUnitsPerBeat / std::max(1, v % 100), 1, kMaxBarUnits);
        }
    }
    return layout;
}

}  // namespace nf::remi
