// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <vector>

#include "generation/TokenGuard.h"
#include "tokenize/Vocabulary.h"

namespace nf {

// Keeps a `drums` model's output (drums/DrumTokenizer.h) to whole bars: after the primer's BAR, bar i gets its
// meter token first where it has one (a meter change, as the tokenizer writes it), then exactly its steps (hits,
// each class at most once a step, then S), then BAR, until every bar is written; then END. A young model that
// would end early or write a 17-step bar cannot. A model that follows the band (TokenizerSettings::bandOnsets) is
// given each step's band tokens (Bar::band) before it writes the step's hits: those are forced, one by one, and no
// other step gets any.
class DrumGuard final : public TokenGuard {
public:
    DrumGuard(const Vocabulary& vocabulary, int bars, int stepsPerBar);
    struct Bar {
        int steps = 16;
        int meterToken = -1;  // the TS token to write right after this bar's BAR; -1: none (the first bar's is
                              // in the primer)
        std::vector<std::vector<int>> band;  // per step, the band tokens (ids) it begins with; empty: none
    };
    // Bars of different lengths (a pickup, meter changes): one entry per bar.
    explicit DrumGuard(const Vocabulary& vocabulary, std::vector<Bar> bars);

    void push(int token) override;
    void startGenerating() override;
    TokenLimits limits() const override { return {allowed_, {}}; }
    bool finished() const override { return finished_; }

private:
    void computeAllowed();
    void nextStep();
    const std::vector<int>* bandOfStep() const;  // the open step's band tokens, if any

    std::vector<int> hits_;        // every H_ token
    std::vector<int> hitClass_;    // parallel: its DrumClass
    int step_ = -1, bar_ = -1, end_ = -1;
    std::vector<Bar> bars_;
    bool meterDue_ = false;
    bool generating_ = false;
    bool finished_ = false;
    int barsStarted_ = 0;
    int stepsDone_ = 0;
    std::size_t bandDone_ = 0;     // band tokens given in the open step
    std::vector<bool> classUsed_;  // in the open step
    std::vector<int> allowed_;
};

}  // namespace nf
