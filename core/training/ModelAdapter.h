// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <cstdint>
#include <span>
#include <string>
#include <vector>

#include "training/ModelFile.h"

namespace nf {

// Low-rank adapters (training/AdapterSettings.h) as model files: torch-free, so the studio, the CLI and the
// generator open an adapter the same way they open a model. An adapter's tensors are named after the projection
// they correct: "transformer.block0.attn.qkv_adapter_a" (A [R, in]) and "..._adapter_b" (B [out, R]) correct
// "transformer.block0.attn.qkv.weight" [out, in].

bool isAdapterTensor(const std::string& name);
// "P_adapter_a" or "P_adapter_b" -> "P.weight".
std::string adaptedWeightName(const std::string& adapterTensor);

// The hash that ties an adapter to its base: FNV-1a over what the model computes with -- its vocabulary and its
// tensors' names, shapes and values -- as hex. A new data card or metrics history (`models --write-card`) leaves it.
std::string modelWeightsChecksum(const ModelFile& model);

// `weights` with every adapter pair among `adapters` added to the weight it corrects (W += B A); the adapter
// tensors themselves are left out. ModelFileError (naming `file`) for an unpaired adapter, a weight it names that
// is not there, or shapes that do not fit.
std::vector<NamedTensor> foldAdapters(const std::vector<NamedTensor>& weights, const std::vector<NamedTensor>& adapters,
                                      const std::string& file);

// The model a file holds, ready to run, from its bytes: a model as it is; a checkpoint of an adapter run with its
// adapters folded in; an adapter file folded into its base, which it finds by its base model's name or its path,
// else by the base's file name beside the adapter: the first of those whose weights checksum is the one the adapter
// learnt on. The result is a model whose configuration has no adapters; an adapter's configuration, vocabulary,
// metrics, provenance and card come with it. Throws ModelFileError, one line naming the adapter, when the base is
// missing, another model, damaged or does not fit.
ModelFile openModelFile(std::span<const std::uint8_t> bytes, const std::string& path);
ModelFile openModelFile(const std::string& path);

}  // namespace nf
