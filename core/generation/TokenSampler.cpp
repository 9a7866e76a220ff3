// SPDX-License-Identifier: GPL-3.0-or-later
#include "generation/TokenSampler.h"

#include <algorithm>
#include <cmath>
#include <limits>
#include <stdexcept>

namespace nf {

namespace {

constexpr double kBanned = -std::numeric_limits<double>::infinity();

}  // namespace

TokenSampler::TokenSampler(const SamplingSettings& settings, std::uint64_t seed)
    : settings_(settings), rng_(seed), guard_(settings.noRepeatNgram) {
    settings_.validate();
}

void TokenSampler::observe(int token) {
    guard_.push(token);
    recent_.push_back(token);
    while (static_cast<int>(recent_.size()) > settings_.repetitionWindow) recent_.pop_front();
}

SampledToken TokenSampler::sample(std::span<const float> logits, const TokenLimits& limits) {
    const std::size_t V = logits.size();
    if (V == 0) throw std::invalid_argument("no logits to sample from");
    SampledToken result;

    // The model's own distribution: what the GUI shows as confidence, whatever the sampling controls did.
    double maxLogit = kBanned;
    for (float l : logits) maxLogit = std::max(maxLogit, static_cast<double>(l));
    work_.resize(V);
    double total = 0;
    for (std::size_t v = 0; v < V; ++v) total += (work_[v] = std::exp(static_cast<double>(logits[v]) - maxLogit));
    const auto probability = [&](std::size_t v) { return static_cast<float>(work_[v] / total); };
    if (settings_.alternatives > 0) {
        order_.resize(V);
        for (std::size_t v = 0; v < V; ++v) order_[v] = static_cast<int>(v);
        const auto k = std::min<std::size_t>(V, static_cast<std::size_t>(settings_.alternatives));
        std::partial_sort(order_.begin(), order_.begin() + static_cast<std::ptrdiff_t>(k), order_.end(), [&](int a, int b) {
            return logits[static_cast<std::size_t>(a)] > logits[static_cast<std::size_t>(b)] ||
                   (logits[static_cast<std::size_t>(a)] == logits[static_cast<std::size_t>(b)] && a < b);
        });
        for (std::size_t i = 0; i < k; ++i)
            result.alternatives.push_back({order_[i], probability(static_cast<std::size_t>(order_[i]))});
    }

    // Controls on the logits: repetition penalty, then the n-gram guard.
    for (std::size_t v = 0; v < V; ++v) work_[v] = logits[v];
    if (settings_.repetitionPenalty > 1.0) {
        std::vector<int> seen(recent_.begin(), recent_.end());
        std::sort(seen.begin(), seen.end());
        seen.erase(std::unique(seen.begin(), seen.end()), seen.end());
        for (int t : seen) {
            if (t < 0 || static_cast<std::size_t>(t) >= V) continue;
            double& l = work_[static_cast<std::size_t>(t)];
            l = l > 0 ? l / settings_.repetitionPenalty : l * settings_.repetitionPenalty;
        }
    }
    const auto& banned = guard_.bannedNext();
    std::size_t bannedCount = 0;
    for (int t : banned)
        if (t >= 0 && static_cast<std::size_t>(t) < V && work_[static_cast<std::size_t>(t)] != kBanned) {
            work_[static_cast<std::size_t>(t)] = kBanned;
            ++bannedCount;
        }
    if (bannedCount == V) {
        // Every continuation repeats an n-gram: a token must still come, so the guard steps aside once.
        for (std::size_t v = 0; v < V; ++v) work_[v] = logits[v];
        result.guardOverridden = true;
    }
    applyLimits(logits, limits);

    int chosen = 0;
    if (settings_.greedy) {
        for (std::size_t v = 1; v < V; ++v)
            if (work_[v] > work_[static_cast<std::size_t>(chosen)]) chosen = static_cast<int>(v);
    } else {
        chosen = draw(V);
    }
    result.token = chosen;
    result.probability =
        static_cast<float>(std::exp(static_cast<double>(logits[static_cast<std::size_t>(chosen)]) - maxLogit) / total);
    observe(chosen);
    return result;
}

void TokenSampler::applyLimits(std::span<const float> logits, const TokenLimits& limits) {
    const std::size_t V = logits.size();
    if (limits.required.empty() && limits.banned.empty()) return;
    const auto inRange = [V](int t) { return t >= 0 && static_cast<std::size_t>(t) < V; };
    bool anyRequired = false;
    for (int t : limits.required) anyRequired = anyRequired || inRange(t);
    if (anyRequired) {
        // A release is due: keep only the required tokens, with the model's own logit where another control (the
        // n-gram guard) had banned one, so there is always a choice.
        bool anyOpen = false;
        for (int t : limits.required)
            if (inRange(t)) anyOpen = anyOpen || work_[static_cast<std::size_t>(t)] != kBanned;
        weights_.assign(V, kBanned);
        for (int t : limits.required)
            if (inRange(t)) {
                const auto v = static_cast<std::size_t>(t);
                weights_[v] = anyOpen ? work_[v] : static_cast<double>(logits[v]);
            }
        work_.swap(weights_);
        return;
    }
    std::size_t closing = 0;
    for (int t : limits.banned) closing += inRange(t) && work_[static_cast<std::size_t>(t)] != kBanned;
    if (closing == 0) return;  // the usual step: nothing to ban, no pass over the vocabulary
    std::size_t open = 0;
    for (std::size_t v = 0; v < V; ++v) open += work_[v] != kBanned;
    if (closing >= open) return;  // a token must still come: a ban that leaves nothing is ignored
    for (int t : limits.banned)
        if (inRange(t)) work_[static_cast<std::size_t>(t)] = kBanned;
}

// Temperature, top-k and top-p over work_ (controlled logits), then one uniform draw.
int TokenSampler::draw(std::size_t V) {
    order_.clear();
    double best = kBanned;
    for (std::size_t v = 0; v < V; ++v)
        if (work_[v] != kBanned) {
            order_.push_back(static_cast<int>(v));
            best = std::max(best, work_[v]);
        }
    const auto byLikelihood = [&](int a, int b) {
        const double la = work_[static_cast<std::size_t>(a)], lb = work_[static_cast<std::size_t>(b)];
        return la > lb || (la == lb && a < b);
    };
    std::size_t keep = order_.size();
    const bool needSorted = settings_.topP < 1.0;
    if (settings_.topK > 0 && static_cast<std::size_t>(settings_.topK) < keep) {
        keep = static_cast<std::size_t>(settings_.topK);
        std::nth_element(order_.begin(), order_.begin() + static_cast<std::ptrdiff_t>(keep - 1), order_.end(), byLikelihood);
        order_.resize(keep);
        // nth_element leaves the kept ones in no particular order; index order keeps the draw reproducible.
        if (!needSorted) std::sort(order_.begin(), order_.end());
    }
    if (needSorted) std::sort(order_.begin(), order_.end(), byLikelihood);

    weights_.resize(order_.size());
    double total = 0;
    for (std::size_t i = 0; i < order_.size(); ++i)
        total += (weights_[i] = std::exp((work_[static_cast<std::size_t>(order_[i])] - best) / settings_.temperature));
    if (needSorted) {
        double cumulative = 0;
        std::size_t m = 0;
        while (m < order_.size()) {
            cumulative += weights_[m++];
            if (cumulative >= settings_.topP * total) break;
        }
        keep = std::max<std::size_t>(1, m);
        total = cumulative;
    } else {
        keep = order_.size();
    }
    // 53 random bits -> [0, 1), then the inverse of the cumulative distribution.
    const double u = static_cast<double>(rng_.next() >> 11) * 0x1.0p-53 * total;
    double cumulative = 0;
    for (std::size_t i = 0; i < keep; ++i) {
        cumulative += weights_[i];
        if (u < cumulative) return order_[i];
    }
    return order_[keep - 1];
}

}  // namespace nf
