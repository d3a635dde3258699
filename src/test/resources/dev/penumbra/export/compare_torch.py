#!/usr/bin/python3
"""Loads an exported model with python/penumbra_torch.py and compares its forwards with Penumbra's.

usage: compare_torch.py CASE_DIR    (python/ on PYTHONPATH)
CASE_DIR holds model.safetensors, case.json ({"expected": [names], "inputs": [names]}), images.npy, one .npy per
input (z, labels, eps1, eps2, mask0, mask1, ...) and expected_<name>.npy per output, all written by Penumbra
(TorchExportTest). Writes CASE_DIR/result.json: per output the max abs difference and both shapes, plus a check
that sample() gives probabilities.
"""
import json
import os
import sys

import numpy
import torch

import penumbra_torch


def main(case):
    with open(os.path.join(case, "case.json")) as f:
        spec = json.load(f)
    model = penumbra_torch.load(os.path.join(case, "model.safetensors"))

    def read(name):
        return torch.from_numpy(numpy.load(os.path.join(case, name + ".npy")))

    x = read("images")
    inputs = {name: read(name) for name in spec["inputs"]}
    masks = [inputs["mask%d" % i] for i in range(sum(1 for n in inputs if n.startswith("mask")))]
    forwards = {
        "forward": lambda: model(x),
        "logits": lambda: model.logits(x),
        "member_logits": lambda: model.member_logits(x),
        "forward_with_masks": lambda: model.forward_with_masks(x, masks),
        "forward_z": lambda: model.forward_z(x, inputs["z"]),
        "prior_mu": lambda: model.prior(x)[0],
        "prior_log_sigma": lambda: model.prior(x)[1],
        "posterior_mu": lambda: model.posterior_of(x, inputs["labels"])[0],
        "posterior_log_sigma": lambda: model.posterior_of(x, inputs["labels"])[1],
        "factor": lambda: model.distribution(x)[1],
        "diag": lambda: model.distribution(x)[2],
        "logits_given_noise": lambda: model.logits_given_noise(x, inputs["eps1"], inputs["eps2"]),
    }
    result = {"model": type(model).__name__, "training": model.training, "outputs": {}}
    with torch.no_grad():
        for name in spec["expected"]:
            want = read("expected_" + name)
            got = forwards[name]()
            entry = {"java_shape": list(want.shape), "torch_shape": list(got.shape)}
            if got.shape == want.shape:
                entry["max_abs_diff"] = (got - want).abs().max().item()
            result["outputs"][name] = entry
        samples = model.sample(x, 3, torch.Generator().manual_seed(1))
        result["sample_shape"] = list(samples.shape)
        result["sample_sum_error"] = (samples.sum(2) - 1).abs().max().item()
        result["sample_min"] = samples.min().item()
    with open(os.path.join(case, "result.json"), "w") as f:
        json.dump(result, f, indent=2)


if __name__ == "__main__":
    main(sys.argv[1])
