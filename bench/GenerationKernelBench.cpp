// SPDX-License-Identifier: GPL-3.0-or-later
// nf_bench_kernels: the decoder's weight-streaming kernel alone, on paper-midi-sized weights (three 512-unit LSTM
// layers: 6144 gate rows x 1024 floats, 25 MB) and on a block that stays in L2, for 1 to 8 vectors (variations).
// Google Benchmark's CPU column is this thread's CPU time, so a busy shared machine disturbs it less than wall time;
// the ratio batch-8 / batch-1 on the large case is the floor of `benchmark generate`'s 8-variation ratio.
#include <benchmark/benchmark.h>

#include <random>

#include "generation/SimdKernels.h"

namespace {

constexpr int kStride = 1024;
constexpr int kBlockRows = 32;  // one block of 8 LSTM units' gate rows, as the decoder calls it

void dotRowsOver(benchmark::State& state, int rows) {
    const int batch = static_cast<int>(state.range(0));
    nf::gen::AlignedFloats w(static_cast<std::size_t>(rows) * kStride);
    std::mt19937 rng(1);
    std::uniform_real_distribution<float> dist(-0.1f, 0.1f);
    for (float& v : w) v = dist(rng);
    nf::gen::AlignedFloats xs(static_cast<std::size_t>(8) * kStride);
    for (float& v : xs) v = dist(rng);
    const float* x[8];
    for (int b = 0; b < 8; ++b) x[b] = xs.data() + static_cast<std::size_t>(b) * kStride;
    nf::gen::AlignedFloats out(static_cast<std::size_t>(8) * kBlockRows);
    for (auto _ : state) {
        for (int r = 0; r < rows; r += kBlockRows)
            nf::gen::dotRows(w.data() + static_cast<std::size_t>(r) * kStride, kStride, kStride, kBlockRows, x, batch,
                             out.data(), kBlockRows);
        benchmark::DoNotOptimize(out.data());
        benchmark::ClobberMemory();
    }
    state.SetBytesProcessed(static_cast<std::int64_t>(state.iterations()) * rows * kStride * 4);
    state.counters["lane_fma_per_s"] = benchmark::Counter(static_cast<double>(rows) * kStride * batch,
                                                          benchmark::Counter::kIsIterationInvariantRate);
    state.SetLabel(nf::gen::kernelName());
}

void BM_DotRowsPaperMidi(benchmark::State& state) { dotRowsOver(state, 6144); }
void BM_DotRowsInL2(benchmark::State& state) { dotRowsOver(state, 64); }

BENCHMARK(BM_DotRowsPaperMidi)->DenseRange(1, 8, 1)->Unit(benchmark::kMillisecond);
BENCHMARK(BM_DotRowsInL2)->DenseRange(1, 8, 1)->Unit(benchmark::kMicrosecond);

}  // namespace

BENCHMARK_MAIN();
