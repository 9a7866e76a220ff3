// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <cstdint>
#include <deque>
#include <span>
#include <vector>

#include "generation/NgramGuard.h"
#include "generation/SamplingSettings.h"
#include "tokenize/SplitMix64.h"

namespace nf {

struct TokenAlternative {
    int token = 0;
    float probability = 0;  // the model's own probability (softmax of its logits, before any sampling control)
};

struct SampledToken {
    int token = 0;
    float probability = 0;  // the model's probability of the chosen token
    std::vector<TokenAlternative> alternatives;  // the most likely tokens, most likely first
    // The n-gram guard banned every token, so it was ignored for this step (tiny vocabularies only).
    bool guardOverridden = false;
};

// Limits for one step from a grammar guard (HeldNoteGuard): when `required` is not empty the token is one of
// them, whatever the other controls say; tokens in `banned` are not chosen unless nothing else is left.
struct TokenLimits {
    std::span<const int> required;
    std::span<const int> banned;
};

// Chooses tokens from logits under SamplingSettings, for one sequence. Fully deterministic: the same settings,
// seed and logits give the same tokens on every platform (splitmix64 and an explicit inverse-CDF draw; the std
// distributions differ between standard libraries). Ties go to the lowest token index.
class TokenSampler {
public:
    TokenSampler(const SamplingSettings& settings, std::uint64_t seed);

    // Tokens already in the sequence (the primer): they feed the repetition penalty and the n-gram guard.
    void observe(int token);
    // Picks the next token and observes it.
    SampledToken sample(std::span<const float> logits, const TokenLimits& limits = {});

private:
    int draw(std::size_t count);
    void applyLimits(std::span<const float> logits, const TokenLimits& limits);

    SamplingSettings settings_;
    SplitMix64 rng_;
    NgramGuard guard_;
    std::deque<int> recent_;
    std::vector<double> work_;
    std::vector<double> weights_;
    std::vector<int> order_;
};

}  // namespace nf
