#!/usr/bin/python3
"""Reference numbers for the GED of Czolbe et al., "Is segmentation uncertainty useful?" (IPMI 2021).

Faithful transcription of
  repo   : github.com/SteffenCzolbe/probabilistic_segmentation
  path   : src/metrics/generalized_energy_distance.py
           (iou: lines 5-24, ged: lines 27-52, generalized_energy_distance: lines 55-69)
  commit : cc1f665fd91e199973d66c3d3d303f52c76d5eef (HEAD, 2021-03-31; the file was last changed in
           9ef4433210e157712bbea82c1874071dbeab08b9, 2020-11-18, "fixed ged metric for single samples")

The published entry point generalized_energy_distance(model, x, ys, sample_count) draws
sample_count model samples AND re-draws sample_count annotations with replacement
(ys[torch.randint(len(ys), ())]) before calling ged(y_hats, ys). Here we call ged() directly
on GIVEN lists of samples and annotations (no re-drawing), exactly as published otherwise:
torch Long tensors of shape Bx1xHxW (B = 1), float32 arithmetic, eps = 1e-6, all ordered pairs
including i == j (so each term is a plain mean over N*N, N*M, M*M pairs).

Extra (non-published) fields in the json, for convenience of double-precision implementations:
  *_float64 : the same formula with .double() instead of .float() (eps still 1e-6)
  ged_phiseg_utils : GED as in baumgach/PHiSeg-code utils.py generalised_energy_distance
                     (commit c43f3b32e1f434aecba936ff994b6f743ba7a5f8, lines 270-322) with
                     nlabels=1, label_range=[1] as in its call sites; empty/empty -> IoU 1,
                     empty/non-empty -> IoU 0, otherwise medpy jc = |A&B| / |A|B|; float64.

Run: /usr/bin/python3 ged_all_pairs.py  -> writes ged_all_pairs.json next to this script.
"""
import json
import os
from itertools import product, combinations

import numpy as np
import torch


# ---------------- transcription of src/metrics/generalized_energy_distance.py ----------------
def iou(a, b, eps=1e-6):
    """Intersection over Union operation

    Args:
        a: Long-Tensors of shape Bx1xHxW of segmentation maps
        b: Long-Tensors of shape Bx1xHxW of segmentation maps

    Returns:
        List of distances, length B
    """
    if a.max() > 1:
        raise Exception('IoU is only implemented for 2 classes')

    intersection = (a & b).float().sum(
        dim=(1, 2, 3))
    union = (a | b).float().sum(
        dim=(1, 2, 3))

    iou = (intersection + eps) / (union + eps)
    return iou


def ged(samples_a, samples_b):
    """Calculates the Generalized Energy Distance.

    Args:
        samples_a: List of Long-Tensors of shape Bx1xHxW of segmentation maps
        samples_b: List of Long-Tensors of shape Bx1xHxW of segmentation maps

    Returns:
        ged, sample_diversity: Lists of distances, length B
    """
    idx_a = range(len(samples_a))
    idx_b = range(len(samples_b))

    e_ab = torch.stack([1 - iou(samples_a[i], samples_b[j])
                        for i, j in product(idx_a, idx_b)]).mean(dim=0)

    e_aa = torch.stack([1. - iou(samples_a[i], samples_a[j])
                        for i, j in product(idx_a, idx_a)]).mean(dim=0)

    e_bb = torch.stack([1 - iou(samples_b[i], samples_b[j])
                        for i, j in product(idx_b, idx_b)]).mean(dim=0)

    ged = 2 * e_ab - e_aa - e_bb
    sample_diversity = e_aa

    return ged, sample_diversity


def generalized_energy_distance(model, x, ys, sample_count=16):
    """Published entry point -- NOT used here (it re-draws annotations at random)."""
    y_hats = [model.sample_prediction(x) for _ in range(sample_count)]
    ys = [ys[torch.randint(len(ys), ())] for _ in range(sample_count)]
    return ged(y_hats, ys)
# ---------------- end of transcription ----------------


def ged_terms(samples_a, samples_b):
    """Same code as ged() above, but returning the three terms separately (e_ab, e_aa, e_bb)
    and ged, all as computed there (float32)."""
    idx_a = range(len(samples_a))
    idx_b = range(len(samples_b))
    e_ab = torch.stack([1 - iou(samples_a[i], samples_b[j])
                        for i, j in product(idx_a, idx_b)]).mean(dim=0)
    e_aa = torch.stack([1. - iou(samples_a[i], samples_a[j])
                        for i, j in product(idx_a, idx_a)]).mean(dim=0)
    e_bb = torch.stack([1 - iou(samples_b[i], samples_b[j])
                        for i, j in product(idx_b, idx_b)]).mean(dim=0)
    g = 2 * e_ab - e_aa - e_bb
    return g, e_ab, e_aa, e_bb


def ged_terms_float64(samples_a, samples_b, eps=1e-6):
    """NOT published: identical formula in float64 (for double-precision implementations)."""
    def iou64(a, b):
        inter = (a & b).double().sum(dim=(1, 2, 3))
        union = (a | b).double().sum(dim=(1, 2, 3))
        return (inter + eps) / (union + eps)
    e_ab = torch.stack([1 - iou64(x, y) for x, y in product(samples_a, samples_b)]).mean(dim=0)
    e_aa = torch.stack([1 - iou64(x, y) for x, y in product(samples_a, samples_a)]).mean(dim=0)
    e_bb = torch.stack([1 - iou64(x, y) for x, y in product(samples_b, samples_b)]).mean(dim=0)
    return 2 * e_ab - e_aa - e_bb, e_ab, e_aa, e_bb


def ged_phiseg_utils(sample_arr, gt_arr):
    """NOT the seed paper's code: PHiSeg-code utils.generalised_energy_distance with
    nlabels=1, label_range=range(1, 2) (binary foreground), medpy jc inlined."""
    def jc(result, reference):
        result = np.atleast_1d(result.astype(bool))
        reference = np.atleast_1d(reference.astype(bool))
        intersection = np.count_nonzero(result & reference)
        union = np.count_nonzero(result | reference)
        return float(intersection) / float(union)

    nlabels = 1

    def dist_fct(m1, m2):
        per_label_iou = []
        for lbl in range(1, 2):
            m1_bin = (m1 == lbl) * 1
            m2_bin = (m2 == lbl) * 1
            if np.sum(m1_bin) == 0 and np.sum(m2_bin) == 0:
                per_label_iou.append(1)
            elif np.sum(m1_bin) > 0 and np.sum(m2_bin) == 0 or np.sum(m1_bin) == 0 and np.sum(m2_bin) > 0:
                per_label_iou.append(0)
            else:
                per_label_iou.append(jc(m1_bin, m2_bin))
        return 1 - (sum(per_label_iou) / nlabels)

    N = sample_arr.shape[0]
    M = gt_arr.shape[0]
    d_sy = [dist_fct(sample_arr[i], gt_arr[j]) for i in range(N) for j in range(M)]
    d_ss = [dist_fct(sample_arr[i], sample_arr[j]) for i in range(N) for j in range(N)]
    d_yy = [dist_fct(gt_arr[i], gt_arr[j]) for i in range(M) for j in range(M)]
    return (2. / (N * M)) * sum(d_sy) - (1. / N ** 2) * sum(d_ss) - (1. / M ** 2) * sum(d_yy)


def masks(rng, n, h, w, density):
    return (rng.random((n, h, w)) < density).astype(np.int64)


def make_cases():
    cases = []

    # (a) 16 samples vs 4 annotations, 16x16
    rng = np.random.default_rng(1001)
    s = masks(rng, 16, 16, 16, 0.35)
    a = masks(rng, 4, 16, 16, 0.35)
    cases.append(("a_16_samples_vs_4_annotations_16x16", s, a))

    # (a2) 16 vs 4, 16x16, correlated masks (blob + noise), more realistic overlaps
    rng = np.random.default_rng(1002)
    yy, xx = np.mgrid[0:16, 0:16]
    blob = np.hypot(yy - 7.5, xx - 7.5)
    s = np.stack([(blob < rng.uniform(3, 6)).astype(np.int64) ^ (rng.random((16, 16)) < 0.05)
                  for _ in range(16)]).astype(np.int64)
    a = np.stack([(blob < rng.uniform(3, 6)).astype(np.int64) ^ (rng.random((16, 16)) < 0.05)
                  for _ in range(4)]).astype(np.int64)
    cases.append(("a2_16_samples_vs_4_annotations_16x16_blobs", s, a))

    # (b) unequal counts: 5 samples vs 3 annotations, 8x8
    rng = np.random.default_rng(1003)
    s = masks(rng, 5, 8, 8, 0.5)
    a = masks(rng, 3, 8, 8, 0.3)
    cases.append(("b_5_samples_vs_3_annotations_8x8", s, a))

    # (c) some annotations empty and some samples empty, 8x8, 6 samples vs 4 annotations
    rng = np.random.default_rng(1004)
    s = masks(rng, 6, 8, 8, 0.2)
    a = masks(rng, 4, 8, 8, 0.2)
    s[1] = 0
    s[4] = 0
    a[0] = 0
    a[3] = 0
    cases.append(("c_some_empty_samples_and_annotations_8x8", s, a))

    # (d) all samples and annotations empty, 8x8, 4 vs 4
    s = np.zeros((4, 8, 8), dtype=np.int64)
    a = np.zeros((4, 8, 8), dtype=np.int64)
    cases.append(("d_all_empty_8x8", s, a))

    # (e) 1 sample vs 4 annotations, 16x16
    rng = np.random.default_rng(1005)
    s = masks(rng, 1, 16, 16, 0.4)
    a = masks(rng, 4, 16, 16, 0.4)
    cases.append(("e_1_sample_vs_4_annotations_16x16", s, a))

    # (f) all samples empty, annotations non-empty, 8x8, 3 vs 2
    rng = np.random.default_rng(1006)
    s = np.zeros((3, 8, 8), dtype=np.int64)
    a = masks(rng, 2, 8, 8, 0.25)
    cases.append(("f_all_samples_empty_annotations_nonempty_8x8", s, a))

    # (g) samples == annotations (same 4 masks), 8x8 -> ged exactly 0 in exact arithmetic
    rng = np.random.default_rng(1007)
    s = masks(rng, 4, 8, 8, 0.4)
    cases.append(("g_identical_sets_8x8", s, s.copy()))

    return cases


def to_tensors(arr):
    # each element: Long tensor of shape Bx1xHxW with B = 1
    return [torch.from_numpy(np.ascontiguousarray(m)).long().reshape(1, 1, *m.shape) for m in arr]


def main():
    torch.set_num_threads(1)
    out = []
    for name, s, a in make_cases():
        n, h, w = s.shape
        ts, ta = to_tensors(s), to_tensors(a)
        g_pub, div_pub = ged(ts, ta)
        g, e_ab, e_aa, e_bb = ged_terms(ts, ta)
        assert g.dtype == torch.float32
        assert torch.equal(g, g_pub) and torch.equal(e_aa, div_pub)
        g64, ab64, aa64, bb64 = ged_terms_float64(ts, ta)
        rec = {
            "name": name, "height": h, "width": w,
            "samples": [[int(x) for x in m.ravel()] for m in s],
            "annotations": [[int(x) for x in m.ravel()] for m in a],
            "ged": float(g[0]),
            "cross": float(e_ab[0]),
            "sample_diversity": float(e_aa[0]),
            "annotation_diversity": float(e_bb[0]),
            "ged_float64": float(g64[0]),
            "cross_float64": float(ab64[0]),
            "sample_diversity_float64": float(aa64[0]),
            "annotation_diversity_float64": float(bb64[0]),
            "ged_phiseg_utils": float(ged_phiseg_utils(s, a)),
        }
        out.append(rec)
        print(name, {k: repr(v) for k, v in rec.items() if isinstance(v, float)})
    path = os.path.join(os.path.dirname(os.path.abspath(__file__)), "ged_all_pairs.json")
    with open(path, "w") as f:
        json.dump(out, f, indent=1)   # floats written with repr (shortest round-trip)
    print("wrote", path)


if __name__ == "__main__":
    main()
