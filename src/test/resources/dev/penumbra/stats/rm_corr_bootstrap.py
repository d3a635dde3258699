#!/usr/bin/python3
"""Subject-level percentile bootstrap of the repeated-measures correlation r on Bland & Altman (1995).

Independent of Penumbra's code: each resample draws the 8 subjects with replacement (a subject drawn twice counts as
two subjects), recomputes rm_corr r from scratch (centre x and y within each drawn subject, Pearson of the centred
values, numpy.corrcoef), and the interval is numpy's default (linear, type 7) 2.5 and 97.5 percentiles of 100000
resamples. A different random stream than Penumbra's, so the two intervals agree only to Monte-Carlo error.

Run: /usr/bin/python3 src/test/resources/dev/penumbra/stats/rm_corr_bootstrap.py   (Debian python3-numpy)
"""
import csv
import os

import numpy as np


def rm_corr_r(groups):
    cx = np.concatenate([x - x.mean() for x, _ in groups])
    cy = np.concatenate([y - y.mean() for _, y in groups])
    return np.corrcoef(cx, cy)[0, 1]


def main():
    path = os.path.join(os.path.dirname(os.path.abspath(__file__)), "rm_corr_bland1995.csv")
    rows = list(csv.DictReader(open(path)))
    subjects = sorted({r["Subject"] for r in rows}, key=int)
    groups = [(np.array([float(r["pH"]) for r in rows if r["Subject"] == s]),
               np.array([float(r["PacO2"]) for r in rows if r["Subject"] == s])) for s in subjects]
    rng = np.random.default_rng(20261202)
    rs = []
    for _ in range(100000):
        pick = rng.integers(len(groups), size=len(groups))
        rs.append(rm_corr_r([groups[i] for i in pick]))
    rs = np.array(rs)
    rs = rs[np.isfinite(rs)]
    print("r", repr(rm_corr_r(groups)))
    print("ci", repr(np.percentile(rs, 2.5)), repr(np.percentile(rs, 97.5)), "resamples", len(rs))


if __name__ == "__main__":
    main()
