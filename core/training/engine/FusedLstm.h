// SPDX-License-Identifier: GPL-3.0-or-later
// Private to core/training (includes LibTorch): never include from a header the UI or CLI sees.
#pragma once

#include <torch/torch.h>

namespace nf::engine {

// One LSTM layer over a time-major sequence with a hand-written backward pass, for the CPU.
//
// Why: LibTorch's CPU LSTM back-propagates through autograd one time step at a time, so the weight gradients
// are T small matrix products (K = batch) and every step costs a dozen tiny pointwise kernels. Here the input
// projection of all steps is one large product, the recurrence runs as one [B,H]x[H,4H] product per step, and the
// weight gradients are again single large products over all T*B rows, which is where BLAS is efficient; the
// pointwise gate arithmetic of the backward pass is one fused loop.
//
// Same parameterisation as torch::nn::LSTM (gates i, f, g, o; weight_ih [4H,I], weight_hh [4H,H], two biases),
// so weights are interchangeable between kernels. x [T,B,I], h0/c0 [B,H]; returns {y [T,B,H], hT, cT}.
std::vector<torch::Tensor> fusedLstmLayer(const torch::Tensor& x, const torch::Tensor& h0, const torch::Tensor& c0,
                                          const torch::Tensor& wIh, const torch::Tensor& wHh, const torch::Tensor& bIh,
                                          const torch::Tensor& bHh);

}  // namespace nf::engine
