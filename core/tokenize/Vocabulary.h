// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <unordered_map>
#include <vector>

namespace nf {

// Token strings <-> dense indices. Index order is the order tokens were added, which the corpus builder makes
// deterministic (sorted), so the same data always gives the same vocabulary and a model file stores it as a list.
class Vocabulary {
public:
    Vocabulary() = default;
    explicit Vocabulary(std::vector<std::string> tokens);

    // Adds a token if new; returns its index.
    int add(const std::string& token);
    std::optional<int> find(const std::string& token) const;
    // Index of a token that must exist; throws std::out_of_range naming the token otherwise.
    int at(const std::string& token) const;
    const std::string& token(int index) const { return tokens_.at(static_cast<std::size_t>(index)); }
    int size() const { return static_cast<int>(tokens_.size()); }
    bool empty() const { return tokens_.empty(); }
    const std::vector<std::string>& tokens() const { return tokens_; }

    std::vector<std::int32_t> encode(const std::vector<std::string>& tokens) const;
    std::vector<std::string> decode(const std::vector<std::int32_t>& ids) const;

    bool operator==(const Vocabulary& o) const { return tokens_ == o.tokens_; }

private:
    std::vector<std::string> tokens_;
    std::unordered_map<std::string, int> index_;
};

}  // namespace nf
