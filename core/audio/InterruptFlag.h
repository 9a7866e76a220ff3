// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <atomic>

namespace nf {

// Ctrl+C (SIGINT) and SIGTERM for command-line front ends: the first signal sets the returned flag, which long jobs
// (render, play, record) poll to stop cleanly: all notes off, driver closed, partial files removed. A second
// signal falls back to the default action, so a stuck process can still be killed.
//
// Call it before the job starts any thread (a synth driver, a JACK or MIDI client): the signals are blocked in the
// calling thread, so every thread it starts afterwards inherits the block, and one watcher thread receives them
// with sigwait(). A signal handled on a JACK client's process thread interrupts that thread's wait for its next
// cycle; libjack then leaves the client unfinished in the server's graph, and the next client of the same name on
// that server was never run (CliJack.RecordWritesWhatAKeyboardPlayed after a Ctrl+C'd play: 3 in 25).
const std::atomic<bool>& installInterruptFlag();

}  // namespace nf
