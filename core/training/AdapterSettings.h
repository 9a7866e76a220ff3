// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <string>

namespace nf {

// Low-rank adapters (issue 18's `train --init BASE --adapter-rank R`): the base model's weights stay frozen and
// each of a transformer block's four projections (attention qkv and proj, the MLP's fc1 and fc2) learns a
// correction W + B A, with A [R, in] and B [out, R]. B starts at zero, so the adapted model starts as its base.
// The run writes an adapter file (ModelFileKind::Adapter): the corrections alone, a few hundred kilobytes, which
// opens on top of the base it names (training/ModelAdapter.h). Written to configurations only when rank > 0.
struct AdapterSettings {
    int rank = 0;              // 0: no adapters (a whole model)
    std::string base;          // the base as given to --init: a base model's name, or a model file's absolute path
    std::string baseChecksum;  // the base file's FNV-1a hash (hex): an adapter opens only on the exact file it learnt on

    bool enabled() const { return rank > 0; }
    bool operator==(const AdapterSettings&) const = default;
};

}  // namespace nf
