// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <atomic>
#include <cstdint>
#include <functional>
#include <thread>
#include <vector>

namespace nf::gen {

// A fork-join pool for the many tiny parallel sections of token-by-token decoding (four or five per token, tens to
// hundreds of microseconds each). A general thread pool (condition variables) or OpenMP's fork costs tens of
// microseconds per section; here idle workers spin briefly on an atomic and then sleep on it (C++20 wait/notify).
//
// Parts are claimed dynamically, so a worker the OS has not scheduled (a busy machine) costs nothing: the calling
// thread takes every part nobody else claimed, and waits only for parts actually being worked on. Which thread
// runs a part must not change its result (the decoder guarantees that).
//
// run(parts, fn) calls fn(part, thread) once for every part < parts, thread < threads(); the caller's thread is
// thread 0. Returns when all parts are done. Not reentrant; one caller at a time.
class WorkerPool {
public:
    explicit WorkerPool(int threads);
    ~WorkerPool();
    WorkerPool(const WorkerPool&) = delete;
    WorkerPool& operator=(const WorkerPool&) = delete;

    int threads() const { return static_cast<int>(workers_.size()) + 1; }
    void run(int parts, const std::function<void(int part, int thread)>& fn);

private:
    using Job = std::function<void(int, int)>;
    void workerLoop(int thread);
    // Claims and runs parts of the section published as `epoch` until none is left.
    void work(std::uint32_t epoch, int thread);

    std::vector<std::thread> workers_;
    std::atomic<const Job*> job_{nullptr};
    // epoch (32 bits) | part count (16 bits) | next unclaimed part (16 bits): claiming with one compare-exchange
    // makes a late worker's claim on a finished section fail instead of running a stale part.
    std::atomic<std::uint64_t> ticket_{0};
    std::atomic<int> done_{0};
    std::atomic<std::uint32_t> epoch_{0};  // what idle workers wait on
    std::atomic<int> sleepers_{0};
    std::atomic<bool> stop_{false};
};

// Threads to use when the user asks for `requested` (0 = every core).
int resolveThreadCount(int requested);

}  // namespace nf::gen
