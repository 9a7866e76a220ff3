// SPDX-License-Identifier: GPL-3.0-or-later
#include "training/ModelAdapter.h"

#include <filesystem>
#include <map>
#include <nlohmann/json.hpp>

#include "dataset/BaseModels.h"
#include "tokenize/Fnv1a.h"
#include "training/TrainingConfig.h"

namespace nf {

namespace {

constexpr std::string_view kSuffixA = "_adapter_a";
constexpr std::string_view kSuffixB = "_adapter_b";
// An adapter may be trained on an adapted model, whose base is opened the same way; a chain this long is a loop.
constexpr int kMaxChain = 8;

bool endsWith(const std::string& s, std::string_view suffix) {
    return s.size() > suffix.size() && s.compare(s.size() - suffix.size(), suffix.size(), suffix) == 0;
}

std::string prefixOf(const std::string& adapterTensor) { return adapterTensor.substr(0, adapterTensor.size() - kSuffixA.size()); }

std::string shapeText(const std::vector<std::int64_t>& shape) {
    std::string s = "[";
    for (std::size_t i = 0; i < shape.size(); ++i) s += (i ? ", " : "") + std::to_string(shape[i]);
    return s + "]";
}

// Where the base of the adapter at `adapterPath` may lie, in order: a base model's name or the path it was trained
// from, then a file of that name beside the adapter (an adapter and its base copied to another machine together).
std::vector<std::string> baseCandidates(const std::string& adapterPath, const std::string& base) {
    namespace fs = std::filesystem;
    std::vector<std::string> found;
    if (std::string named = resolveBaseModel(base); !named.empty()) found.push_back(std::move(named));
    const fs::path dir = fs::path(adapterPath).parent_path();
    const fs::path name = fs::path(base).filename();
    std::error_code ec;
    for (const fs::path& candidate : {dir / name, dir / (name.string() + ".nfm")})
        if (!name.empty() && fs::is_regular_file(candidate, ec) &&
            (found.empty() || !fs::equivalent(candidate, found.front(), ec)))
            found.push_back(candidate.string());
    return found;
}

std::string withAdapterProvenance(const std::string& infoJson, const std::string& basePath, const AdapterSettings& a) {
    try {
        auto info = nlohmann::json::parse(infoJson);
        if (!info.is_object()) return infoJson;
        info["adapter"] = {{"rank", a.rank}, {"base", a.base}, {"baseFile", basePath}};
        return info.dump();
    } catch (const nlohmann::json::exception&) {
        return infoJson;  // provenance is informative only
    }
}

ModelFile open(std::span<const std::uint8_t> bytes, const std::string& path, int chain);

// The base the adapter at `path` learnt on, opened (itself folded if it is an adapter too), with its path.
std::pair<ModelFile, std::string> openBase(const std::string& path, const AdapterSettings& adapter, int chain) {
    const auto candidates = baseCandidates(path, adapter.base);
    if (candidates.empty())
        throw ModelFileError(path + ": its base model '" + adapter.base + "' is not here (no base model of that name, no "
                             "such file, none beside the adapter)");
    std::string mismatch;
    for (const std::string& candidate : candidates) {
        ModelFile base;
        try {
            base = open(readModelFileBytes(candidate), candidate, chain + 1);
        } catch (const ModelFileError& e) {
            throw ModelFileError(path + ": its base model cannot be opened: " + e.what());
        }
        const std::string sum = modelWeightsChecksum(base);
        if (sum == adapter.baseChecksum) return {std::move(base), candidate};
        if (mismatch.empty()) mismatch = candidate + " has checksum " + sum;
    }
    throw ModelFileError(path + ": was trained on another version of its base model '" + adapter.base + "' (" + mismatch +
                         ", the adapter needs " + adapter.baseChecksum + ")");
}

ModelFile open(std::span<const std::uint8_t> bytes, const std::string& path, int chain) {
    ModelFile file = parseModelFile(bytes, path);
    TrainingConfig config;
    try {
        config = TrainingConfig::fromJson(file.configJson);
    } catch (const std::exception& e) {
        // A model's loader reports its own damaged configuration; an adapter's cannot be opened without it.
        if (file.kind != ModelFileKind::Adapter) return file;
        throw ModelFileError(path + ": damaged configuration: " + e.what());
    }
    AdapterSettings adapter = config.model.adapter;
    if (file.kind != ModelFileKind::Adapter) {
        if (!adapter.enabled()) return file;
        // A checkpoint of an adapter run holds the frozen base and the adapters: fold them into one model.
        file.tensors = foldAdapters(file.tensors, file.tensors, path);
    } else {
        if (!adapter.enabled() || adapter.baseChecksum.empty())
            throw ModelFileError(path + ": damaged: an adapter file that names no base model");
        if (chain >= kMaxChain) throw ModelFileError(path + ": adapters on adapters " + std::to_string(kMaxChain) + " deep: a loop?");
        const auto [base, basePath] = openBase(path, adapter, chain);
        if (base.vocabulary != file.vocabulary)
            throw ModelFileError(path + ": its vocabulary is not that of its base model " + basePath);
        file.tensors = foldAdapters(base.tensors, file.tensors, path);
        file.infoJson = withAdapterProvenance(file.infoJson, basePath, adapter);
        file.kind = ModelFileKind::Model;
    }
    file.blobs.clear();
    config.model.adapter = {};
    file.configJson = config.toJson();
    return file;
}

}  // namespace

bool isAdapterTensor(const std::string& name) { return endsWith(name, kSuffixA) || endsWith(name, kSuffixB); }

std::string adaptedWeightName(const std::string& adapterTensor) { return prefixOf(adapterTensor) + ".weight"; }

std::string modelWeightsChecksum(const ModelFile& model) {
    Fnv1a hash;
    for (const std::string& token : model.vocabulary) hash.add(token);
    for (const NamedTensor& t : model.tensors) {
        hash.add(t.name);
        const std::uint64_t rank = t.shape.size();
        hash.add(&rank, sizeof rank);
        hash.add(t.shape.data(), t.shape.size() * sizeof(std::int64_t));
        hash.add(t.values.data(), t.values.size() * sizeof(float));
    }
    return hash.hex();
}

std::vector<NamedTensor> foldAdapters(const std::vector<NamedTensor>& weights, const std::vector<NamedTensor>& adapters,
                                      const std::string& file) {
    std::vector<NamedTensor> out;
    std::map<std::string, std::size_t> byName;
    for (const auto& t : weights)
        if (!isAdapterTensor(t.name)) {
            byName[t.name] = out.size();
            out.push_back(t);
        }
    std::map<std::string, const NamedTensor*> as, bs;
    for (const auto& t : adapters) {
        if (endsWith(t.name, kSuffixA)) as[prefixOf(t.name)] = &t;
        else if (endsWith(t.name, kSuffixB)) bs[prefixOf(t.name)] = &t;
    }
    if (as.size() != bs.size()) throw ModelFileError(file + ": damaged: adapter tensors without their pair");
    for (const auto& [prefix, a] : as) {
        const auto bIt = bs.find(prefix);
        if (bIt == bs.end()) throw ModelFileError(file + ": damaged: adapter '" + a->name + "' without its pair");
        const NamedTensor& b = *bIt->second;
        const auto wIt = byName.find(prefix + ".weight");
        if (wIt == byName.end())
            throw ModelFileError(file + ": its adapter corrects '" + prefix + ".weight', which the base model does not have");
        NamedTensor& w = out[wIt->second];
        if (w.shape.size() != 2 || a->shape.size() != 2 || b.shape.size() != 2 || a->shape[0] != b.shape[1] ||
            a->shape[1] != w.shape[1] || b.shape[0] != w.shape[0] ||
            a->values.size() != static_cast<std::size_t>(a->elementCount()) ||
            b.values.size() != static_cast<std::size_t>(b.elementCount()))
            throw ModelFileError(file + ": its adapter for '" + w.name + "' " + shapeText(w.shape) + " has the shapes " +
                                 shapeText(b.shape) + " x " + shapeText(a->shape));
        const auto rows = static_cast<std::size_t>(w.shape[0]), cols = static_cast<std::size_t>(w.shape[1]),
                   rank = static_cast<std::size_t>(a->shape[0]);
        for (std::size_t o = 0; o < rows; ++o)
            for (std::size_t k = 0; k < rank; ++k) {
                const float scale = b.values[o * rank + k];
                const float* ak = a->values.data() + k * cols;
                float* wo = w.values.data() + o * cols;
                for (std::size_t i = 0; i < cols; ++i) wo[i] += scale * ak[i];
            }
    }
    return out;
}

ModelFile openModelFile(std::span<const std::uint8_t> bytes, const std::string& path) { return open(bytes, path, 0); }

ModelFile openModelFile(const std::string& path) { return openModelFile(readModelFileBytes(path), path); }

}  // namespace nf
