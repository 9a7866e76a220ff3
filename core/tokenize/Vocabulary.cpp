// SPDX-License-Identifier: GPL-3.0-or-later
#include "tokenize/Vocabulary.h"

#include <stdexcept>

namespace nf {

Vocabulary::Vocabulary(std::vector<std::string> tokens) {
    for (auto& t : tokens) add(t);
}

int Vocabulary::add(const std::string& token) {
    auto [it, inserted] = index_.try_emplace(token, static_cast<int>(tokens_.size()));
    if (inserted) tokens_.push_back(token);
    return it->second;
}

std::optional<int> Vocabulary::find(const std::string& token) const {
    auto it = index_.find(token);
    if (it == index_.end()) return std::nullopt;
    return it->second;
}

int Vocabulary::at(const std::string& token) const {
    auto it = index_.find(token);
    if (it == index_.end()) throw std::out_of_range("token '" + token + "' is not in the model's vocabulary");
    return it->second;
}

std::vector<std::int32_t> Vocabulary::encode(const std::vector<std::string>& tokens) const {
    std::vector<std::int32_t> ids;
    ids.reserve(tokens.size());
    for (const auto& t : tokens) ids.push_back(at(t));
    return ids;
}

std::vector<std::string> Vocabulary::decode(const std::vector<std::int32_t>& ids) const {
    std::vector<std::string> out;
    out.reserve(ids.size());
    for (auto id : ids) {
        if (id < 0 || id >= size()) throw std::out_of_range("token index " + std::to_string(id) + " is outside the vocabulary");
        out.push_back(tokens_[static_cast<std::size_t>(id)]);
    }
    return out;
}

}  // namespace nf
