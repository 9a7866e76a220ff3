// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <string>
#include <unordered_map>
#include <vector>

namespace nf {

// Remembers every n-gram of a growing token sequence and tells which next tokens would repeat one: the
// "no-repeat n-gram" guard. Keys are the exact n-1 preceding tokens (no hashing shortcuts, so nothing is banned
// by a collision). Amortised O(n) per token.
class NgramGuard {
public:
    explicit NgramGuard(int n = 0) : n_(n) {}

    int n() const { return n_; }
    void push(int token);
    // Tokens that would complete an n-gram already in the sequence (empty when off or too short).
    const std::vector<int>& bannedNext() const;

private:
    std::string keyOfLast(std::size_t count) const;

    int n_;
    std::vector<int> history_;
    std::unordered_map<std::string, std::vector<int>> next_;
};

}  // namespace nf
