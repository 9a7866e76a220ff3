// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

namespace nf::engine {

// While it lives, memory freed by training stays in the process for the next step instead of going back to the
// operating system. Every training step allocates and frees the same large activations (the transformer small's
// attention scores alone are 25 MB a layer); glibc's malloc served them with fresh mmap()s or gave the top of its
// heap back after each step, so every step paid page faults to zero the memory again: `benchmark train --model
// transformer --threads 1` took 1.57 s a step (median; 0.81-2.07) against 0.82 s (0.82-0.83) with the memory kept,
// and PyTorch's Python API 0.91 s. Not a NoteForge allocator: two mallopt() settings (large blocks from the heap,
// the heap not trimmed), put back when the run ends, and malloc_trim() then returns what training used (the studio
// lives on after a run). glibc only; elsewhere it does nothing. Not thread-safe against another TrainingHeap: one
// training run at a time, as the studio and the CLI do.
class TrainingHeap {
public:
    TrainingHeap();
    ~TrainingHeap();
    TrainingHeap(const TrainingHeap&) = delete;
    TrainingHeap& operator=(const TrainingHeap&) = delete;
};

}  // namespace nf::engine
