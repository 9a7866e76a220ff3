// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <stdexcept>
#include <string>
#include <vector>

#include "tokenize/TokenizedCorpus.h"
#include "training/TrainBenchmark.h"
#include "training/Trainer.h"

struct nf_training_module;

namespace nf {

// Training is not built into the programs: it is a module, libnoteforge-training.so (packaged as
// noteforge-training), that links LibTorch. Generation, playback, editing, rendering and export never load it, so
// they start in milliseconds and install without LibTorch's ~550 MiB; `train`, `benchmark train` and the
// studio's Training panel load it when first used. The interface between the two is plain C
// (training/TrainingModuleAbi.h), so a module built with another LibTorch or C++ ABI loads safely.
//
// Where it is looked for, in this order; the first that loads is used:
//   1. the file named by $NF_TRAINING_MODULE, when set;
//   2. the user's own module, $XDG_DATA_HOME/noteforge/training/ (~/.local/share/...): one built against another
//      LibTorch, a CUDA one say, by packaging/build-training-module.sh;
//   3. the packaged one, beside the running program, EXE/../LIBDIR/noteforge/ (an installed, extracted or moved
//      tree, and the build tree, which mirrors that layout), then the configured install folder.
// A candidate that is there but cannot be used (not a library, missing libraries, another interface version) is
// refused with one line and the next is tried, so a broken GPU module leaves the musician on the packaged CPU one;
// refusals() says what was passed over and why.

// The module cannot be used: not installed, not loadable, or made for another version of this interface.
class TrainingModuleUnavailable : public std::runtime_error {
public:
    using std::runtime_error::runtime_error;
};

class TrainingModule {
public:
    // The process's module, loaded on first call (thread-safe) and kept until exit. Throws
    // TrainingModuleUnavailable with one line for the user (what is missing, where it looked, what to install);
    // a failed load is retried on the next call (the user may install the package meanwhile).
    static const TrainingModule& load();
    // Whether the module is loaded now; never loads it (cheap, for labels in the studio).
    static bool loaded();
    // The files load() tries, in order.
    static std::vector<std::string> searchPaths();
    // The first of them that exists, without loading it ("" when none does): whether training can be offered.
    static std::string locate();
    // Where the user's own module goes (item 2 above): $XDG_DATA_HOME/noteforge/training/libnoteforge-training.so.
    static std::string userModulePath();
    // The candidates load() passed over before the one it uses, one line each ("PATH: why"); empty when the first
    // candidate loaded or nothing is loaded yet.
    static std::vector<std::string> refusals();

    const std::string& path() const { return path_; }
    std::string noteforgeVersion() const;
    std::string torchVersion() const;
    std::string buildInfo() const;
    bool cudaAvailable() const;
    // Which item of the search order this module is (for the studio's words: "your own module").
    enum class Origin { Environment, User, Packaged };
    Origin origin() const;
    // One line for reports: "PATH (LibTorch 1.13.1, NoteForge 0.1.0, CUDA GPU: none)".
    std::string describe() const;

    // Trainer::run(), across the interface. Throws std::runtime_error with the engine's one-line message.
    TrainingResult train(const TrainingConfig& config, const TrainerOptions& options, const TokenizedCorpus& corpus,
                         TrainingObserver* observer, TrainingControl* control) const;
    TrainBenchmarkResult benchmark(const TrainBenchmarkOptions& options) const;
    double sgemmGflops(int n, int repeats, const std::string& device) const;

    TrainingModule(const nf_training_module* table, std::string path) : table_(table), path_(std::move(path)) {}

private:
    const nf_training_module* table_;
    std::string path_;
};

}  // namespace nf
