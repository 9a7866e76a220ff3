// SPDX-License-Identifier: GPL-3.0-or-later
// Private to core/training (includes LibTorch): never include from a header the UI or CLI sees.
#pragma once

#include <torch/torch.h>

#include "tokenize/Vocabulary.h"
#include "training/ModelFile.h"
#include "training/TrainingConfig.h"
#include "training/TrainingMetrics.h"

namespace nf::engine {

// Module parameters <-> the model file's NamedTensors (float32 on the CPU, LibTorch's names).
std::vector<NamedTensor> exportParameters(const torch::nn::Module& module);
// Copies values into the module's parameters. Throws ModelFileError naming `file` when a parameter is missing or
// has another shape, so a file from a different configuration is refused rather than half loaded. With
// `adaptersMayBeMissing`, low-rank adapters the file lacks keep their values (a base model starting an adapter run).
void importParameters(torch::nn::Module& module, const std::vector<NamedTensor>& tensors, const std::string& file,
                      bool adaptersMayBeMissing = false);

torch::Tensor toTorch(const NamedTensor& t);

// What every model file and checkpoint of a run starts with (both training sessions write them): its kind, the
// configuration, the provenance, the vocabulary and the metrics history. The caller adds tensors and blobs.
ModelFile runFile(ModelFileKind kind, const TrainingConfig& config, std::string infoJson, const Vocabulary& vocabulary,
                  const std::vector<MetricsRow>& history);
// The device part of a run's start summary: device, threads, BLAS, LibTorch.
void describeDevice(TrainingStart& start, const torch::Device& device);
NamedTensor fromTorch(const std::string& name, const torch::Tensor& t);

// Optimizer state through LibTorch's own archive, kept in memory: checkpoints are resumed by the same build, so
// only the model weights need NoteForge's version-independent format.
std::vector<std::uint8_t> saveOptimizer(torch::optim::Optimizer& optimizer);
void loadOptimizer(torch::optim::Optimizer& optimizer, const std::vector<std::uint8_t>& bytes, torch::Device device);

// The CPU (and, when present, CUDA) random generator states, for exact resumption of dropout.
std::vector<std::uint8_t> saveRngState();
void loadRngState(const std::vector<std::uint8_t>& bytes);

}  // namespace nf::engine
