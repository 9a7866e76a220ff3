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
    p.add_argument("--model", default="paper-midi", choices=sorted(SIZES))
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
    net = Net(a.model, a.vocab)
    net.train()
    opt = torch.optim.RMSprop(net.parameters(), lr=1e-3, alpha=0.9, eps=1e-7)
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
        opt.step()
        if step >= a.warmup:
            times.append(time.perf_counter() - t0)
    print(json.dumps({"model": a.model, "threads": torch.get_num_threads(), "torch": torch.__version__,
                      "median_step_s": statistics.median(times), "min_step_s": min(times), "max_step_s": max(times)}))


if __name__ == "__main__":
    main()
