#!/usr/bin/python3
"""Reference trajectory of torch.optim.Adam for AdamTest.

Penumbra's Adam (train/Adam.java) implements PyTorch's rule with its defaults: beta1 0.9, beta2 0.999,
eps 1e-8 added to the square root of the bias-corrected second moment, both moments bias-corrected, no
weight decay (weight_decay=0, PyTorch's default), no AMSGrad. This script runs five steps of that optimiser in
float32 on one 2 x 3 parameter with fixed gradients per step, chosen to exercise each part of the rule:
  - large and small magnitudes and sign changes (the moments' running means),
  - a gradient of 1e-8, where eps is as large as the root of the second moment (eps's place in the rule),
  - a zero gradient after non-zero ones (the update continues from the first moment alone),
  - a gradient that is zero from the start (the update stays 0: 0 / (0 + eps)).

Run: /usr/bin/python3 src/test/resources/dev/penumbra/train/adam_reference.py   # Debian python3-torch 1.13
It prints the parameter after each step, row-major, with 9 significant digits (float32 round-trips).
"""
import torch

LR = 0.01
START = [[0.5, -1.25, 2.0], [0.0, 3.0, -0.75]]
GRADIENTS = [
    [[0.3, -2.0, 1e3], [1e-8, 0.0, -0.05]],
    [[-0.1, -1.5, 8e2], [1e-8, 0.0, 0.2]],
    [[0.25, 0.5, -1e3], [1e-8, 0.0, 0.0]],
    [[0.0, 1.0, 5e2], [1e-8, 0.0, 0.0]],
    [[-0.4, 0.75, 1e-3], [1e-8, 0.0, -0.3]],
]


def main():
    w = torch.tensor(START, dtype=torch.float32, requires_grad=True)
    adam = torch.optim.Adam([w], lr=LR, betas=(0.9, 0.999), eps=1e-8, weight_decay=0, amsgrad=False)
    for step, g in enumerate(GRADIENTS, start=1):
        adam.zero_grad()
        w.grad = torch.tensor(g, dtype=torch.float32)
        adam.step()
        print(f"step {step}: " + ", ".join("%.9g" % v for v in w.detach().flatten().tolist()))


if __name__ == "__main__":
    main()
