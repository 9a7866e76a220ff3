// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <cstdint>
#include <optional>
#include <string>

#include "generation/DecodeMode.h"
#include "generation/SamplingSettings.h"

namespace nf {

// Everything that decides which tokens a generation produces (with the model and the primer). Part of the recipe.
struct GenerationSettings {
    int length = 500;                 // most tokens generated per variation
    // events models only: stop once this much music was generated (in 4/4 bars or seconds); `length` still caps.
    std::optional<double> bars;
    std::optional<double> seconds;
    int variations = 1;               // K sequences in one batch; variation k uses seed + k
    SamplingSettings sampling;
    DecodeMode mode = DecodeMode::Incremental;
    int window = 0;                   // windowed mode: tokens re-run per step; 0 = the model's training window
    bool stopAtEnd = true;            // a variation ends at the representation's end token (events END, </tune>)

    // Throws std::invalid_argument naming the first bad value.
    void validate() const;
    // Recipes hold these without `variations` (a recipe names one piece) and without `sampling` (its own key).
    std::string toJson() const;
    // Missing keys keep their defaults. Throws std::runtime_error for malformed JSON, std::invalid_argument for an
    // unknown decoding mode.
    static GenerationSettings fromJson(const std::string& json);

    bool operator==(const GenerationSettings&) const = default;
};

// The seed variation k of a batch uses, so that any variation can be regenerated alone.
inline std::uint64_t variationSeed(std::uint64_t seed, int k) { return seed + static_cast<std::uint64_t>(k); }

}  // namespace nf
