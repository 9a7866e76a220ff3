// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

namespace nf {

// OpenMP's idle workers (LibTorch and OpenBLAS use libgomp) must sleep instead of spinning (OMP_WAIT_POLICY=passive):
// in the studio, training must leave the audio thread a core; and on any machine doing something else, spinning
// workers fight the other programs for the cores (lstm training on 2 cores beside two busy processes, three paired
// runs: 290-513 tokens/s with libgomp's default spinning, 492-6,800 passive; on a quiet machine 10.8k and 11.0k,
// while `benchmark train`'s bare step is about 8% slower passive).
// libgomp reads the variable once, when it is loaded. LibTorch arrives later, with the training module, but
// FluidSynth links libgomp, so in a build with sound it is loaded before main() runs and setting the variable is
// not enough: then, when it is unset, this sets it and restarts the program in place (same arguments) so the new
// process loads OpenMP with it; when libgomp is not loaded yet, setting it suffices. A value the user set is kept.
// If the restart fails the program carries on (idle workers then spin, which costs speed, not correctness). Call
// first thing in main(): the studio always, the CLI for `train` (quick subcommands skip the restart).
void ensurePassiveOpenMp(char** argv);

// The OMP_WAIT_POLICY this process runs with, for reports: its value, or "(default)" when unset.
const char* openMpWaitPolicy();

}  // namespace nf
