// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <cstddef>
#include <cstdlib>
#include <new>
#include <string>
#include <vector>

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

// Float storage on cache-line (64-byte) boundaries. With rows and strides padded to kPadding floats, every vector
// load of dotRows() then stays inside one cache line (std::vector's 16-byte alignment splits every AVX-512 load
// in two): about 10% for 8 variations when the weights are in L2, within noise when they stream from L3/memory.
template <class T>
struct CacheLineAllocator {
    using value_type = T;
    static constexpr std::size_t kAlignment = 64;
    CacheLineAllocator() = default;
    template <class U>
    CacheLineAllocator(const CacheLineAllocator<U>&) {}
    T* allocate(std::size_t n) {
        if (n > static_cast<std::size_t>(-1) / sizeof(T) - kAlignment) throw std::bad_array_new_length();
        const std::size_t bytes = (n * sizeof(T) + kAlignment - 1) / kAlignment * kAlignment;
        if (void* p = std::aligned_alloc(kAlignment, bytes)) return static_cast<T*>(p);
        throw std::bad_alloc();
    }
    void deallocate(T* p, std::size_t) { std::free(p); }
    template <class U>
    bool operator==(const CacheLineAllocator<U>&) const { return true; }
};
using AlignedFloats = std::vector<float, CacheLineAllocator<float>>;

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
