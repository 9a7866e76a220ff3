// SPDX-License-Identifier: GPL-3.0-or-later
// A training module from the future: its interface version is one this NoteForge does not know, so the programs
// must refuse it with a clear line instead of calling into a table whose layout they cannot trust.
#include "training/TrainingModuleAbi.h"

extern "C" __attribute__((visibility("default"))) const nf_training_module* nf_training_module_get(void) {
    static const nf_training_module table{999u, sizeof(nf_training_module), "9.9.9", "0.0", "fake", nullptr,
                                          nullptr, nullptr, nullptr};
    return &table;
}
