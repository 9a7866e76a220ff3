// SPDX-License-Identifier: GPL-3.0-or-later
#include "training/TrainingMetrics.h"

#include "training/MetricsRowJson.h"
#include <stdexcept>

namespace nf {

namespace {
template <typename T>
nlohmann::json optionalJson(const std::optional<T>& v) {
    return v ? nlohmann::json(*v) : nlohmann::json(nullptr);
}
template <typename T>
std::optional<T> optionalFrom(const nlohmann::json& j, const char* key) {
    if (!j.contains(key) || j.at(key).is_null()) return std::nullopt;
    return j.at(key).get<T>();
}
}  // namespace

nlohmann::json metricsRowJson(const MetricsRow& r) {
    nlohmann::json j{{"epoch", r.epoch},
                     {"step", optionalJson(r.step)},
                     {"wall_s", r.wallSeconds},
                     {"train_loss", r.trainLoss},
                     {"train_acc", r.trainAccuracy},
                     {"val_loss", optionalJson(r.valLoss)},
                     {"val_acc", optionalJson(r.valAccuracy)},
                     {"val_ppl", optionalJson(r.valPerplexity)},
                     {"tokens_per_s", r.tokensPerSecond},
                     {"lr", r.learningRate},
                     {"epoch_s", r.epochSeconds}};
    if (r.criticLoss) j["critic_loss"] = *r.criticLoss;  // drum GANs only: other files unchanged
    return j;
}

MetricsRow metricsRowFrom(const nlohmann::json& e) {
    MetricsRow r;
    r.epoch = e.at("epoch").get<int>();
    r.step = optionalFrom<std::int64_t>(e, "step");
    r.wallSeconds = e.value("wall_s", 0.0);
    r.trainLoss = e.value("train_loss", 0.0);
    r.trainAccuracy = e.value("train_acc", 0.0);
    r.valLoss = optionalFrom<double>(e, "val_loss");
    r.valAccuracy = optionalFrom<double>(e, "val_acc");
    r.valPerplexity = optionalFrom<double>(e, "val_ppl");
    r.tokensPerSecond = e.value("tokens_per_s", 0.0);
    r.learningRate = e.value("lr", 0.0);
    r.epochSeconds = e.value("epoch_s", 0.0);
    r.criticLoss = optionalFrom<double>(e, "critic_loss");
    return r;
}

std::string metricsToJson(const std::vector<MetricsRow>& rows) {
    nlohmann::json arr = nlohmann::json::array();
    for (const auto& r : rows) arr.push_back(metricsRowJson(r));
    return nlohmann::json{{"history", arr}}.dump();
}

std::vector<MetricsRow> metricsFromJson(const std::string& text) {
    std::vector<MetricsRow> rows;
    try {
        const auto j = nlohmann::json::parse(text);
        if (!j.contains("history")) return rows;
        for (const auto& e : j.at("history")) rows.push_back(metricsRowFrom(e));
    } catch (const nlohmann::json::exception& e) {
        throw std::runtime_error(std::string("malformed metrics history: ") + e.what());
    }
    return rows;
}

}  // namespace nf
