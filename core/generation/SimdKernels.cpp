// SPDX-License-Identifier: GPL-3.0-or-later
#include "generation/SimdKernels.h"

#include <algorithm>
#include <cmath>
#include <cstdint>

#if defined(__x86_64__) && defined(__GNUC__)
#include <immintrin.h>
#define NF_HAVE_X86_KERNELS 1
#define NF_AVX2 __attribute__((target("avx2,fma")))
#define NF_AVX512 __attribute__((target("avx512f,avx2,fma")))
#endif

namespace nf::gen {

namespace {

constexpr int kLanes = 8;  // the portable and AVX2 paths' accumulator width

// Rows processed together for a batch of NB vectors: enough independent accumulators to hide the FMA latency
// without running out of registers.
constexpr int rowsPerBlock(int nb) { return nb <= 2 ? 4 : nb <= 4 ? 2 : 1; }

// Prefetch hint for the rows two row-groups ahead (into L2), so the weight stream from L3 or memory is already on its
// way while the current rows are multiplied: about 1.35x for one sequence and for eight on 22 MB of weights. Integer
// arithmetic, because the address may lie past the matrix (a prefetch never faults).
#ifdef NF_HAVE_X86_KERNELS
inline void prefetchAhead(const float* w, long floats) {
    _mm_prefetch(reinterpret_cast<const char*>(reinterpret_cast<std::uintptr_t>(w) + static_cast<std::uintptr_t>(floats) * sizeof(float)),
                 _MM_HINT_T1);
}
#endif

// ---- portable path ---------------------------------------------------------------------------------------------

template <int R, int NB>
void dotBlockPortable(const float* w, int rowStride, int length, const float* const* x, float* out, int outStride) {
    float acc[R][NB][kLanes] = {};
    for (int k = 0; k < length; k += kLanes)
        for (int r = 0; r < R; ++r)
            for (int b = 0; b < NB; ++b)
                for (int l = 0; l < kLanes; ++l) acc[r][b][l] += w[r * rowStride + k + l] * x[b][k + l];
    for (int r = 0; r < R; ++r)
        for (int b = 0; b < NB; ++b) {
            const float* a = acc[r][b];
            out[b * outStride + r] = ((a[0] + a[4]) + (a[2] + a[6])) + ((a[1] + a[5]) + (a[3] + a[7]));
        }
}

template <int NB>
void dotRowsPortable(const float* w, int rowStride, int length, int rows, const float* const* x, float* out,
                     int outStride) {
    constexpr int R = rowsPerBlock(NB);
    int r = 0;
    for (; r + R <= rows; r += R)
        dotBlockPortable<R, NB>(w + static_cast<long>(r) * rowStride, rowStride, length, x, out + r, outStride);
    for (; r < rows; ++r)
        dotBlockPortable<1, NB>(w + static_cast<long>(r) * rowStride, rowStride, length, x, out + r, outStride);
}

float sigmoidScalar(float v) { return 1.0f / (1.0f + std::exp(-v)); }

void lstmCellPortable(const float* gates, float* c, float* h, int n) {
    for (int j = 0; j < n; ++j) {
        const float i = sigmoidScalar(gates[j]);
        const float f = sigmoidScalar(gates[n + j]);
        const float g = std::tanh(gates[2 * n + j]);
        const float o = sigmoidScalar(gates[3 * n + j]);
        c[j] = f * c[j] + i * g;
        h[j] = o * std::tanh(c[j]);
    }
}

// ---- AVX2 + FMA path -------------------------------------------------------------------------------------------

#ifdef NF_HAVE_X86_KERNELS

NF_AVX2 inline float horizontalSum(__m256 v) {
    __m128 s = _mm_add_ps(_mm256_castps256_ps128(v), _mm256_extractf128_ps(v, 1));
    s = _mm_add_ps(s, _mm_movehl_ps(s, s));
    s = _mm_add_ss(s, _mm_shuffle_ps(s, s, 1));
    return _mm_cvtss_f32(s);
}

template <int R, int NB>
NF_AVX2 void dotBlockAvx(const float* w, int rowStride, int length, const float* const* x, float* out, int outStride) {
    __m256 acc[R][NB];
    for (int r = 0; r < R; ++r)
        for (int b = 0; b < NB; ++b) acc[r][b] = _mm256_setzero_ps();
    for (int k = 0; k < length; k += kLanes) {
        if ((k & 15) == 0)
            for (int r = 0; r < R; ++r) prefetchAhead(w, static_cast<long>(2 * R + r) * rowStride + k);
        if constexpr (R == 1) {
            const __m256 wv = _mm256_loadu_ps(w + k);
            for (int b = 0; b < NB; ++b) acc[0][b] = _mm256_fmadd_ps(wv, _mm256_loadu_ps(x[b] + k), acc[0][b]);
        } else {
            __m256 xv[NB];
            for (int b = 0; b < NB; ++b) xv[b] = _mm256_loadu_ps(x[b] + k);
            for (int r = 0; r < R; ++r) {
                const __m256 wv = _mm256_loadu_ps(w + r * rowStride + k);
                for (int b = 0; b < NB; ++b) acc[r][b] = _mm256_fmadd_ps(wv, xv[b], acc[r][b]);
            }
        }
    }
    for (int r = 0; r < R; ++r)
        for (int b = 0; b < NB; ++b) out[b * outStride + r] = horizontalSum(acc[r][b]);
}

template <int NB>
NF_AVX2 void dotRowsAvx(const float* w, int rowStride, int length, int rows, const float* const* x, float* out,
                        int outStride) {
    constexpr int R = rowsPerBlock(NB);
    int r = 0;
    for (; r + R <= rows; r += R)
        dotBlockAvx<R, NB>(w + static_cast<long>(r) * rowStride, rowStride, length, x, out + r, outStride);
    for (; r < rows; ++r)
        dotBlockAvx<1, NB>(w + static_cast<long>(r) * rowStride, rowStride, length, x, out + r, outStride);
}

// exp(x) for |x| < 88 with Cephes' single-precision polynomial (about 1 ulp), 8 lanes at a time.
NF_AVX2 inline __m256 expAvx(__m256 x) {
    x = _mm256_min_ps(_mm256_max_ps(x, _mm256_set1_ps(-87.3f)), _mm256_set1_ps(88.3f));
    const __m256 n = _mm256_round_ps(_mm256_mul_ps(x, _mm256_set1_ps(1.44269504088896341f)),
                                     _MM_FROUND_TO_NEAREST_INT | _MM_FROUND_NO_EXC);
    __m256 r = _mm256_fnmadd_ps(n, _mm256_set1_ps(0.693359375f), x);
    r = _mm256_fnmadd_ps(n, _mm256_set1_ps(-2.12194440e-4f), r);
    __m256 y = _mm256_set1_ps(1.9875691500e-4f);
    y = _mm256_fmadd_ps(y, r, _mm256_set1_ps(1.3981999507e-3f));
    y = _mm256_fmadd_ps(y, r, _mm256_set1_ps(8.3334519073e-3f));
    y = _mm256_fmadd_ps(y, r, _mm256_set1_ps(4.1665795894e-2f));
    y = _mm256_fmadd_ps(y, r, _mm256_set1_ps(1.6666665459e-1f));
    y = _mm256_fmadd_ps(y, r, _mm256_set1_ps(5.0000001201e-1f));
    y = _mm256_fmadd_ps(y, _mm256_mul_ps(r, r), r);
    y = _mm256_add_ps(y, _mm256_set1_ps(1.0f));
    const __m256i e = _mm256_slli_epi32(_mm256_add_epi32(_mm256_cvtps_epi32(n), _mm256_set1_epi32(127)), 23);
    return _mm256_mul_ps(y, _mm256_castsi256_ps(e));
}

NF_AVX2 inline __m256 sigmoidAvx(__m256 x) {
    const __m256 one = _mm256_set1_ps(1.0f);
    return _mm256_div_ps(one, _mm256_add_ps(one, expAvx(_mm256_sub_ps(_mm256_setzero_ps(), x))));
}

// tanh(x) = 1 - 2 / (exp(2x) + 1): saturates cleanly to +-1 where exp over- or underflows.
NF_AVX2 inline __m256 tanhAvx(__m256 x) {
    const __m256 one = _mm256_set1_ps(1.0f);
    const __m256 e = expAvx(_mm256_add_ps(x, x));
    return _mm256_sub_ps(one, _mm256_div_ps(_mm256_set1_ps(2.0f), _mm256_add_ps(e, one)));
}

NF_AVX2 void lstmCellAvx(const float* gates, float* c, float* h, int n) {
    for (int j = 0; j < n; j += kLanes) {
        const __m256 i = sigmoidAvx(_mm256_loadu_ps(gates + j));
        const __m256 f = sigmoidAvx(_mm256_loadu_ps(gates + n + j));
        const __m256 g = tanhAvx(_mm256_loadu_ps(gates + 2 * n + j));
        const __m256 o = sigmoidAvx(_mm256_loadu_ps(gates + 3 * n + j));
        const __m256 cNew = _mm256_fmadd_ps(f, _mm256_loadu_ps(c + j), _mm256_mul_ps(i, g));
        _mm256_storeu_ps(c + j, cNew);
        _mm256_storeu_ps(h + j, _mm256_mul_ps(o, tanhAvx(cNew)));
    }
}

// AVX-512: four rows at a time and at most four vectors per pass (16 accumulators, few loads per multiply-add);
// larger batches take several passes over the weights, which stay in cache, rather than more registers.
// Halves folded in registers, in the same order for every accumulator. GCC 12 warns wrongly (-Wuninitialized)
// inside its own AVX-512 cast/shuffle intrinsics, hence the local pragma.
#pragma GCC diagnostic push
#pragma GCC diagnostic ignored "-Wuninitialized"
#pragma GCC diagnostic ignored "-Wmaybe-uninitialized"
NF_AVX512 inline float horizontalSum512(__m512 v) {
    const __m512 folded = _mm512_add_ps(v, _mm512_shuffle_f32x4(v, v, 0xEE));
    const __m256 lo = _mm512_castps512_ps256(folded);
    __m128 s = _mm_add_ps(_mm256_castps256_ps128(lo), _mm256_extractf128_ps(lo, 1));
    s = _mm_add_ps(s, _mm_movehl_ps(s, s));
    s = _mm_add_ss(s, _mm_shuffle_ps(s, s, 1));
    return _mm_cvtss_f32(s);
}
#pragma GCC diagnostic pop

template <int R, int NB>
NF_AVX512 void dotBlockAvx512(const float* w, int rowStride, int length, const float* const* x, float* out, int outStride) {
    __m512 acc[R][NB];
    for (int r = 0; r < R; ++r)
        for (int b = 0; b < NB; ++b) acc[r][b] = _mm512_setzero_ps();
    for (int k = 0; k < length; k += 16) {
        __m512 wv[R];
        for (int r = 0; r < R; ++r) {
            prefetchAhead(w, static_cast<long>(2 * R + r) * rowStride + k);
            wv[r] = _mm512_loadu_ps(w + r * rowStride + k);
        }
        for (int b = 0; b < NB; ++b) {
            const __m512 xv = _mm512_loadu_ps(x[b] + k);
            for (int r = 0; r < R; ++r) acc[r][b] = _mm512_fmadd_ps(wv[r], xv, acc[r][b]);
        }
    }
    for (int r = 0; r < R; ++r)
        for (int b = 0; b < NB; ++b) out[b * outStride + r] = horizontalSum512(acc[r][b]);
}

template <int NB>
NF_AVX512 void dotRowsAvx512(const float* w, int rowStride, int length, int rows, const float* const* x, float* out,
                             int outStride) {
    int r = 0;
    for (; r + 4 <= rows; r += 4)
        dotBlockAvx512<4, NB>(w + static_cast<long>(r) * rowStride, rowStride, length, x, out + r, outStride);
    for (; r < rows; ++r)
        dotBlockAvx512<1, NB>(w + static_cast<long>(r) * rowStride, rowStride, length, x, out + r, outStride);
}

bool detectAvx512() {
    __builtin_cpu_init();
    return __builtin_cpu_supports("avx512f") && __builtin_cpu_supports("avx2") && __builtin_cpu_supports("fma");
}

bool detectAvx2() {
    __builtin_cpu_init();
    return __builtin_cpu_supports("avx2") && __builtin_cpu_supports("fma");
}

#endif

bool useAvx512() {
#ifdef NF_HAVE_X86_KERNELS
    static const bool yes = detectAvx512();
    return yes;
#else
    return false;
#endif
}

bool useAvx2() {
#ifdef NF_HAVE_X86_KERNELS
    static const bool yes = detectAvx2();
    return yes;
#else
    return false;
#endif
}

using DotFn = void (*)(const float*, int, int, int, const float* const*, float*, int);

template <template <int> class Table>
DotFn pick(int batch) {
    switch (batch) {
        case 1: return Table<1>::fn;
        case 2: return Table<2>::fn;
        case 3: return Table<3>::fn;
        case 4: return Table<4>::fn;
        case 5: return Table<5>::fn;
        case 6: return Table<6>::fn;
        case 7: return Table<7>::fn;
        default: return Table<8>::fn;
    }
}

template <int NB>
struct PortableTable {
    static constexpr DotFn fn = &dotRowsPortable<NB>;
};
#ifdef NF_HAVE_X86_KERNELS
template <int NB>
struct AvxTable {
    static constexpr DotFn fn = &dotRowsAvx<NB>;
};
template <int NB>
struct Avx512Table {
    static constexpr DotFn fn = &dotRowsAvx512<NB>;
};
#endif

}  // namespace

void dotRows(const float* w, int rowStride, int length, int rows, const float* const* x, int batch, float* out,
             int outStride) {
    if (batch <= 0 || rows <= 0) return;
#ifdef NF_HAVE_X86_KERNELS
    if (useAvx512()) {
        for (int b0 = 0; b0 < batch; b0 += 4)
            pick<Avx512Table>(std::min(4, batch - b0))(w, rowStride, length, rows, x + b0, out + b0 * outStride, outStride);
        return;
    }
    if (useAvx2()) return pick<AvxTable>(batch)(w, rowStride, length, rows, x, out, outStride);
#endif
    pick<PortableTable>(batch)(w, rowStride, length, rows, x, out, outStride);
}

void lstmCell(const float* gates, float* c, float* h, int n) {
#ifdef NF_HAVE_X86_KERNELS
    if (useAvx2()) return lstmCellAvx(gates, c, h, n);
#endif
    lstmCellPortable(gates, c, h, n);
}

std::string kernelName() { return useAvx512() ? "avx512" : useAvx2() ? "avx2-fma" : "portable"; }

}  // namespace nf::gen
