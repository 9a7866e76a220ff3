// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <atomic>

namespace nf {

// Ctrl+C (SIGINT) and SIGTERM for command-line front ends: the first signal sets the returned flag, which long jobs
// (render, play, record) poll to stop cleanly: all notes off, driver closed, partial files removed. A second
// signal falls back to the default action, so a stuck process can still be killed.
const std::atomic<bool>& installInterruptFlag();

}  // namespace nf
