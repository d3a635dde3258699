#!/usr/bin/python3
"""Reference numbers for the Stochastic Segmentation Network's loss and covariance (Monteiro et al. 2020).

The loss of the authors' LIDC code (github.com/MiguelMonteiro/PHiSeg-code, phiseg/phiseg_model.py,
add_proposed_loss, commit 86436f8) and of their BraTS code (github.com/biomedia-mira/stochastic_segmentation_networks,
ssn/trainer/losses.py, commit 8a622bf): with M logit samples eta_m ~ N(mu, P P^T + D),
    loss = -mean_b [ logsumexp_m sum_i log softmax(eta_m)_i[y_i] - log M ].
Penumbra divides by the number of pixels (the sum of the class weights w[y_i] when weighted) instead of by B, so
that the loss reads in nats per pixel; with w[y_i] = 1 that is the published loss / (H * W).

The logit samples are eta_m = mu + P eps1_m + sqrt(D) eps2_m with the noise given here (the arithmetic of
torch.distributions.LowRankMultivariateNormal.rsample), so that Java can reproduce them exactly. Layout: an event
is the C x H x W logit map flattened C-major (k = c * H * W + h * W + w); the factor is stored B x R x C x H x W,
i.e. cov_factor[b, k, r] = factor[b, r, k].

Two independent computations are compared in float64: torch (cross_entropy with reduction='none' and per-class
weight, torch.logsumexp) and numpy by hand.

Run: /usr/bin/python3 src/test/resources/dev/penumbra/model/ssn_loss.py   (Debian python3-numpy, python3-torch)
     -> writes ssn_loss.json next to this script.
"""
import json
import math
import os

import numpy as np
import torch
import torch.nn.functional as F
from torch.distributions import LowRankMultivariateNormal


def case(name, seed, b, c, h, w, rank, m, weights=None, mean_scale=1.0, factor_scale=0.5, log_diag_shift=-1.0):
    rng = np.random.default_rng(seed)
    k = c * h * w
    mean = rng.normal(0.0, 1.0, size=(b, c, h, w)) * mean_scale
    factor = rng.normal(0.0, 1.0, size=(b, rank, c, h, w)) * factor_scale
    diag = np.exp(rng.normal(log_diag_shift, 0.5, size=(b, c, h, w))) + 1e-5
    eps1 = rng.normal(size=(m, b, rank))
    eps2 = rng.normal(size=(m, b, c, h, w))
    labels = rng.integers(0, c, size=(b, 1, h, w))
    return dict(name=name, b=b, c=c, h=h, w=w, rank=rank, m=m, weights=weights, mean=mean, factor=factor, diag=diag,
                eps1=eps1, eps2=eps2, labels=labels)


def logits_numpy(x):
    b, c, h, w, r, m = x["b"], x["c"], x["h"], x["w"], x["rank"], x["m"]
    k = c * h * w
    p = x["factor"].reshape(b, r, k)                       # B x R x K
    low_rank = np.einsum("brk,mbr->mbk", p, x["eps1"])     # M x B x K
    eta = x["mean"].reshape(1, b, k) + low_rank + np.sqrt(x["diag"]).reshape(1, b, k) * x["eps2"].reshape(m, b, k)
    return eta.reshape(m, b, c, h, w)


def loss_numpy(eta, x):
    m, b, c, h, w = eta.shape
    shift = eta.max(axis=2, keepdims=True)
    log_p = eta - shift - np.log(np.exp(eta - shift).sum(axis=2, keepdims=True))
    y = x["labels"][:, 0]                                  # B x H x W
    wts = np.ones(c) if x["weights"] is None else np.asarray(x["weights"], dtype=float)
    picked = np.take_along_axis(log_p, np.broadcast_to(y[None, :, None], (m, b, 1, h, w)), axis=2)[:, :, 0]
    per_image = (picked * wts[y][None]).reshape(m, b, -1).sum(axis=2)   # M x B
    top = per_image.max(axis=0)
    lse = top + np.log(np.exp(per_image - top).sum(axis=0))
    return float(-(lse - math.log(m)).sum() / wts[y].sum()), per_image


def loss_torch(x):
    b, c, h, w, r, m = x["b"], x["c"], x["h"], x["w"], x["rank"], x["m"]
    k = c * h * w
    loc = torch.tensor(x["mean"].reshape(b, k))
    cov_factor = torch.tensor(x["factor"].reshape(b, r, k)).transpose(1, 2)   # B x K x R
    cov_diag = torch.tensor(x["diag"].reshape(b, k))
    dist = LowRankMultivariateNormal(loc, cov_factor, cov_diag)               # checks the arguments
    eps_w = torch.tensor(x["eps1"])
    eps_d = torch.tensor(x["eps2"].reshape(m, b, k))
    # LowRankMultivariateNormal.rsample with this noise: loc + _batch_mv(cov_factor, eps_W) + sqrt(cov_diag) * eps_D
    eta = dist.loc + torch.matmul(dist.cov_factor, eps_w.unsqueeze(-1)).squeeze(-1) + dist.cov_diag.sqrt() * eps_d
    target = torch.tensor(x["labels"][:, 0]).reshape(1, b, h * w).expand(m, b, h * w).reshape(m * b, h * w)
    weight = None if x["weights"] is None else torch.tensor(x["weights"], dtype=torch.float64)
    nll = F.cross_entropy(eta.reshape(m * b, c, h * w), target, weight=weight, reduction="none")
    per_image = -nll.reshape(m, b, -1).sum(-1)
    lse = torch.logsumexp(per_image, dim=0) - math.log(m)
    wsum = float(h * w * b) if weight is None else float(weight[torch.tensor(x["labels"])].sum())
    return float(-lse.sum() / wsum), eta.reshape(m, b, c, h, w).numpy()


def main():
    cases = [
        case("binary_b2_3x3_rank2_m4", 1, 2, 2, 3, 3, 2, 4),
        case("binary_weighted_1_3", 2, 2, 2, 3, 3, 2, 4, weights=[1.0, 3.0]),
        case("three_classes_b1_2x4_rank3_m5", 3, 1, 3, 2, 4, 3, 5),
        # per-image log-likelihoods of -1e4 and below: exp() of them is 0 even in float64, the log-sum-exp is not
        case("large_logits", 4, 2, 2, 4, 4, 2, 4, mean_scale=2000.0, factor_scale=500.0),
    ]
    out = []
    for x in cases:
        eta = logits_numpy(x)
        ref, per_image = loss_numpy(eta, x)
        ref_torch, eta_torch = loss_torch(x)
        assert np.allclose(eta, eta_torch, rtol=1e-12, atol=1e-9), x["name"]
        assert abs(ref - ref_torch) <= 1e-9 * max(1.0, abs(ref)), (x["name"], ref, ref_torch)
        assert np.isfinite(ref)
        out.append({"name": x["name"], "batch": x["b"], "classes": x["c"], "height": x["h"], "width": x["w"],
                    "rank": x["rank"], "samples": x["m"], "weights": x["weights"],
                    "mean": x["mean"].ravel().tolist(), "factor": x["factor"].ravel().tolist(),
                    "diag": x["diag"].ravel().tolist(), "eps1": x["eps1"].ravel().tolist(),
                    "eps2": x["eps2"].ravel().tolist(), "labels": x["labels"].ravel().tolist(),
                    "logits": eta.ravel().tolist(), "loss": ref,
                    "min_per_image_loglik": float(per_image.min())})
        print(x["name"], repr(ref), "min per-image log-lik", per_image.min())

    # covariance of one tiny map (B = 1, C = 2, 2 x 2, rank 2): torch's P P^T + D, K = 8
    cov = case("covariance_1x2x2x2_rank2", 5, 1, 2, 2, 2, 2, 1, log_diag_shift=-0.5)
    k = 8
    dist = LowRankMultivariateNormal(torch.tensor(cov["mean"].reshape(1, k)),
                                     torch.tensor(cov["factor"].reshape(1, 2, k)).transpose(1, 2),
                                     torch.tensor(cov["diag"].reshape(1, k)))
    covariance = {"name": cov["name"], "mean": cov["mean"].ravel().tolist(),
                  "factor": cov["factor"].ravel().tolist(), "diag": cov["diag"].ravel().tolist(),
                  "covariance": dist.covariance_matrix[0].numpy().ravel().tolist()}
    path = os.path.join(os.path.dirname(os.path.abspath(__file__)), "ssn_loss.json")
    with open(path, "w") as f:
        json.dump({"losses": out, "covariance": covariance}, f, indent=1)
    print("wrote", path)


if __name__ == "__main__":
    main()
