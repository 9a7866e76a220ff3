// SPDX-License-Identifier: GPL-3.0-or-later
#include "training/engine/GradientExchange.h"

namespace nf::engine {

GradientExchange::GradientExchange(DataParallel& group, std::vector<torch::Tensor> parameters, std::size_t bucketBytes)
    : group_(group), parameters_(std::move(parameters)) {
    std::size_t first = 0, bytes = 0;
    for (std::size_t i = 0; i < parameters_.size(); ++i) {
        const auto& p = parameters_[i];
        const std::size_t size = static_cast<std::size_t>(p.numel()) * p.element_size();
        bytes_ += size;
        bytes += size;
        // A bucket holds one dtype: cat() would otherwise promote, and the copy back would round.
        const bool last = i + 1 == parameters_.size();
        if (last || bytes >= bucketBytes || parameters_[i + 1].scalar_type() != p.scalar_type()) {
            buckets_.emplace_back(first, i + 1);
            first = i + 1;
            bytes = 0;
        }
    }
}

void GradientExchange::average(double share) {
    torch::NoGradGuard noGrad;
    for (const auto& [first, last] : buckets_) {
        std::vector<torch::Tensor> flat;
        flat.reserve(last - first);
        for (std::size_t i = first; i < last; ++i) {
            auto& p = parameters_[i];
            if (!p.grad().defined()) p.mutable_grad() = torch::zeros_like(p);
            flat.push_back(p.grad().reshape({-1}));
        }
        auto bucket = torch::cat(flat).mul_(share);
        group_.allReduceSum(bucket);
        std::int64_t at = 0;
        for (std::size_t i = first; i < last; ++i) {
            auto& grad = parameters_[i].mutable_grad();
            grad.copy_(bucket.narrow(0, at, grad.numel()).view_as(grad));
            at += grad.numel();
        }
    }
}

}  // namespace nf::engine
