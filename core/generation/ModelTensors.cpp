// SPDX-License-Identifier: GPL-3.0-or-later
#include "generation/ModelTensors.h"

#include "generation/SimdKernels.h"

namespace nf::gen {

int paddedSize(int n) { return (n + kPadding - 1) / kPadding * kPadding; }

const NamedTensor& requireTensor(const ModelFile& model, const std::string& name, std::vector<std::int64_t> shape,
                                 const std::string& file) {
    const NamedTensor* t = model.findTensor(name);
    if (!t) throw ModelFileError(file + ": weights '" + name + "' are missing");
    if (t->shape != shape || static_cast<std::int64_t>(t->values.size()) != t->elementCount())
        throw ModelFileError(file + ": weights '" + name + "' have another shape than the configuration says");
    return *t;
}

}  // namespace nf::gen
