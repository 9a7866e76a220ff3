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
constexpr int kMaxParts = 0xFFFF;

std::uint64_t makeTicket(std::uint32_t epoch, int parts, int next) {
    return (static_cast<std::uint64_t>(epoch) << 32) | (static_cast<std::uint64_t>(parts) << 16) |
           static_cast<std::uint64_t>(next);
}

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

void WorkerPool::work(std::uint32_t epoch, int thread) {
    std::uint64_t t = ticket_.load(std::memory_order_acquire);
    for (;;) {
        const auto e = static_cast<std::uint32_t>(t >> 32);
        const int parts = static_cast<int>((t >> 16) & 0xFFFF);
        const int next = static_cast<int>(t & 0xFFFF);
        if (e != epoch || next >= parts) return;
        if (!ticket_.compare_exchange_weak(t, t + 1, std::memory_order_acq_rel, std::memory_order_acquire)) continue;
        // The section cannot end while this claimed part is unfinished, so job_ is still this section's.
        (*job_.load(std::memory_order_acquire))(next, thread);
        done_.fetch_add(1, std::memory_order_acq_rel);
        t = ticket_.load(std::memory_order_acquire);
    }
}

void WorkerPool::run(int parts, const std::function<void(int, int)>& fn) {
    if (parts <= 0) return;
    if (workers_.empty() || parts == 1) {
        for (int p = 0; p < parts; ++p) fn(p, 0);
        return;
    }
    parts = std::min(parts, kMaxParts);
    const std::uint32_t epoch = epoch_.load(std::memory_order_relaxed) + 1;
    job_.store(&fn, std::memory_order_release);
    done_.store(0, std::memory_order_relaxed);
    ticket_.store(makeTicket(epoch, parts, 0), std::memory_order_release);
    // Sequentially consistent with the sleeper count (Dekker): a worker about to sleep either sees the new epoch
    // or is seen here and woken.
    epoch_.store(epoch);
    if (sleepers_.load() > 0) epoch_.notify_all();
    work(epoch, 0);
    int spins = 0;
    while (done_.load(std::memory_order_acquire) < parts) {
        if (++spins < kSpinIterations) cpuRelax();
        else std::this_thread::yield();
    }
}

void WorkerPool::workerLoop(int thread) {
    std::uint32_t seen = 0;
    for (;;) {
        int spins = 0;
        std::uint32_t now;
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
        work(now, thread);
    }
}

}  // namespace nf::gen
