// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

namespace nf {

// While audio plays, training must leave the audio thread a core: besides using cores - 1 threads, OpenMP's idle
// workers must sleep instead of spinning (OMP_WAIT_POLICY=passive), or they burn the spare core between steps.
// libgomp reads the variable once, when it is loaded, which is before main() runs, so setting it here is not
// enough: when it is unset, this sets it and restarts the program in place (same arguments) so the new process
// loads OpenMP with it. A value the user set is kept. If the restart fails the studio carries on (idle workers
// then spin, which costs CPU, not correctness). Call first thing in main().
void ensurePassiveOpenMp(char** argv);

}  // namespace nf
