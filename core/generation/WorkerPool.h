// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <atomic>
#include <functional>
#include <thread>
#include <vector>

namespace nf::gen {

// A fork-join pool for the many tiny parallel sections of token-by-token decoding (four or five per token, a few
// hundred microseconds each). A general thread pool (condition variables) or OpenMP's fork costs tens of
// microseconds per section; here idle workers spin briefly on an atomic and then sleep on it (C++20 wait/notify),
// so back-to-back sections start within a microsecond and a finished generation leaves no busy core behind.
//
// run(parts, fn) calls fn(0) .. fn(parts - 1), part p on thread p % threads(); the caller's thread takes part 0
// and returns when every part is done. Not reentrant; one caller at a time.
class WorkerPool {
public:
    explicit WorkerPool(int threads);
    ~WorkerPool();
    WorkerPool(const WorkerPool&) = delete;
    WorkerPool& operator=(const WorkerPool&) = delete;

    int threads() const { return static_cast<int>(workers_.size()) + 1; }
    void run(int parts, const std::function<void(int part)>& fn);

private:
    void workerLoop(int index);

    std::vector<std::thread> workers_;
    const std::function<void(int)>* job_ = nullptr;
    int parts_ = 0;
    std::atomic<unsigned> epoch_{0};
    std::atomic<int> pending_{0};
    std::atomic<int> sleepers_{0};
    std::atomic<bool> stop_{false};
};

// Threads to use when the user asks for `requested` (0 = every core).
int resolveThreadCount(int requested);

}  // namespace nf::gen
