// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <cstdint>
#include <span>
#include <stdexcept>
#include <string>
#include <vector>

#include "training/ModelFileKind.h"

namespace nf {

// A tensor as the model file stores it: a name, a shape and float32 values, independent of any LibTorch version.
struct NamedTensor {
    std::string name;
    std::vector<std::int64_t> shape;
    std::vector<float> values;

    std::int64_t elementCount() const;
    bool operator==(const NamedTensor&) const = default;
};

// An opaque byte block (checkpoints only: optimizer state, RNG states).
struct NamedBlob {
    std::string name;
    std::vector<std::uint8_t> bytes;
    bool operator==(const NamedBlob&) const = default;
};

// NoteForge's own model and checkpoint format, so a model trained with LibTorch 2.x on a GPU server opens in a
// studio built on Debian's LibTorch 1.13:
//
//   "NFMODEL" 0x1A | u32 format version | u32 reserved
//   sections: u32 tag | u64 payload length | payload       (little-endian throughout)
//     KIND  "model", "checkpoint" or "adapter" (ModelFileKind)
//     CONF  training configuration (JSON, TrainingConfig)
//     INFO  provenance (JSON: NoteForge and LibTorch versions, data fingerprint, device, best epoch)
//     VOCB  u32 count, then per token u32 length + bytes (tokens may be any bytes)
//     METR  metrics history (JSON)
//     CARD  data card (JSON, optional; base models: training/DataCard.h)
//     TENS  u32 count, then per tensor: u32 name length, name, u32 dtype (0 = float32), u32 rank,
//           i64 dims[rank], raw little-endian float32 values
//     BLOB  u32 name length, name, bytes                    (zero or more)
//     END!  u64 FNV-1a hash of every byte before this section
//
// Readers skip sections they do not know, so later versions may add some without breaking older readers;
// a change older readers cannot ignore raises the format version, which they refuse clearly.
struct ModelFile {
    static constexpr std::uint32_t kFormatVersion = 1;

    ModelFileKind kind = ModelFileKind::Model;
    std::string configJson;
    std::string infoJson = "{}";
    std::vector<std::string> vocabulary;
    std::string metricsJson = "{}";
    std::string cardJson;  // empty: no card
    std::vector<NamedTensor> tensors;
    std::vector<NamedBlob> blobs;

    const NamedTensor* findTensor(const std::string& name) const;
    const NamedBlob* findBlob(const std::string& name) const;
};

// A model file that cannot be used. what() is one line: "FILE:@BYTE: message" or "FILE: message".
class ModelFileError : public std::runtime_error {
public:
    using std::runtime_error::runtime_error;
};

std::vector<std::uint8_t> serializeModelFile(const ModelFile& file);
// `name` is used in messages only. Throws ModelFileError for a file that is not a NoteForge model, is from a newer
// format version, is truncated or is damaged.
ModelFile parseModelFile(std::span<const std::uint8_t> bytes, const std::string& name);

// Serialises in memory, then writes atomically (temporary file + rename): a crash never leaves half a model.
void writeModelFile(const ModelFile& file, const std::string& path);
ModelFile readModelFile(const std::string& path);
// A model file's bytes as they are (for a caller that hashes them too). ModelFileError when unreadable.
std::vector<std::uint8_t> readModelFileBytes(const std::string& path);
// The data card alone (empty when the file has none), reading section headers and skipping the tensors: for lists
// of models on the GUI thread. The file's checksum is not verified (opening the model does that).
std::string readModelCard(const std::string& path);
// The run information (ModelFile::infoJson) alone, in the same way.
std::string readModelInfo(const std::string& path);

}  // namespace nf
