// SPDX-License-Identifier: GPL-3.0-or-later
#include "generation/TransformerDecoder.h"

#include <algorithm>
#include <cmath>
#include <cstring>
#include <stdexcept>
#include <string>

#include "generation/ContextWindow.h"

namespace nf {

namespace {

// Below this many multiply-adds the attention of a run stays on one thread: waking a worker would cost more.
constexpr double kMinParallelMacs = 32768;
constexpr int kPartsPerThread = 8;
constexpr double kLayerNormEpsilon = 1e-5;  // LibTorch's LayerNorm default

std::size_t at(int a, int b) { return static_cast<std::size_t>(a) * static_cast<std::size_t>(b); }

// The exact GELU LibTorch's gelu() computes by default (not the tanh approximation).
float gelu(float v) { return 0.5f * v * (1.0f + std::erf(v * 0.70710678118654752f)); }

}  // namespace

TransformerDecoder::TransformerDecoder(const TransformerWeights& weights, int batch, gen::WorkerPool& pool)
    : weights_(weights), pool_(pool), batch_(batch), capacity_(std::max(batch, weights.context)) {
    if (batch < 1) throw std::invalid_argument("a decoder needs at least one row");
    if (weights.context < 1) throw std::invalid_argument("a transformer needs a context of at least one token");
    const auto& w = weights;
    history_.resize(static_cast<std::size_t>(batch));
    for (auto& h : history_) h.reserve(static_cast<std::size_t>(w.context));
    const std::size_t cache = at(batch, w.context) * static_cast<std::size_t>(w.attentionWidth);
    keys_.assign(static_cast<std::size_t>(w.layers), gen::AlignedFloats(cache, 0.0f));
    values_.assign(static_cast<std::size_t>(w.layers), gen::AlignedFloats(cache, 0.0f));
    x_.assign(at(capacity_, w.widthPadded), 0.0f);
    normed_.assign(at(capacity_, w.widthPadded), 0.0f);
    qkv_.assign(at(capacity_, 3 * w.attentionWidth), 0.0f);
    attended_.assign(at(capacity_, w.attentionWidth), 0.0f);
    hidden_.assign(at(capacity_, w.mlpPadded), 0.0f);
    delta_.assign(at(capacity_, w.widthPadded), 0.0f);
    scores_.assign(at(pool.threads(), w.context), 0.0f);
    logits_.assign(at(batch, w.vocabSize), 0.0f);
    rowLogits_.assign(at(batch, w.vocabSize), 0.0f);
    items_.reserve(static_cast<std::size_t>(capacity_));
    full_.assign(static_cast<std::size_t>(batch), 0);
    lastOf_.assign(static_cast<std::size_t>(batch), -1);
    logitRows_.reserve(static_cast<std::size_t>(batch));
    // The rotations of every position, as LibTorch computes them (angle = position x frequency, in float).
    const int half = w.headDim / 2;
    cos_.resize(at(w.context, half));
    sin_.resize(at(w.context, half));
    for (int p = 0; p < w.context; ++p)
        for (int c = 0; c < half; ++c) {
            const float angle = static_cast<float>(p) * w.ropeInverseFrequencies[static_cast<std::size_t>(c)];
            cos_[at(p, half) + static_cast<std::size_t>(c)] = std::cos(angle);
            sin_[at(p, half) + static_cast<std::size_t>(c)] = std::sin(angle);
        }
}

void TransformerDecoder::reset() {
    for (auto& h : history_) h.clear();
}

void TransformerDecoder::resetRow(int row) { history_.at(static_cast<std::size_t>(row)).clear(); }

void TransformerDecoder::copyRow(int from, int to) {
    if (from == to) return;
    const std::size_t n = static_cast<std::size_t>(cached(from)) * static_cast<std::size_t>(weights_.attentionWidth);
    for (int l = 0; l < weights_.layers; ++l) {
        std::memcpy(cacheAt(keys_, l, to, 0), cacheAt(keys_, l, from, 0), n * sizeof(float));
        std::memcpy(cacheAt(values_, l, to, 0), cacheAt(values_, l, from, 0), n * sizeof(float));
    }
    history_[static_cast<std::size_t>(to)] = history_[static_cast<std::size_t>(from)];
    const auto V = static_cast<std::size_t>(weights_.vocabSize);
    std::memcpy(logits_.data() + static_cast<std::size_t>(to) * V, logits_.data() + static_cast<std::size_t>(from) * V,
                V * sizeof(float));
}

std::span<const float> TransformerDecoder::logits(int row) const {
    const auto V = static_cast<std::size_t>(weights_.vocabSize);
    return {logits_.data() + static_cast<std::size_t>(row) * V, V};
}

float* TransformerDecoder::cacheAt(std::vector<gen::AlignedFloats>& cache, int layer, int row, int position) {
    return cache[static_cast<std::size_t>(layer)].data() +
           (at(row, weights_.context) + static_cast<std::size_t>(position)) * static_cast<std::size_t>(weights_.attentionWidth);
}

void TransformerDecoder::checkTokens(std::span<const int> tokens) const {
    for (int t : tokens)
        if (t < 0 || t >= weights_.vocabSize)
            throw std::out_of_range("token index " + std::to_string(t) + " is outside the vocabulary");
}

void TransformerDecoder::enqueue(int row, int token) {
    auto& history = history_[static_cast<std::size_t>(row)];
    if (static_cast<int>(history.size()) >= weights_.context) {
        // The window slides (ContextWindow.h): the newest tokens are read again from position 0.
        const auto keep = static_cast<std::size_t>(gen::tokensKeptWhenSliding(weights_.context) - 1);
        history.erase(history.begin(), history.end() - static_cast<std::ptrdiff_t>(keep));
        for (std::size_t i = 0; i < history.size(); ++i) items_.push_back({row, static_cast<int>(i), history[i]});
    }
    items_.push_back({row, static_cast<int>(history.size()), token});
    history.push_back(token);
}

void TransformerDecoder::step(std::span<const int> tokens, bool computeLogits) {
    const int rows = static_cast<int>(std::min<std::size_t>(tokens.size(), static_cast<std::size_t>(batch_)));
    checkTokens(tokens.first(static_cast<std::size_t>(rows)));
    // A row whose context is full reads half a context again: it runs alone, so that one run never holds more than
    // max(batch, context) tokens.
    for (int r = 0; r < rows; ++r) full_[static_cast<std::size_t>(r)] = cached(r) >= weights_.context;
    for (int r = 0; r < rows; ++r)
        if (full_[static_cast<std::size_t>(r)]) {
            items_.clear();
            enqueue(r, tokens[static_cast<std::size_t>(r)]);
            run(computeLogits);
        }
    items_.clear();
    for (int r = 0; r < rows; ++r)
        if (!full_[static_cast<std::size_t>(r)]) enqueue(r, tokens[static_cast<std::size_t>(r)]);
    if (!items_.empty()) run(computeLogits);
}

void TransformerDecoder::prime(std::span<const int> tokens, bool computeLogits) {
    checkTokens(tokens);
    std::size_t i = 0;
    while (i < tokens.size()) {
        // As many tokens as the context holds in one batched run; a full context slides first (enqueue()).
        items_.clear();
        do {
            enqueue(0, tokens[i++]);
        } while (i < tokens.size() && cached(0) < weights_.context);
        run(computeLogits && i == tokens.size());
    }
}

void TransformerDecoder::layerNorm(const TransformerWeights::Norm& n, const float* in, float* out, int items) const {
    const int W = weights_.width, Wp = weights_.widthPadded;
    for (int i = 0; i < items; ++i) {
        const float* x = in + at(i, Wp);
        float* y = out + at(i, Wp);
        double mean = 0, var = 0;
        for (int k = 0; k < W; ++k) mean += x[k];
        mean /= W;
        for (int k = 0; k < W; ++k) var += (x[k] - mean) * (x[k] - mean);
        const double inv = 1.0 / std::sqrt(var / W + kLayerNormEpsilon);
        for (int k = 0; k < W; ++k)
            y[k] = static_cast<float>((x[k] - mean) * inv) * n.gain[static_cast<std::size_t>(k)] + n.bias[static_cast<std::size_t>(k)];
    }
}

void TransformerDecoder::run(bool computeLogits) {
    const auto& w = weights_;
    const int n = static_cast<int>(items_.size());
    const int Wp = w.widthPadded, A = w.attentionWidth, half = w.headDim / 2;
    for (int i = 0; i < n; ++i)
        std::memcpy(x_.data() + at(i, Wp), w.embedding.weight.data() + at(items_[static_cast<std::size_t>(i)].token, Wp),
                    static_cast<std::size_t>(Wp) * sizeof(float));
    const auto addResidual = [&] {
        for (int i = 0; i < n; ++i)
            for (int k = 0; k < w.width; ++k) x_[at(i, Wp) + static_cast<std::size_t>(k)] += delta_[at(i, Wp) + static_cast<std::size_t>(k)];
    };
    for (int l = 0; l < w.layers; ++l) {
        const auto& b = w.blocks[static_cast<std::size_t>(l)];
        layerNorm(b.norm1, x_.data(), normed_.data(), n);
        gen::linearForward(pool_, b.qkv, normed_.data(), Wp, qkv_.data(), 3 * A, n);
        // Queries and keys turn by their position; keys and values enter the cache before anyone attends.
        for (int i = 0; i < n; ++i) {
            const Item& it = items_[static_cast<std::size_t>(i)];
            float* q = qkv_.data() + at(i, 3 * A);
            const float* cs = cos_.data() + at(it.position, half);
            const float* sn = sin_.data() + at(it.position, half);
            for (int h = 0; h < w.heads; ++h)
                for (float* v : {q + h * w.headPadded, q + A + h * w.headPadded})
                    for (int c = 0; c < half; ++c) {
                        const float a = v[c], b2 = v[c + half];
                        v[c] = a * cs[c] - b2 * sn[c];
                        v[c + half] = b2 * cs[c] + a * sn[c];
                    }
            std::memcpy(cacheAt(keys_, l, it.row, it.position), q + A, static_cast<std::size_t>(A) * sizeof(float));
            std::memcpy(cacheAt(values_, l, it.row, it.position), q + 2 * A, static_cast<std::size_t>(A) * sizeof(float));
        }
        attend(l);
        gen::linearForward(pool_, b.proj, attended_.data(), A, delta_.data(), Wp, n);
        addResidual();
        layerNorm(b.norm2, x_.data(), normed_.data(), n);
        gen::linearForward(pool_, b.fc1, normed_.data(), Wp, hidden_.data(), w.mlpPadded, n);
        for (int i = 0; i < n; ++i) {
            float* h = hidden_.data() + at(i, w.mlpPadded);
            for (int k = 0; k < w.mlp; ++k) h[k] = gelu(h[k]);
        }
        gen::linearForward(pool_, b.fc2, hidden_.data(), w.mlpPadded, delta_.data(), Wp, n);
        addResidual();
    }
    if (!computeLogits) return;
    // Logits only for each row's last token: the final norm of those, gathered, through the tied embedding.
    std::fill(lastOf_.begin(), lastOf_.end(), -1);
    for (int i = 0; i < n; ++i) lastOf_[static_cast<std::size_t>(items_[static_cast<std::size_t>(i)].row)] = i;
    std::vector<int>& rows = logitRows_;
    rows.clear();
    for (int r = 0; r < batch_; ++r) {
        const int i = lastOf_[static_cast<std::size_t>(r)];
        if (i < 0) continue;
        layerNorm(w.norm, x_.data() + at(i, Wp), normed_.data() + at(static_cast<int>(rows.size()), Wp), 1);
        rows.push_back(r);
    }
    const int V = w.vocabSize;
    gen::linearForward(pool_, w.embedding, normed_.data(), Wp, rowLogits_.data(), V, static_cast<int>(rows.size()));
    for (std::size_t k = 0; k < rows.size(); ++k)
        std::memcpy(logits_.data() + at(rows[k], V), rowLogits_.data() + at(static_cast<int>(k), V),
                    static_cast<std::size_t>(V) * sizeof(float));
}

void TransformerDecoder::attend(int l) {
    const auto& w = weights_;
    const int n = static_cast<int>(items_.size());
    const int A = w.attentionWidth, Hp = w.headPadded;
    const float scale = 1.0f / std::sqrt(static_cast<float>(w.headDim));
    double macs = 0;
    for (const auto& it : items_) macs += 2.0 * (it.position + 1) * A;
    const int tasks = n * w.heads;
    const int parts = macs < kMinParallelMacs ? 1 : std::min(tasks, pool_.threads() * kPartsPerThread);
    pool_.run(parts, [&](int part, int thread) {
        float* s = scores_.data() + at(thread, w.context);
        for (int task = tasks * part / parts; task < tasks * (part + 1) / parts; ++task) {
            const int i = task / w.heads, h = task % w.heads;
            const Item& it = items_[static_cast<std::size_t>(i)];
            const int len = it.position + 1;
            const float* q = qkv_.data() + at(i, 3 * A) + static_cast<std::size_t>(h * Hp);
            const float* keys = cacheAt(keys_, l, it.row, 0) + h * Hp;
            const float* values = cacheAt(values_, l, it.row, 0) + h * Hp;
            gen::dotRows(keys, A, Hp, len, &q, 1, s, 1);
            float top = -INFINITY;
            for (int j = 0; j < len; ++j) top = std::max(top, s[j] *= scale);
            float sum = 0;
            for (int j = 0; j < len; ++j) sum += (s[j] = std::exp(s[j] - top));
            const float inv = 1.0f / sum;
            float* out = attended_.data() + at(i, A) + static_cast<std::size_t>(h * Hp);
            std::fill(out, out + Hp, 0.0f);
            for (int j = 0; j < len; ++j) {
                const float p = s[j] * inv;
                const float* v = values + at(j, A);
                for (int c = 0; c < Hp; ++c) out[c] += p * v[c];
            }
        }
    });
}

}  // namespace nf
