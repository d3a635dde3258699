#!/usr/bin/python3
"""Reference numbers for the PHiSeg / SSN "NCC" (variance_ncc_dist) metric.

Faithful transcription of
  repo   : github.com/baumgach/PHiSeg-code
  path   : utils.py   (functions ncc, lines 103-118, and variance_ncc_dist, lines 326-370)
  commit : c43f3b32e1f434aecba936ff994b6f743ba7a5f8 (HEAD, 2019-10-30; utils.py last changed in
           788d26e22a0c97332138954970c787b94bba7d9b)
Call sites (phiseg_test_quantitative.py:64, phiseg/phiseg_model.py:598) pass
  sample_arr = softmax outputs, shape N x X x Y x nlabels (float)
  gt_arr     = utils.convert_batch_to_onehot(labels, nlabels), shape M x X x Y x nlabels (float64 0/1)
Here nlabels = 2, channel 0 = background (1 - p), channel 1 = foreground (p), all float64.

Run: /usr/bin/python3 ncc.py   -> writes ncc.json next to this script.
"""
import json
import os

import numpy as np


# ---------------- transcription of PHiSeg-code/utils.py ----------------
def ncc(a, v, zero_norm=True):

    a = a.flatten()
    v = v.flatten()

    if zero_norm:

        a = (a - np.mean(a)) / (np.std(a) * len(a))
        v = (v - np.mean(v)) / np.std(v)

    else:

        a = (a) / (np.std(a) * len(a))
        v = (v) / np.std(v)

    return np.correlate(a, v)


def variance_ncc_dist(sample_arr, gt_arr):

    def pixel_wise_xent(m_samp, m_gt, eps=1e-8):

        log_samples = np.log(m_samp + eps)

        return -1.0 * np.sum(m_gt * log_samples, axis=-1)

    """
    :param sample_arr: expected shape N x X x Y
    :param gt_arr: M x X x Y
    :return:
    """

    mean_seg = np.mean(sample_arr, axis=0)

    N = sample_arr.shape[0]
    M = gt_arr.shape[0]

    sX = sample_arr.shape[1]
    sY = sample_arr.shape[2]

    E_ss_arr = np.zeros((N, sX, sY))
    for i in range(N):
        E_ss_arr[i, ...] = pixel_wise_xent(sample_arr[i, ...], mean_seg)

    E_ss = np.mean(E_ss_arr, axis=0)

    E_sy_arr = np.zeros((M, N, sX, sY))
    for j in range(M):
        for i in range(N):
            E_sy_arr[j, i, ...] = pixel_wise_xent(sample_arr[i, ...], gt_arr[j, ...])

    E_sy = np.mean(E_sy_arr, axis=1)

    ncc_list = []
    for j in range(M):

        ncc_list.append(ncc(E_ss, E_sy[j, ...]))

    return (1 / M) * sum(ncc_list)


def convert_to_onehot(lblmap, nlabels):

    output = np.zeros((lblmap.shape[0], lblmap.shape[1], nlabels))
    for ii in range(nlabels):
        output[:, :, ii] = (lblmap == ii).astype(np.uint8)
    return output


def convert_batch_to_onehot(lblbatch, nlabels):

    out = []
    for ii in range(lblbatch.shape[0]):

        lbl = convert_to_onehot(lblbatch[ii, ...], nlabels)
        out.append(lbl)

    return np.asarray(out)
# ---------------- end of transcription ----------------


def per_annotator(sample_arr, gt_arr):
    """Same arithmetic as variance_ncc_dist, but returns the list of per-annotator ncc values
    (the published function only returns their mean)."""
    eps = 1e-8
    mean_seg = np.mean(sample_arr, axis=0)
    N, M = sample_arr.shape[0], gt_arr.shape[0]
    E_ss_arr = np.zeros((N,) + sample_arr.shape[1:3])
    for i in range(N):
        E_ss_arr[i] = -1.0 * np.sum(mean_seg * np.log(sample_arr[i] + eps), axis=-1)
    E_ss = np.mean(E_ss_arr, axis=0)
    E_sy_arr = np.zeros((M, N) + sample_arr.shape[1:3])
    for j in range(M):
        for i in range(N):
            E_sy_arr[j, i] = -1.0 * np.sum(gt_arr[j] * np.log(sample_arr[i] + eps), axis=-1)
    E_sy = np.mean(E_sy_arr, axis=1)
    return [float(ncc(E_ss, E_sy[j])[0]) for j in range(M)]


def to_softmax(fg):
    """fg: N x H x W foreground probabilities -> N x H x W x 2 (bg = 1 - p, fg = p)."""
    return np.stack([1.0 - fg, fg], axis=-1)


def make_cases():
    cases = []

    # 1) 8x8, N = 8 samples, 4 annotations, uniform probabilities in (0.01, 0.99)
    rng = np.random.default_rng(20210101)
    fg = rng.uniform(0.01, 0.99, size=(8, 8, 8))
    ann = (rng.random((4, 8, 8)) < 0.4).astype(np.int64)
    cases.append(("n8_m4_8x8_uniform", fg, ann))

    # 2) 16x16, N = 8, 4 annotations, spatially structured probabilities with saturated pixels
    rng = np.random.default_rng(20210102)
    H = W = 16
    yy, xx = np.mgrid[0:H, 0:W]
    base = 1.0 / (1.0 + np.exp(-(6.0 - np.hypot(yy - 7.5, xx - 7.5)) * 1.5))
    fg = np.empty((8, H, W))
    for i in range(8):
        logits = np.log(base / (1 - base) + 1e-300) + rng.normal(0.0, 1.0, size=(H, W))
        fg[i] = 1.0 / (1.0 + np.exp(-logits))
    # saturate some pixels hard
    fg[:, 0, :] = 1e-12          # far background row, essentially 0
    fg[:, 7:9, 7:9] = 1.0 - 1e-12  # centre, essentially 1
    fg[0, 15, 15] = 0.0          # exact 0
    fg[1, 8, 8] = 1.0            # exact 1
    ann = np.empty((4, H, W), dtype=np.int64)
    for j in range(4):
        r = 5.0 + j * 0.7
        ann[j] = (np.hypot(yy - 7.5, xx - 7.5) < r).astype(np.int64)
    # make annotator 3 noisy
    flip = rng.random((H, W)) < 0.05
    ann[3] = np.where(flip, 1 - ann[3], ann[3])
    cases.append(("n8_m4_16x16_structured_saturated", fg, ann))

    # 3) 8x8, N = 8, 4 annotations, probabilities from a Beta(0.3,0.3) (many near 0/1),
    #    one annotation is all zeros (empty) -> its E_sy map is still non-constant
    rng = np.random.default_rng(20210103)
    fg = rng.beta(0.3, 0.3, size=(8, 8, 8))
    fg = np.clip(fg, 1e-15, 1 - 1e-15)
    ann = (rng.random((4, 8, 8)) < 0.5).astype(np.int64)
    ann[2] = 0
    cases.append(("n8_m4_8x8_beta_with_empty_annotation", fg, ann))

    # 4) 16x16, N = 1 sample, 4 annotations
    rng = np.random.default_rng(20210104)
    fg = rng.uniform(0.001, 0.999, size=(1, 16, 16))
    ann = (rng.random((4, 16, 16)) < 0.3).astype(np.int64)
    cases.append(("n1_m4_16x16_single_sample", fg, ann))

    # 5) 8x8, N = 8, 1 annotation
    rng = np.random.default_rng(20210105)
    fg = rng.uniform(0.05, 0.95, size=(8, 8, 8))
    ann = (rng.random((1, 8, 8)) < 0.5).astype(np.int64)
    cases.append(("n8_m1_8x8_single_annotation", fg, ann))

    # 6) 8x8, N = 8, 4 annotations, all annotators identical to each other
    rng = np.random.default_rng(20210106)
    fg = rng.uniform(0.01, 0.99, size=(8, 8, 8))
    a0 = (rng.random((8, 8)) < 0.5).astype(np.int64)
    ann = np.stack([a0] * 4)
    cases.append(("n8_m4_8x8_identical_annotations", fg, ann))

    return cases


def main():
    out = []
    for name, fg, ann in make_cases():
        N, H, W = fg.shape
        s = to_softmax(fg)
        g = convert_batch_to_onehot(ann, 2)
        val = variance_ncc_dist(s, g)          # 1-element ndarray, as published
        pa = per_annotator(s, g)
        v = float(val[0])
        assert np.isfinite(v), name
        assert abs(v - sum(pa) / len(pa)) < 1e-12
        out.append({
            "name": name, "height": H, "width": W,
            "samples": [[float(x) for x in fg[i].ravel()] for i in range(N)],
            "annotations": [[int(x) for x in ann[j].ravel()] for j in range(ann.shape[0])],
            "ncc": v,
            "per_annotator": pa,
        })
        print(name, repr(v), [repr(x) for x in pa])
    path = os.path.join(os.path.dirname(os.path.abspath(__file__)), "ncc.json")
    with open(path, "w") as f:
        json.dump(out, f, indent=1)   # json.dump writes floats with repr (shortest round-trip)
    print("wrote", path)


if __name__ == "__main__":
    main()
