#!/usr/bin/python3
"""Image-level (cluster) percentile bootstrap of the AUROC, independent of Penumbra's code.

Data: 24 images of 40 pixels; per image a random error rate and a score that is higher on wrong pixels by an
image-specific amount, plus an image-wide offset (so pixels of an image are correlated). Each resample draws the 24
images with replacement, pools their pixels and computes the AUROC from scratch (Mann-Whitney with average ranks via
numpy); the interval is numpy's default (type 7) 2.5 / 97.5 percentiles of 40000 resamples. Writes the data and the
numbers to auroc_cluster_bootstrap.json beside this script.

Run: /usr/bin/python3 src/test/resources/dev/penumbra/metric/auroc_cluster_bootstrap.py   (Debian python3-numpy)
"""
import json
import os

import numpy as np


def auroc(score, positive):
    order = np.argsort(score, kind="mergesort")
    s = score[order]
    ranks = np.empty(len(s))
    i = 0
    while i < len(s):
        j = i
        while j + 1 < len(s) and s[j + 1] == s[i]:
            j += 1
        ranks[i:j + 1] = (i + j) / 2 + 1
        i = j + 1
    r = np.empty(len(s))
    r[order] = ranks
    n_pos = positive.sum()
    n_neg = len(positive) - n_pos
    return (r[positive].sum() - n_pos * (n_pos + 1) / 2) / (n_pos * n_neg)


def main():
    rng = np.random.default_rng(11)
    images, pixels = 24, 40
    score, wrong, cluster = [], [], []
    for k in range(images):
        rate = rng.uniform(0.05, 0.4)
        w = rng.random(pixels) < rate
        offset = rng.normal(0, 0.5)
        lift = rng.uniform(-0.2, 1.0)
        s = np.round(offset + lift * w + rng.normal(0, 0.6, pixels), 2)  # rounded: ties occur
        score += list(s)
        wrong += list(w)
        cluster += [k] * pixels
    score, wrong, cluster = np.array(score), np.array(wrong), np.array(cluster)
    members = [np.flatnonzero(cluster == k) for k in range(images)]
    boot = []
    brng = np.random.default_rng(5)
    for _ in range(40000):
        idx = np.concatenate([members[i] for i in brng.integers(images, size=images)])
        if wrong[idx].all() or not wrong[idx].any():
            continue
        boot.append(auroc(score[idx], wrong[idx]))
    out = {"score": [float(x) for x in score], "wrong": [bool(x) for x in wrong], "cluster": [int(x) for x in cluster],
           "auroc": float(auroc(score, wrong)), "low": float(np.percentile(boot, 2.5)),
           "high": float(np.percentile(boot, 97.5)), "resamples": len(boot)}
    print(out["auroc"], out["low"], out["high"], out["resamples"])
    with open(os.path.join(os.path.dirname(os.path.abspath(__file__)), "auroc_cluster_bootstrap.json"), "w") as f:
        json.dump(out, f)


if __name__ == "__main__":
    main()
