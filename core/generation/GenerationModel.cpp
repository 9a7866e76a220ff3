// SPDX-License-Identifier: GPL-3.0-or-later
#include "generation/GenerationModel.h"

#include "dataset/BaseModels.h"

#include <nlohmann/json.hpp>

#include "generation/LstmDecoder.h"
#include "generation/TransformerDecoder.h"
#include "tokenize/Fnv1a.h"
#include "training/ModelAdapter.h"

namespace nf {

GenerationModel GenerationModel::open(const std::string& given) {
    const std::string resolved = resolveBaseModel(given);
    const std::string& path = resolved.empty() ? given : resolved;
    const auto bytes = readModelFileBytes(path);
    const ModelFile file = openModelFile(bytes, path);  // an adapter: folded into its base
    GenerationModel m;
    m.path_ = path;
    Fnv1a hash;
    hash.add(bytes.data(), bytes.size());
    m.fingerprint_ = hash.hex();
    try {
        m.config_ = TrainingConfig::fromJson(file.configJson);
        m.config_.validate();
        m.history_ = metricsFromJson(file.metricsJson);
        m.tokenizer_ = makeTokenizer(m.config_.tokenizer);
    } catch (const std::exception& e) {
        throw ModelFileError(path + ": damaged configuration: " + e.what());
    }
    m.vocab_ = Vocabulary(file.vocabulary);
    if (m.vocab_.size() < 1 || m.vocab_.size() != m.config_.model.vocabSize)
        throw ModelFileError(path + ": damaged: the vocabulary does not match the configuration");
    // Provenance is informative only: a model without it still generates.
    try {
        const auto info = nlohmann::json::parse(file.infoJson);
        if (info.is_object()) {
            if (info.contains("fingerprint") && info["fingerprint"].is_string())
                m.dataFingerprint_ = info["fingerprint"].get<std::string>();
            for (const char* key : {"dataPath", "data_path", "data"})
                if (info.contains(key) && info[key].is_string()) {
                    m.dataPath_ = info[key].get<std::string>();
                    break;
                }
            if (info.contains("bestValLoss") && info["bestValLoss"].is_number())
                m.bestValLoss_ = info["bestValLoss"].get<double>();
        }
    } catch (const nlohmann::json::exception&) {
    }
    if (auto t = m.tokenizer_->endToken()) m.endToken_ = m.vocab_.find(*t);
    if (auto t = m.tokenizer_->startToken()) m.startToken_ = m.vocab_.find(*t);
    if (m.config_.model.isDrumGan())
        m.drumGan_ = std::make_shared<const DrumGanNet>(DrumGanNet::fromModel(file, m.config_.model, path));
    else if (m.config_.model.isTransformer())
        m.transformer_ = std::make_shared<const TransformerWeights>(TransformerWeights::fromModel(file, m.config_, path));
    else
        m.weights_ = std::make_shared<const LstmWeights>(LstmWeights::fromModel(file, m.config_.model, path));
    return m;
}

const LstmWeights& GenerationModel::weights() const {
    if (!weights_) throw std::logic_error(path_ + " is a " + toString(config_.model.kind) + " model, not an LSTM");
    return *weights_;
}

const TransformerWeights& GenerationModel::transformerWeights() const {
    if (!transformer_) throw std::logic_error(path_ + " is a " + toString(config_.model.kind) + " model, not a transformer");
    return *transformer_;
}

std::unique_ptr<TokenDecoder> GenerationModel::makeDecoder(int batch, gen::WorkerPool& pool) const {
    if (drumGan_) throw std::invalid_argument(path_ + ": a drum GAN writes whole bars of drums, not tokens (generate drums with it)");
    if (transformer_) return std::make_unique<TransformerDecoder>(*transformer_, batch, pool);
    return std::make_unique<LstmDecoder>(*weights_, batch, pool);
}

double GenerationModel::weightBytesPerToken() const {
    if (drumGan_) return 0;
    return transformer_ ? transformer_->bytesPerToken() : weights_->bytesPerToken();
}

std::optional<double> GenerationModel::validationLoss() const {
    if (drumGan_) return std::nullopt;
    if (bestValLoss_) return bestValLoss_;
    std::optional<double> best;
    for (const auto& row : history_)
        if (row.valLoss && (!best || *row.valLoss < *best)) best = row.valLoss;
    return best;
}

}  // namespace nf
