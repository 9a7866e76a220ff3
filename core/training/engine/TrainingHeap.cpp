// SPDX-License-Identifier: GPL-3.0-or-later
#include "training/engine/TrainingHeap.h"

#include <climits>  // first: it defines __GLIBC__ on glibc systems

#if defined(__GLIBC__)
#include <malloc.h>
#endif

namespace nf::engine {

namespace {
#if defined(__GLIBC__)
// glibc's defaults (mallopt(3)): 128 KiB for both.
constexpr int kDefaultThreshold = 128 * 1024;
constexpr int kKeepBlocksBelow = 1 << 30;  // blocks up to 1 GiB come from the heap
#endif
}  // namespace

TrainingHeap::TrainingHeap() {
#if defined(__GLIBC__)
    mallopt(M_MMAP_THRESHOLD, kKeepBlocksBelow);
    mallopt(M_TRIM_THRESHOLD, INT_MAX);
#endif
}

TrainingHeap::~TrainingHeap() {
#if defined(__GLIBC__)
    mallopt(M_MMAP_THRESHOLD, kDefaultThreshold);
    mallopt(M_TRIM_THRESHOLD, kDefaultThreshold);
    malloc_trim(0);
#endif
}

}  // namespace nf::engine
