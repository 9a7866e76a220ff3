#!/usr/bin/python3
# SPDX-License-Identifier: GPL-3.0-or-later
"""Times training steps of NoteForge's models written the usual way in PyTorch's Python API.

The reference for `noteforge-cli benchmark train`: same layer sizes, same inputs (random tokens), same loss and
optimizer, same thread count, LibTorch underneath (Debian's python3-torch). Prints one JSON object.
"""
import argparse
import json
import statistics
import time

import torch
from torch import nn

SIZES = {
    # embed, hidden, layers, dropout, dense, many_to_one, scaled_input
    "paper-midi": (0, 512, 3, 0.3, 256, True, True),
    "paper-abc": (512, 256, 3, 0.2, 0, False, False),
    "lstm": (96, 256, 2, 0.15, 0, False, False),
}


# The transformer presets (core/training/TrainingConfig.cpp): width, MLP width, layers, heads, dropout.
TRANSFORMER_PRESETS = {"small": (192, 768, 4, 6, 0.1), "base": (512, 2048, 6, 8, 0.1)}


def rotate(x):
    """Rotary positions as NoteForge's TransformerNet applies them (angles in float32, halves rotated)."""
    t, d = x.shape[2], x.shape[3]
    half = d // 2
    inv = torch.pow(10000.0, -torch.arange(0, half, dtype=torch.float32) * (2.0 / d))
    angles = torch.outer(torch.arange(0, t, dtype=torch.float32), inv)
    cos = torch.cat([angles.cos(), angles.cos()], -1)
    sin = torch.cat([angles.sin(), angles.sin()], -1)
    return x * cos + torch.cat([-x[..., half:], x[..., :half]], -1) * sin


class Block(nn.Module):
    """Pre-LayerNorm block: causal self-attention written out (as in LibTorch 1.13 there is no fused kernel), GELU MLP."""

    def __init__(self, width, mlp, heads, dropout):
        super().__init__()
        self.heads = heads
        self.norm1, self.norm2 = nn.LayerNorm(width), nn.LayerNorm(width)
        self.qkv, self.proj = nn.Linear(width, 3 * width), nn.Linear(width, width)
        self.fc1, self.fc2 = nn.Linear(width, mlp), nn.Linear(mlp, width)
        self.drop = nn.Dropout(dropout)

    def forward(self, x):
        b, t, w = x.shape
        d = w // self.heads
        q, k, v = self.qkv(self.norm1(x)).view(b, t, 3, self.heads, d).permute(2, 0, 3, 1, 4)
        q, k = rotate(q), rotate(k)
        scores = q @ k.transpose(-2, -1) / d ** 0.5
        scores = scores.masked_fill(torch.ones(t, t, dtype=torch.bool).triu(1), float("-inf"))
        y = (scores.softmax(-1) @ v).transpose(1, 2).reshape(b, t, w)
        x = x + self.drop(self.proj(y))
        return x + self.drop(self.fc2(nn.functional.gelu(self.fc1(self.norm2(x)))))


class TransformerNet(nn.Module):
    def __init__(self, preset, vocab):
        super().__init__()
        width, mlp, layers, heads, dropout = TRANSFORMER_PRESETS[preset]
        self.many_to_one = False
        self.embed = nn.Embedding(vocab, width)
        self.drop = nn.Dropout(dropout)
        self.blocks = nn.ModuleList(Block(width, mlp, heads, dropout) for _ in range(layers))
        self.norm = nn.LayerNorm(width)

    def forward(self, tokens):
        x = self.drop(self.embed(tokens))
        for block in self.blocks:
            x = block(x)
        return self.norm(x) @ self.embed.weight.t()  # tied output layer


class Net(nn.Module):
    def __init__(self, kind, vocab):
        super().__init__()
        embed, hidden, layers, dropout, dense, self.many_to_one, self.scaled = SIZES[kind]
        self.vocab = vocab
        self.embed = None if self.scaled else nn.Embedding(vocab, embed)
        self.lstm = nn.LSTM(1 if self.scaled else embed, hidden, num_layers=layers, dropout=dropout, batch_first=True)
        self.drop = nn.Dropout(dropout)
        self.dense = nn.Linear(hidden, dense) if dense else None
        self.dense_drop = nn.Dropout(0.3)
        self.out = nn.Linear(dense or hidden, vocab)

    def forward(self, tokens):
        x = (tokens.float() / self.vocab).unsqueeze(-1) if self.scaled else self.embed(tokens)
        y, _ = self.lstm(x)
        y = self.drop(y)
        if self.many_to_one:
            y = y[:, -1]
        if self.dense is not None:
            y = self.dense_drop(self.dense(y))
        return self.out(y)


def main():
    p = argparse.ArgumentParser(description=__doc__)
    p.add_argument("--model", default="paper-midi", choices=sorted(SIZES) + ["transformer"])
    p.add_argument("--preset", default="small", choices=sorted(TRANSFORMER_PRESETS))
    p.add_argument("--vocab", type=int, default=300)
    p.add_argument("--batch", type=int, default=32)
    p.add_argument("--seq", type=int, default=100)
    p.add_argument("--steps", type=int, default=20)
    p.add_argument("--warmup", type=int, default=3)
    p.add_argument("--threads", type=int, default=0)
    a = p.parse_args()
    if a.threads > 0:
        torch.set_num_threads(a.threads)
    torch.manual_seed(1)
    transformer = a.model == "transformer"
    net = TransformerNet(a.preset, a.vocab) if transformer else Net(a.model, a.vocab)
    net.train()
    # The optimizer each model trains with in NoteForge (and its benchmark): AdamW and clipping for the transformer.
    opt = (torch.optim.AdamW(net.parameters(), lr=1e-3, weight_decay=0.01) if transformer else
           torch.optim.RMSprop(net.parameters(), lr=1e-3, alpha=0.9, eps=1e-7))
    loss_fn = nn.CrossEntropyLoss()
    inputs = torch.randint(a.vocab, (a.batch, a.seq))
    targets = torch.randint(a.vocab, (a.batch,) if net.many_to_one else (a.batch, a.seq))
    times = []
    for step in range(a.warmup + a.steps):
        t0 = time.perf_counter()
        opt.zero_grad()
        logits = net(inputs)
        loss = loss_fn(logits.reshape(-1, a.vocab), targets.reshape(-1))
        loss.backward()
        if transformer:
            nn.utils.clip_grad_norm_(net.parameters(), 1.0)
        opt.step()
        if step >= a.warmup:
            times.append(time.perf_counter() - t0)
    print(json.dumps({"model": a.model, "preset": a.preset if transformer else "", "threads": torch.get_num_threads(), "torch": torch.__version__,
                      "median_step_s": statistics.median(times), "min_step_s": min(times), "max_step_s": max(times)}))


if __name__ == "__main__":
    main()
