// SPDX-License-Identifier: GPL-3.0-or-later
#include "training/engine/FusedLstm.h"

#include <ATen/Parallel.h>

namespace nf::engine {

namespace {

using torch::Tensor;
using torch::autograd::AutogradContext;
using torch::autograd::variable_list;

class FusedLstmFunction : public torch::autograd::Function<FusedLstmFunction> {
public:
    static variable_list forward(AutogradContext* ctx, const Tensor& x, const Tensor& h0, const Tensor& c0,
                                 const Tensor& wIh, const Tensor& wHh, const Tensor& bIh, const Tensor& bHh) {
        const int64_t T = x.size(0), B = x.size(1), I = x.size(2), H = h0.size(1);
        // gates[t] first holds pre-activations, then (in place) the activations i, f, g, o the backward needs.
        Tensor gates = torch::addmm(bIh + bHh, x.reshape({T * B, I}), wIh.t()).view({T, B, 4 * H});
        Tensor hs = torch::empty({T + 1, B, H}, x.options());
        Tensor cs = torch::empty({T + 1, B, H}, x.options());
        Tensor tanhC = torch::empty({T, B, H}, x.options());
        hs[0].copy_(h0);
        cs[0].copy_(c0);
        const Tensor wHhT = wHh.t();
        for (int64_t t = 0; t < T; ++t) {
            Tensor g = gates[t];
            g.addmm_(hs[t], wHhT);
            g.narrow(1, 0, 2 * H).sigmoid_();
            g.narrow(1, 2 * H, H).tanh_();
            g.narrow(1, 3 * H, H).sigmoid_();
            Tensor cNext = cs[t + 1];
            torch::mul_out(cNext, g.narrow(1, H, H), cs[t]);
            cNext.addcmul_(g.narrow(1, 0, H), g.narrow(1, 2 * H, H));
            Tensor tc = tanhC[t];
            torch::tanh_out(tc, cNext);
            Tensor hNext = hs[t + 1];
            torch::mul_out(hNext, g.narrow(1, 3 * H, H), tc);
        }
        ctx->save_for_backward({x, wIh, wHh, gates, hs, cs, tanhC});
        return {hs.narrow(0, 1, T), hs[T].clone(), cs[T].clone()};
    }

    static variable_list backward(AutogradContext* ctx, variable_list grads) {
        const auto saved = ctx->get_saved_variables();
        const Tensor& x = saved[0];
        const Tensor& wIh = saved[1];
        const Tensor& wHh = saved[2];
        const Tensor& gates = saved[3];
        const Tensor& hs = saved[4];
        const Tensor& cs = saved[5];
        const Tensor& tanhC = saved[6];
        const int64_t T = x.size(0), B = x.size(1), I = x.size(2), H = hs.size(2);

        Tensor dy = grads[0].defined() ? grads[0].contiguous() : Tensor();
        Tensor dh = grads[1].defined() ? grads[1].contiguous().clone() : torch::zeros({B, H}, x.options());
        Tensor dc = grads[2].defined() ? grads[2].contiguous().clone() : torch::zeros({B, H}, x.options());
        Tensor dGates = torch::empty({T, B, 4 * H}, x.options());

        for (int64_t t = T - 1; t >= 0; --t) {
            const float* act = gates[t].data_ptr<float>();
            const float* cPrev = cs[t].data_ptr<float>();
            const float* tc = tanhC[t].data_ptr<float>();
            const float* dyT = dy.defined() ? dy[t].data_ptr<float>() : nullptr;
            float* dhP = dh.data_ptr<float>();
            float* dcP = dc.data_ptr<float>();
            float* dg = dGates[t].data_ptr<float>();
            // Split only when each thread gets real work: a parallel region per time step costs a barrier,
            // which is expensive when the cores are shared with other processes.
            const int64_t grain = std::max<int64_t>(1, 8192 / std::max<int64_t>(1, H));
            at::parallel_for(0, B, grain, [&](int64_t b0, int64_t b1) {
                for (int64_t b = b0; b < b1; ++b) {
                    const float* a = act + b * 4 * H;
                    float* d = dg + b * 4 * H;
                    const int64_t r = b * H;
                    for (int64_t j = 0; j < H; ++j) {
                        const float i = a[j], f = a[H + j], g = a[2 * H + j], o = a[3 * H + j];
                        const float tcj = tc[r + j];
                        const float dhj = dhP[r + j] + (dyT ? dyT[r + j] : 0.0f);
                        const float dcj = dcP[r + j] + dhj * o * (1.0f - tcj * tcj);
                        d[j] = dcj * g * i * (1.0f - i);
                        d[H + j] = dcj * cPrev[r + j] * f * (1.0f - f);
                        d[2 * H + j] = dcj * i * (1.0f - g * g);
                        d[3 * H + j] = dhj * tcj * o * (1.0f - o);
                        dcP[r + j] = dcj * f;
                    }
                }
            });
            torch::mm_out(dh, dGates[t], wHh);
        }

        const Tensor dFlat = dGates.view({T * B, 4 * H});
        Tensor dx;
        if (ctx->needs_input_grad(0)) dx = torch::mm(dFlat, wIh).view({T, B, I});
        Tensor dWih = torch::mm(dFlat.t(), x.reshape({T * B, I}));
        Tensor dWhh = torch::mm(dFlat.t(), hs.narrow(0, 0, T).reshape({T * B, H}));
        Tensor db = dFlat.sum(0);
        return {dx, dh, dc, dWih, dWhh, db, db.clone()};
    }
};

}  // namespace

std::vector<torch::Tensor> fusedLstmLayer(const torch::Tensor& x, const torch::Tensor& h0, const torch::Tensor& c0,
                                          const torch::Tensor& wIh, const torch::Tensor& wHh, const torch::Tensor& bIh,
                                          const torch::Tensor& bHh) {
    return FusedLstmFunction::apply(x.contiguous(), h0.contiguous(), c0.contiguous(), wIh, wHh, bIh, bHh);
}

}  // namespace nf::engine
