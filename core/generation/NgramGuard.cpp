// SPDX-License-Identifier: GPL-3.0-or-later
#include "generation/NgramGuard.h"

#include <algorithm>
#include <cstring>

namespace nf {

namespace {
const std::vector<int> kNone;
}

std::string NgramGuard::keyOfLast(std::size_t count) const {
    std::string key(count * sizeof(int), '\0');
    std::memcpy(key.data(), history_.data() + (history_.size() - count), key.size());
    return key;
}

void NgramGuard::push(int token) {
    if (n_ < 2) return;
    const auto prefix = static_cast<std::size_t>(n_ - 1);
    if (history_.size() >= prefix) {
        auto& followers = next_[keyOfLast(prefix)];
        if (std::find(followers.begin(), followers.end(), token) == followers.end()) followers.push_back(token);
    }
    history_.push_back(token);
}

const std::vector<int>& NgramGuard::bannedNext() const {
    if (n_ < 2 || history_.size() < static_cast<std::size_t>(n_ - 1)) return kNone;
    const auto it = next_.find(keyOfLast(static_cast<std::size_t>(n_ - 1)));
    return it == next_.end() ? kNone : it->second;
}

}  // namespace nf
