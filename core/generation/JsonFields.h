// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <nlohmann/json.hpp>
#include <optional>
#include <stdexcept>
#include <string>
#include <tuple>

// A settings struct's JSON keys listed once, for writing and reading both, where the keys are not the members'
// names (recipes use snake_case) or the order of the keys is part of the format (recipes keep it, so NLOHMANN's
// macros, which take the members' names, do not fit). Include from .cpp files only: nlohmann-json is private to
// noteforge_core.
//
//   const auto fields = std::make_tuple(jsonField("top_k", &SamplingSettings::topK), ...);
//   std::string text = fieldsToJson(settings, fields);   auto s = fieldsFromJson<SamplingSettings>(text, fields, "...");
namespace nf {

template <typename S, typename T>
struct JsonField {
    const char* key;
    T S::*member;
    // What a missing key reads as, when not the struct's default (a field added later that must be off in files
    // written before it existed).
    std::optional<T> whenMissing;
};

template <typename S, typename T>
constexpr JsonField<S, T> jsonField(const char* key, T S::*member) {
    return {key, member, std::nullopt};
}

template <typename S, typename T>
constexpr JsonField<S, T> jsonField(const char* key, T S::*member, T whenMissing) {
    return {key, member, whenMissing};
}

namespace detail {

// std::optional is written as null when empty (nlohmann 3.11 knows no std::optional).
template <typename Json, typename T>
Json toJsonValue(const T& v) {
    return Json(v);
}
template <typename Json, typename T>
Json toJsonValue(const std::optional<T>& v) {
    return v ? Json(*v) : Json(nullptr);
}

template <typename T, typename Json>
void fromJsonValue(const Json& j, T& out) {
    out = j.template get<T>();
}
template <typename T, typename Json>
void fromJsonValue(const Json& j, std::optional<T>& out) {
    if (j.is_null()) out.reset();
    else out = j.template get<T>();
}

}  // namespace detail

// Writes the fields in the table's order (into an ordered_json that order is kept).
template <typename Json, typename S, typename... Fields>
void writeJsonFields(Json& j, const S& s, const std::tuple<Fields...>& fields) {
    std::apply([&](const auto&... f) { ((j[f.key] = detail::toJsonValue<Json>(s.*(f.member))), ...); }, fields);
}

// Reads the keys present; a missing key keeps the member's value in `s` (or the field's whenMissing). A value of
// the wrong type throws nlohmann::json::exception; an unknown enum word, std::invalid_argument.
template <typename Json, typename S, typename... Fields>
void readJsonFields(const Json& j, S& s, const std::tuple<Fields...>& fields) {
    auto readOne = [&](const auto& f) {
        if (j.contains(f.key)) detail::fromJsonValue(j.at(f.key), s.*(f.member));
        else if (f.whenMissing) s.*(f.member) = *f.whenMissing;
    };
    std::apply([&](const auto&... f) { (readOne(f), ...); }, fields);
}

// One line of JSON, the keys in the table's order.
template <typename S, typename... Fields>
std::string fieldsToJson(const S& s, const std::tuple<Fields...>& fields) {
    nlohmann::ordered_json j;
    writeJsonFields(j, s, fields);
    return j.dump();
}

// A default S with the keys of `text` read over it. Malformed JSON or a value of the wrong type throws
// std::runtime_error starting with `what`; an unknown enum word, std::invalid_argument.
template <typename S, typename... Fields>
S fieldsFromJson(const std::string& text, const std::tuple<Fields...>& fields, const char* what) {
    S s;
    try {
        readJsonFields(nlohmann::json::parse(text), s, fields);
    } catch (const nlohmann::json::exception& e) {
        throw std::runtime_error(std::string(what) + ": " + e.what());
    }
    return s;
}

}  // namespace nf
