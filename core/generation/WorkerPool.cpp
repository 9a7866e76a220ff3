// SPDX-License-Identifier: GPL-3.0-or-later
#include "generation/WorkerPool.h"

#include <algorithm>

#if defined(__x86_64__)
#include <immintrin.h>
#endif

namespace nf::gen {

namespace {

inline void cpuRelax() {
#if defined(__x86_64__)
    _mm_pause();
#else
    std::this_thread::yield();
#endif
}

// About 50-100 microseconds of spinning: longer than the gap between two sections of one token (sampling),
// far shorter than anything a person notices when the work ends.
constexpr int kSpinIterations = 20000;

}  // namespace

int resolveThreadCount(int requested) {
    if (requested > 0) return std::min(requested, 64);
    const unsigned hw = std::thread::hardware_concurrency();
    return static_cast<int>(std::clamp(hw == 0 ? 1u : hw, 1u, 16u));
}

WorkerPool::WorkerPool(int threads) {
    const int n = std::max(1, threads);
    workers_.reserve(static_cast<std::size_t>(n - 1));
    for (int i = 1; i < n; ++i) workers_.emplace_back([this, i] { workerLoop(i); });
}

WorkerPool::~WorkerPool() {
    stop_.store(true);
    epoch_.fetch_add(1);
    epoch_.notify_all();
    for (auto& t : workers_) t.join();
}

void WorkerPool::run(int parts, const std::function<void(int)>& fn) {
    if (parts <= 0) return;
    if (workers_.empty() || parts == 1) {
        for (int p = 0; p < parts; ++p) fn(p);
        return;
    }
    job_ = &fn;
    parts_ = parts;
    pending_.store(static_cast<int>(workers_.size()), std::memory_order_relaxed);
    // Sequentially consistent with the sleeper count (Dekker): a worker about to sleep either sees the new epoch
    // or is seen here and woken.
    epoch_.fetch_add(1);
    if (sleepers_.load() > 0) epoch_.notify_all();
    for (int p = 0; p < parts; p += threads()) fn(p);
    int spins = 0;
    while (pending_.load(std::memory_order_acquire) > 0) {
        if (++spins < kSpinIterations) cpuRelax();
        else std::this_thread::yield();
    }
    job_ = nullptr;
}

void WorkerPool::workerLoop(int index) {
    unsigned seen = 0;
    for (;;) {
        int spins = 0;
        unsigned now;
        while ((now = epoch_.load(std::memory_order_acquire)) == seen) {
            if (++spins < kSpinIterations) {
                cpuRelax();
                continue;
            }
            sleepers_.fetch_add(1);
            // Re-check after announcing: a run() that started in between may not have seen us as a sleeper.
            if (epoch_.load() == seen) epoch_.wait(seen);
            sleepers_.fetch_sub(1);
            spins = 0;
        }
        seen = now;
        if (stop_.load(std::memory_order_acquire)) return;
        const auto& fn = *job_;
        for (int p = index; p < parts_; p += threads()) fn(p);
        pending_.fetch_sub(1, std::memory_order_acq_rel);
    }
}

}  // namespace nf::gen
