// SPDX-License-Identifier: GPL-3.0-or-later
// The programs' side of training: everything goes through the training module (training/TrainingModule.h).
#include "training/Trainer.h"

#include "training/TrainingModule.h"

namespace nf {

struct Trainer::Impl {
    TrainingConfig config;
    TrainerOptions options;
};

Trainer::Trainer(TrainingConfig config, TrainerOptions options)
    : impl_(std::make_unique<Impl>(Impl{std::move(config), std::move(options)})) {}

Trainer::~Trainer() = default;

TrainingResult Trainer::run(const TokenizedCorpus& corpus, TrainingObserver* observer, TrainingControl* control) {
    if (impl_->options.modelPath.empty()) throw std::runtime_error("no output model path given");
    return TrainingModule::load().train(impl_->config, impl_->options, corpus, observer, control);
}

std::string torchVersion() {
    try {
        return TrainingModule::load().torchVersion();
    } catch (const TrainingModuleUnavailable&) {
        return {};
    }
}

bool cudaAvailable() {
    try {
        return TrainingModule::load().cudaAvailable();
    } catch (const TrainingModuleUnavailable&) {
        return false;
    }
}

}  // namespace nf
