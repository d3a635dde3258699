"""Writes the two TorchScript modules that Penumbra's bf16 path uses to change a tensor's type.

DJL 0.36's PyTorch engine has no bfloat16 in its native type table: NDArray.toType(BFLOAT16) aborts the JVM. A
TorchScript module that calls x.to(dtype) does the conversion inside libtorch instead, and, called with DJL's
training flag while autograd records, it is differentiable like any other op (nn/Bf16Casts.java).

    /usr/bin/python3 python/make_bf16_casters.py src/main/resources/dev/penumbra/nn

The committed files were written by Debian's python3-torch 1.13 and load in libtorch 2.7.1.
"""
import sys

import torch


class ToBfloat16(torch.nn.Module):
    def forward(self, x: torch.Tensor) -> torch.Tensor:
        return x.to(torch.bfloat16)


class ToFloat32(torch.nn.Module):
    def forward(self, x: torch.Tensor) -> torch.Tensor:
        return x.to(torch.float32)


def main(folder):
    torch.jit.script(ToBfloat16()).save(f"{folder}/to_bf16.pt")
    torch.jit.script(ToFloat32()).save(f"{folder}/to_fp32.pt")


if __name__ == "__main__":
    main(sys.argv[1] if len(sys.argv) > 1 else ".")
