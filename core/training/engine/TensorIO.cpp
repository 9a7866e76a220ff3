// SPDX-License-Identifier: GPL-3.0-or-later
#include "training/engine/TensorIO.h"

#include <torch/version.h>

#include "training/BlasInfo.h"
#include "training/ModelAdapter.h"

#include <ATen/CPUGeneratorImpl.h>
#include <ATen/Context.h>

#include <cstring>
#include <map>
#include <sstream>

namespace nf::engine {

torch::Tensor toTorch(const NamedTensor& t) {
    auto out = torch::empty(t.shape, torch::kFloat);
    std::memcpy(out.data_ptr<float>(), t.values.data(), t.values.size() * sizeof(float));
    return out;
}

NamedTensor fromTorch(const std::string& name, const torch::Tensor& t) {
    const auto cpu = t.detach().to(torch::kCPU, torch::kFloat).contiguous();
    NamedTensor out;
    out.name = name;
    out.shape.assign(cpu.sizes().begin(), cpu.sizes().end());
    out.values.resize(static_cast<std::size_t>(cpu.numel()));
    std::memcpy(out.values.data(), cpu.data_ptr<float>(), out.values.size() * sizeof(float));
    return out;
}

std::vector<NamedTensor> exportParameters(const torch::nn::Module& module) {
    std::vector<NamedTensor> out;
    for (const auto& p : module.named_parameters()) out.push_back(fromTorch(p.key(), p.value()));
    return out;
}

void importParameters(torch::nn::Module& module, const std::vector<NamedTensor>& tensors, const std::string& file,
                      bool adaptersMayBeMissing) {
    std::map<std::string, const NamedTensor*> byName;
    for (const auto& t : tensors) byName[t.name] = &t;
    torch::NoGradGuard noGrad;
    for (auto& p : module.named_parameters()) {
        auto it = byName.find(p.key());
        if (it == byName.end() && adaptersMayBeMissing && isAdapterTensor(p.key())) continue;
        if (it == byName.end()) throw ModelFileError(file + ": weights '" + p.key() + "' are missing");
        const auto& t = *it->second;
        if (std::vector<int64_t>(p.value().sizes().begin(), p.value().sizes().end()) != t.shape)
            throw ModelFileError(file + ": weights '" + p.key() + "' have another shape than the configuration says");
        p.value().copy_(toTorch(t));
    }
}

std::vector<std::uint8_t> saveOptimizer(torch::optim::Optimizer& optimizer) {
    torch::serialize::OutputArchive archive;
    optimizer.save(archive);
    std::vector<std::uint8_t> bytes;
    archive.save_to([&](const void* data, size_t size) {
        const auto* p = static_cast<const std::uint8_t*>(data);
        bytes.insert(bytes.end(), p, p + size);
        return size;
    });
    return bytes;
}

void loadOptimizer(torch::optim::Optimizer& optimizer, const std::vector<std::uint8_t>& bytes, torch::Device device) {
    torch::serialize::InputArchive archive;
    archive.load_from(reinterpret_cast<const char*>(bytes.data()), bytes.size(), device);
    optimizer.load(archive);
}

namespace {
std::vector<std::uint8_t> generatorState(at::Generator gen) {
    std::lock_guard<std::mutex> lock(gen.mutex());
    const auto state = gen.get_state().contiguous();
    const auto* p = state.data_ptr<uint8_t>();
    return std::vector<std::uint8_t>(p, p + state.numel());
}
void setGeneratorState(at::Generator gen, const std::uint8_t* data, std::size_t size) {
    auto state = torch::empty({static_cast<int64_t>(size)}, torch::kUInt8);
    std::memcpy(state.data_ptr<uint8_t>(), data, size);
    std::lock_guard<std::mutex> lock(gen.mutex());
    gen.set_state(state);
}
void putU64(std::vector<std::uint8_t>& out, std::uint64_t v) {
    for (int i = 0; i < 8; ++i) out.push_back(static_cast<std::uint8_t>(v >> (8 * i)));
}
std::uint64_t getU64(const std::vector<std::uint8_t>& in, std::size_t at) {
    if (at + 8 > in.size()) throw std::runtime_error("damaged random-generator state in checkpoint");
    std::uint64_t v = 0;
    for (int i = 0; i < 8; ++i) v |= static_cast<std::uint64_t>(in[at + static_cast<std::size_t>(i)]) << (8 * i);
    return v;
}
}  // namespace

// Layout: u64 count, then per generator u64 size + state bytes; the CPU generator first, then CUDA 0..N-1.
std::vector<std::uint8_t> saveRngState() {
    std::vector<std::vector<std::uint8_t>> states{generatorState(at::detail::getDefaultCPUGenerator())};
    if (torch::cuda::is_available()) {
        for (int i = 0; i < static_cast<int>(torch::cuda::device_count()); ++i)
            states.push_back(generatorState(at::globalContext().defaultGenerator(
                c10::Device(c10::DeviceType::CUDA, static_cast<c10::DeviceIndex>(i)))));
    }
    std::vector<std::uint8_t> out;
    putU64(out, states.size());
    for (const auto& s : states) {
        putU64(out, s.size());
        out.insert(out.end(), s.begin(), s.end());
    }
    return out;
}

void loadRngState(const std::vector<std::uint8_t>& bytes) {
    const auto count = getU64(bytes, 0);
    std::size_t at = 8;
    for (std::uint64_t i = 0; i < count; ++i) {
        const auto size = getU64(bytes, at);
        at += 8;
        if (size > bytes.size() - at) throw std::runtime_error("damaged random-generator state in checkpoint");
        if (i == 0) {
            setGeneratorState(at::detail::getDefaultCPUGenerator(), bytes.data() + at, size);
        } else if (torch::cuda::is_available() && static_cast<int64_t>(i - 1) < static_cast<int64_t>(torch::cuda::device_count())) {
            setGeneratorState(at::globalContext().defaultGenerator(
                                  c10::Device(c10::DeviceType::CUDA, static_cast<c10::DeviceIndex>(i - 1))),
                              bytes.data() + at, size);
        }
        at += size;
    }
}

ModelFile runFile(ModelFileKind kind, const TrainingConfig& config, std::string infoJson, const Vocabulary& vocabulary,
                  const std::vector<MetricsRow>& history) {
    ModelFile file;
    file.kind = kind;
    file.configJson = config.toJson();
    file.infoJson = std::move(infoJson);
    file.vocabulary = vocabulary.tokens();
    file.metricsJson = metricsToJson(history);
    return file;
}

void describeDevice(TrainingStart& s, const torch::Device& device) {
    s.device = device.str();
    s.threads = torch::get_num_threads();
    s.blas = device.is_cpu() ? loadedBlasLibrary() : std::string("cuBLAS (GPU)");
    s.torchVersion = TORCH_VERSION;
}

}  // namespace nf::engine
