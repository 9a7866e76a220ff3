// SPDX-License-Identifier: GPL-3.0-or-later
#include "generation/LinearKernel.h"

#include <algorithm>
#include <cstddef>

namespace nf::gen {

namespace {

// Below this many multiply-adds a section runs on one thread: waking a worker would cost more than it saves.
constexpr double kMinParallelMacs = 32768;
// Parts per thread and section: small enough that a thread the OS preempts holds the others up only briefly
// (parts are claimed dynamically), large enough that claiming costs nothing.
constexpr int kPartsPerThread = 8;

}  // namespace

void linearForward(WorkerPool& pool, const LinearWeights& lin, const float* in, int inStride, float* out, int outStride,
                   int rows) {
    const double macs = static_cast<double>(rows) * lin.inputSize * lin.outputs;
    const int parts =
        macs < kMinParallelMacs ? 1 : std::min(pool.threads() * kPartsPerThread, std::max(1, lin.outputs / kUnitBlock));
    pool.run(parts, [&](int part, int) {
        const int units = (lin.outputs + kUnitBlock - 1) / kUnitBlock;
        const int o0 = std::min(lin.outputs, units * part / parts * kUnitBlock);
        const int o1 = std::min(lin.outputs, units * (part + 1) / parts * kUnitBlock);
        const float* xs[kMaxBatchBlock];
        for (int r0 = 0; r0 < rows; r0 += kMaxBatchBlock) {
            const int nb = std::min(kMaxBatchBlock, rows - r0);
            for (int i = 0; i < nb; ++i) xs[i] = in + static_cast<std::size_t>(r0 + i) * static_cast<std::size_t>(inStride);
            float* o = out + static_cast<std::size_t>(r0) * static_cast<std::size_t>(outStride) + o0;
            dotRows(lin.weight.data() + static_cast<std::size_t>(o0) * static_cast<std::size_t>(lin.inputSize),
                    lin.inputSize, lin.inputSize, o1 - o0, xs, nb, o, outStride);
            if (lin.bias.empty()) continue;
            for (int i = 0; i < nb; ++i) {
                float* oi = o + static_cast<std::size_t>(i) * static_cast<std::size_t>(outStride);
                for (int k = o0; k < o1; ++k) oi[k - o0] += lin.bias[static_cast<std::size_t>(k)];
            }
        }
    });
}

}  // namespace nf::gen
