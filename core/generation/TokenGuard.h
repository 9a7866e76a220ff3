// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <functional>
#include <memory>

#include "generation/TokenSampler.h"

namespace nf {

// A grammar that follows one generated sequence and limits each step (the remi guard: fill format, controls,
// hard constraints). The generator pushes the primer and every chosen token; limits() are the next step's.
class TokenGuard {
public:
    virtual ~TokenGuard() = default;
    virtual void push(int token) = 0;
    // Called once, after the primer was pushed and before the first generated token.
    virtual void startGenerating() {}
    virtual TokenLimits limits() const = 0;
    // The sequence is complete (the last pushed token ended it).
    virtual bool finished() const = 0;
};

// One guard per variation.
using TokenGuardFactory = std::function<std::unique_ptr<TokenGuard>()>;

}  // namespace nf
