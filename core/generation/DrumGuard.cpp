// SPDX-License-Identifier: GPL-3.0-or-later
#include "generation/DrumGuard.h"

#include "drums/DrumTokenizer.h"

#include <algorithm>
#include <stdexcept>

namespace nf {

DrumGuard::DrumGuard(const Vocabulary& v, int bars, int stepsPerBar)
    : DrumGuard(v, std::vector<Bar>(static_cast<std::size_t>(std::max(1, bars)), Bar{stepsPerBar, -1})) {}

DrumGuard::DrumGuard(const Vocabulary& v, std::vector<Bar> bars) : bars_(std::move(bars)) {
    if (bars_.empty()) throw std::invalid_argument("drums: no bars to write");
    const auto need = [&](const char* token) {
        const auto id = v.find(token);
        if (!id) throw std::invalid_argument(std::string("not a drums model: its vocabulary has no ") + token);
        return *id;
    };
    step_ = need("S");
    bar_ = need("BAR");
    end_ = need("END");
    for (int i = 0; i < v.size(); ++i)
        if (const auto hit = drumHitOf(v.token(i))) {
            hits_.push_back(i);
            hitClass_.push_back(static_cast<int>(hit->first));
        }
    classUsed_.assign(kDrumClassCount, false);
}

void DrumGuard::startGenerating() {
    // The primer ends with BAR (and its meter): the first bar to write has begun.
    generating_ = true;
    barsStarted_ = 1;
    stepsDone_ = 0;
    nextStep();
    computeAllowed();
}

void DrumGuard::nextStep() {
    std::fill(classUsed_.begin(), classUsed_.end(), false);
    bandDone_ = 0;
}

const std::vector<int>* DrumGuard::bandOfStep() const {
    const auto bars = static_cast<int>(bars_.size());
    if (barsStarted_ < 1 || barsStarted_ > bars) return nullptr;
    const Bar& bar = bars_[static_cast<std::size_t>(barsStarted_ - 1)];
    if (stepsDone_ >= static_cast<int>(bar.band.size())) return nullptr;
    return &bar.band[static_cast<std::size_t>(stepsDone_)];
}

void DrumGuard::push(int token) {
    if (!generating_ || finished_) return;
    if (token == end_) {
        finished_ = true;
    } else if (token == bar_) {
        ++barsStarted_;
        stepsDone_ = 0;
        nextStep();
        meterDue_ = barsStarted_ <= static_cast<int>(bars_.size()) && bars_[static_cast<std::size_t>(barsStarted_ - 1)].meterToken >= 0;
    } else if (meterDue_) {
        meterDue_ = false;  // the meter token, the only one allowed
        nextStep();
    } else if (token == step_) {
        ++stepsDone_;
        nextStep();
    } else if (const auto* band = bandOfStep(); band && bandDone_ < band->size() && (*band)[bandDone_] == token) {
        ++bandDone_;
    } else {
        const auto it = std::find(hits_.begin(), hits_.end(), token);
        if (it != hits_.end()) classUsed_[static_cast<std::size_t>(hitClass_[static_cast<std::size_t>(it - hits_.begin())])] = true;
    }
    computeAllowed();
}

void DrumGuard::computeAllowed() {
    allowed_.clear();
    if (finished_) return;
    const auto bars = static_cast<int>(bars_.size());
    const Bar& bar = bars_[static_cast<std::size_t>(std::min(barsStarted_, bars) - 1)];
    if (meterDue_) {
        allowed_.push_back(bar.meterToken);
        return;
    }
    if (stepsDone_ >= bar.steps) {
        allowed_.push_back(barsStarted_ >= bars ? end_ : bar_);
        return;
    }
    if (const auto* band = bandOfStep(); band && bandDone_ < band->size()) {
        allowed_.push_back((*band)[bandDone_]);
        return;
    }
    for (std::size_t i = 0; i < hits_.size(); ++i)
        if (!classUsed_[static_cast<std::size_t>(hitClass_[i])]) allowed_.push_back(hits_[i]);
    allowed_.push_back(step_);
}

}  // namespace nf
