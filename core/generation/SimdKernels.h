// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <string>

namespace nf::gen {

// The arithmetic of incremental LSTM decoding, written for one job: multiply a block of weight rows by a handful of
// state vectors (one per generated variation) while the weights stream from memory exactly once.
//
// Why not LibTorch/BLAS: (1) a single-token step is a matrix-vector product, where call overheads and temporary
// tensors cost as much as the arithmetic; (2) BLAS picks another kernel for 1 row than for 8, so a variation
// generated in a batch would drift from the same seed generated alone. Here every output element is accumulated
// in the same order whatever the batch size or thread split, so batched and single runs are bit-identical.
//
// Lengths must be multiples of kPadding (callers pad with zeros). The widest path the CPU has is chosen at run time
// (AVX-512, else AVX2+FMA, else portable C++); each is deterministic, with its own rounding, so results (and
// recipes) are exact on machines that take the same path.
inline constexpr int kPadding = 16;
inline constexpr int kUnitBlock = 8;      // LSTM units per lstmCell() block
inline constexpr int kMaxBatchBlock = 8;  // most vectors per dotRows() call

// out[b * outStride + r] = sum_k w[r * rowStride + k] * x[b][k] for r < rows, b < batch, k < length.
// rowStride >= length; length % kPadding == 0; batch <= kMaxBatchBlock.
void dotRows(const float* w, int rowStride, int length, int rows, const float* const* x, int batch, float* out,
             int outStride);

// One LSTM cell update for n units (n % kUnitBlock == 0). `gates` holds, gate-major, the pre-activations
// [i(n) | f(n) | g(n) | o(n)] with biases already added: c = sigmoid(f) * c + sigmoid(i) * tanh(g);
// h = sigmoid(o) * tanh(c).
void lstmCell(const float* gates, float* c, float* h, int n);

// Which path runs: "avx512", "avx2-fma" or "portable".
std::string kernelName();

}  // namespace nf::gen
