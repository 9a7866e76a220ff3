// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <atomic>
#include <cstddef>
#include <memory>
#include <type_traits>

namespace nf {

// Lock-free single-producer / single-consumer queue of trivially copyable items with a fixed capacity chosen at
// construction (the only allocation). It is how the control thread talks to the audio thread: push() and pop() never
// lock, allocate or block, so either side may be the real-time one. One thread may push, one other thread may pop.
template <typename T>
class SpscRing {
    static_assert(std::is_trivially_copyable_v<T>, "items are copied on the audio thread");

public:
    // Capacity is rounded up to a power of two; one slot stays free to tell full from empty.
    explicit SpscRing(std::size_t capacity) {
        std::size_t n = 2;
        while (n < capacity + 1) n *= 2;
        mask_ = n - 1;
        slots_ = std::make_unique<T[]>(n);
    }

    // Realtime-safe. False when the queue is full (the item is dropped; the caller decides what that means).
    bool push(const T& item) noexcept {
        const std::size_t head = head_.load(std::memory_order_relaxed);
        const std::size_t next = (head + 1) & mask_;
        if (next == tail_.load(std::memory_order_acquire)) return false;
        slots_[head] = item;
        head_.store(next, std::memory_order_release);
        return true;
    }

    // Realtime-safe. False when empty.
    bool pop(T& item) noexcept {
        const std::size_t tail = tail_.load(std::memory_order_relaxed);
        if (tail == head_.load(std::memory_order_acquire)) return false;
        item = slots_[tail];
        tail_.store((tail + 1) & mask_, std::memory_order_release);
        return true;
    }

    // Realtime-safe; exact only when called from the consumer (or when both sides are idle).
    bool empty() const noexcept {
        return tail_.load(std::memory_order_acquire) == head_.load(std::memory_order_acquire);
    }
    std::size_t capacity() const noexcept { return mask_; }

private:
    std::size_t mask_ = 0;
    std::unique_ptr<T[]> slots_;
    // Separate cache lines so the producer's and the consumer's index writes do not bounce one line between cores.
    alignas(64) std::atomic<std::size_t> head_{0};  // next slot to write (producer)
    alignas(64) std::atomic<std::size_t> tail_{0};  // next slot to read (consumer)
};

}  // namespace nf
