// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <array>
#include <ostream>
#include <stdexcept>
#include <string>
#include <string_view>
#include <type_traits>
#include <utility>
#include <vector>

namespace nf {

// Enums that files and command lines spell as words (a model's kind, an optimizer, a schedule). Each names its
// values once, beside its definition:
//
//   enum class LstmKernel { Auto, Fused, Aten };
//   NF_ENUM_WORDS(LstmKernel, "LSTM kernel", {LstmKernel::Auto, "auto"}, {LstmKernel::Fused, "fused"}, ...)
//
// toString() and parseEnum<E>() are then the only way between the words and the values, so a word is parsed once,
// where it enters (an option, a JSON file, a model file), and the code inside compares values; nlohmann::json reads
// and writes the enum as its word. `what` names the enum in messages ("unknown LSTM kernel 'x' ..."). The words
// are the file formats' own: never rename one, or files written before stop opening.
template <typename E>
struct EnumNames;

template <typename E>
concept NamedEnum = std::is_enum_v<E> && requires {
    EnumNames<E>::what;
    EnumNames<E>::values;
};

template <NamedEnum E>
std::string toString(E value) {
    for (const auto& [v, name] : EnumNames<E>::values)
        if (v == value) return std::string(name);
    // Only a value cast from an out-of-range integer gets here: a bug, not bad input.
    throw std::logic_error("no name for " + std::string(EnumNames<E>::what) + " value " +
                           std::to_string(static_cast<long long>(value)));
}

// The accepted words, in the table's order (for a command line's list of choices).
template <NamedEnum E>
std::vector<std::string> enumWords() {
    std::vector<std::string> out;
    for (const auto& [v, name] : EnumNames<E>::values) out.emplace_back(name);
    return out;
}

// The accepted words as a message lists them: "a, b or c".
template <NamedEnum E>
std::string enumChoices() {
    std::string out;
    const auto& values = EnumNames<E>::values;
    for (std::size_t i = 0; i < values.size(); ++i) {
        if (i > 0) out += i + 1 == values.size() ? " or " : ", ";
        out += values[i].second;
    }
    return out;
}

// Throws std::invalid_argument naming the word and the accepted ones: "unknown model 'x' (expected paper-midi,
// paper-abc or lstm)".
template <NamedEnum E>
E parseEnum(std::string_view word) {
    for (const auto& [v, name] : EnumNames<E>::values)
        if (name == word) return v;
    throw std::invalid_argument("unknown " + std::string(EnumNames<E>::what) + " '" + std::string(word) +
                                "' (expected " + enumChoices<E>() + ")");
}

// Streams the word (test messages, logs).
template <NamedEnum E>
std::ostream& operator<<(std::ostream& out, E value) {
    return out << toString(value);
}

}  // namespace nf

// The EnumNames specialisation of E, and nlohmann::json's to_json/from_json for it; put beside the enum, in
// namespace nf. The JSON functions are templates on the JSON type so that this header needs no JSON library, and
// take the enum by reference so that they win over nlohmann's own (which writes enums as integers). An unknown
// word throws parseEnum's error.
#define NF_ENUM_WORDS(E, WHAT, ...)                                                                    \
    template <>                                                                                        \
    struct EnumNames<E> {                                                                              \
        static constexpr std::string_view what = WHAT;                                                 \
        static constexpr auto values = std::to_array<std::pair<E, std::string_view>>({__VA_ARGS__});   \
    };                                                                                                 \
    template <typename BasicJson>                                                                      \
    void to_json(BasicJson& j, const E& value) {                                                       \
        j = ::nf::toString(value);                                                                     \
    }                                                                                                  \
    template <typename BasicJson>                                                                      \
    void from_json(const BasicJson& j, E& value) {                                                     \
        value = ::nf::parseEnum<E>(j.template get<std::string>());                                     \
    }
