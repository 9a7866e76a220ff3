// SPDX-License-Identifier: GPL-3.0-or-later
// The decoder's arithmetic: matrix rows times a batch of vectors against a double-precision reference, bit-equal
// results whatever the batch size, the LSTM cell against its formula, and the worker pool's part accounting.
#include <gtest/gtest.h>

#include <atomic>
#include <cmath>
#include <numeric>
#include <vector>

#include "generation/SimdKernels.h"
#include "generation/WorkerPool.h"
#include "tokenize/SplitMix64.h"

using namespace nf;

namespace {

std::vector<float> randomVector(std::size_t n, std::uint64_t seed) {
    SplitMix64 rng(seed);
    std::vector<float> v(n);
    for (auto& x : v) x = static_cast<float>(static_cast<double>(rng.next() >> 11) * 0x1.0p-53 * 2.0 - 1.0);
    return v;
}

}  // namespace

TEST(SamplerKernels, DotRowsMatchesAReferenceAndIsIndependentOfTheBatch) {
    const int rows = 37, length = 96, stride = 112;  // rows not a multiple of any row block; padded stride
    const auto w = randomVector(static_cast<std::size_t>(rows * stride), 1);
    std::vector<std::vector<float>> x;
    for (int b = 0; b < 8; ++b) x.push_back(randomVector(static_cast<std::size_t>(length), 10 + static_cast<std::uint64_t>(b)));
    std::vector<float> all(8 * rows);
    const float* xs[8];
    for (int b = 0; b < 8; ++b) xs[b] = x[static_cast<std::size_t>(b)].data();
    gen::dotRows(w.data(), stride, length, rows, xs, 8, all.data(), rows);
    for (int batch = 1; batch <= 8; ++batch) {
        std::vector<float> out(static_cast<std::size_t>(batch * rows));
        gen::dotRows(w.data(), stride, length, rows, xs, batch, out.data(), rows);
        for (int b = 0; b < batch; ++b)
            for (int r = 0; r < rows; ++r) {
                double ref = 0;
                for (int k = 0; k < length; ++k)
                    ref += double(w[static_cast<std::size_t>(r * stride + k)]) * x[static_cast<std::size_t>(b)][static_cast<std::size_t>(k)];
                const float got = out[static_cast<std::size_t>(b * rows + r)];
                EXPECT_NEAR(got, ref, 1e-5) << "batch " << batch << " row " << r;
                EXPECT_EQ(got, all[static_cast<std::size_t>(b * rows + r)]) << "batch " << batch << " row " << r;
            }
    }
}

TEST(SamplerKernels, LstmCellFollowsItsFormula) {
    const int n = 16;
    const std::vector<float> gates = randomVector(4 * n, 3);
    std::vector<float> scaled = gates;
    for (auto& g : scaled) g *= 8.0f;  // reach the saturated ends of sigmoid and tanh too
    const std::vector<const std::vector<float>*> inputs = {&gates, &scaled};
    for (const std::vector<float>* in : inputs) {
        auto c = randomVector(n, 4);
        std::vector<float> h(n);
        const auto c0 = c;
        gen::lstmCell(in->data(), c.data(), h.data(), n);
        const auto sig = [](double v) { return 1.0 / (1.0 + std::exp(-v)); };
        for (int j = 0; j < n; ++j) {
            const auto& g = *in;
            const double cj = sig(g[n + j]) * c0[j] + sig(g[j]) * std::tanh(double(g[2 * n + j]));
            EXPECT_NEAR(c[j], cj, 2e-6) << j;
            EXPECT_NEAR(h[j], sig(g[3 * n + j]) * std::tanh(cj), 2e-6) << j;
        }
    }
}

TEST(SamplerKernels, WorkerPoolRunsEveryPartExactlyOnce) {
    for (int threads : {1, 2, 4}) {
        gen::WorkerPool pool(threads);
        for (int round = 0; round < 200; ++round) {
            const int parts = 1 + round % 37;
            std::vector<std::atomic<int>> hits(static_cast<std::size_t>(parts));
            std::atomic<int> badThread{0};
            pool.run(parts, [&](int part, int thread) {
                hits[static_cast<std::size_t>(part)].fetch_add(1);
                if (thread < 0 || thread >= pool.threads()) badThread.fetch_add(1);
            });
            for (int p = 0; p < parts; ++p) ASSERT_EQ(hits[static_cast<std::size_t>(p)].load(), 1) << threads << " " << round;
            ASSERT_EQ(badThread.load(), 0);
        }
    }
}
