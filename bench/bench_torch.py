#!/usr/bin/python3
"""The PyTorch twin of `penumbra bench`: the same U-Net, the same four items, timed the same way, the same JSON.

Run with Debian's interpreter, which has python3-torch:  /usr/bin/python3 bench/bench_torch.py --threads 2
(The `python3` first on PATH may be another interpreter without torch.)

Network (PROTOCOL.md, "One backbone"; dev.penumbra.nn.UNet; defined in python/penumbra_torch.py):
  encoder block: [2x2 average pool, not in the first block] -> batch norm -> Dropout2d(p) -> 3 x (3x3 conv, pad 1, ReLU)
  decoder block: bilinear x2 upsampling (align_corners=True) of the deeper map, concatenated [upsampled, skip],
                 then the same block
  head:          Dropout2d(p) -> 1x1 conv to the classes
Items (each: warm-up runs untimed, then timed runs; median and fastest reported):
  train_step    model.train(), forward, cross-entropy, backward, Adam (lr 1e-4), batch 32
  inference     model.eval(), torch.no_grad(), forward + softmax, batch 32
  mc16          p = 0.5, batch norm in eval mode, Dropout2d in train mode, no_grad, 16 forwards + softmax, batch 8
  conv_ceiling  no_grad 1x1 convolution 8 x 1024 x 32 x 32 -> 1024 channels (--conv-shape)
The timed runs go round-robin over the items (all warm-ups first), as in `penumbra bench`, so that on a shared
machine whose speed drifts every item sees the same conditions.
FLOP are counted as in dev.penumbra.bench.FlopCount: 2 x MACs of every convolution; a training step = 3 forwards.
"""
import argparse
import datetime
import json
import os
import platform
import statistics
import subprocess
import sys
import time

import torch
import torch.nn as nn
import torch.nn.functional as F

# the network is the one `penumbra export` files load into (python/penumbra_torch.py), not a copy of it
sys.path.insert(0, os.path.join(os.path.dirname(os.path.abspath(__file__)), os.pardir, "python"))
from penumbra_torch import UNet  # noqa: E402

ITEMS = {"train": "train_step", "inference": "inference", "mc16": "mc16", "conv": "conv_ceiling"}
TRAINING_STEP_FORWARDS = 3
LEARNING_RATE = 1e-4
CONV = (8, 1024, 32, 32, 1024)  # N, C_in, H, W, C_out; as ConvShape.DEFAULT


def conv_flop(cin, cout, kernel, h, w):
    return 2 * cin * cout * kernel * kernel * h * w


def forward_flop(in_channels, classes, filters, convs, size):
    """FLOP of one image's forward pass; the same count as FlopCount.forward."""
    def block(cin, cout, s):
        return conv_flop(cin, cout, 3, s, s) + (convs - 1) * conv_flop(cout, cout, 3, s, s)
    total, channels = 0, in_channels
    for i, f in enumerate(filters):
        total += block(channels, f, size >> i)
        channels = f
    for j in range(len(filters) - 2, -1, -1):
        total += block(filters[j + 1] + filters[j], filters[j], size >> j)
    return total + conv_flop(filters[0], classes, 1, size, size)


def reset_peak():
    try:
        with open("/proc/self/clear_refs", "w") as f:
            f.write("5")
        return True
    except OSError:
        return False


def memory():
    """(VmHWM, VmRSS) in MiB, or (None, None) without /proc."""
    try:
        values = {}
        with open("/proc/self/status") as f:
            for line in f:
                key, _, rest = line.partition(":")
                if key in ("VmHWM", "VmRSS"):
                    values[key] = int(rest.split()[0]) / 1024.0
        return values.get("VmHWM"), values.get("VmRSS")
    except OSError:
        return None, None


def result(what, ms, flop):
    median = statistics.median(ms)
    gflop = flop / 1e9
    return {"what": what, "times_ms": ms, "median_ms": median, "min_ms": min(ms), "gflop": gflop,
            "gflops": gflop / (median / 1e3), "ceiling_fraction": None, "peak_rss_mib": None, "rss_mib": None}


# Each set-up returns (what, flop per run, prepare); prepare() builds one run's inputs (untimed) and returns the work.

def train_step(a, forward):
    model = UNet(1, 2, a.filters, 3, 0.0).train()
    adam = torch.optim.Adam(model.parameters(), lr=LEARNING_RATE)
    x = torch.rand(a.batch, 1, a.size, a.size)
    y = torch.randint(0, 2, (a.batch, a.size, a.size))

    def prepare():
        def work():
            adam.zero_grad()
            loss = F.cross_entropy(model(x), y)
            loss.item()
            loss.backward()
            adam.step()
        return work
    return ("gradient step of the softmax U-Net, batch %d (forward, loss, backward, Adam)" % a.batch,
            TRAINING_STEP_FORWARDS * forward * a.batch, prepare)


def inference(a, forward):
    model = UNet(1, 2, a.filters, 3, 0.0).eval()
    x = torch.rand(a.batch, 1, a.size, a.size)

    def prepare():
        def work():
            with torch.no_grad():
                model(x).softmax(1)
        return work
    return "no-grad forward of the softmax U-Net with softmax, batch %d" % a.batch, forward * a.batch, prepare


def mc16(a, forward):
    model = UNet(1, 2, a.filters, 3, 0.5).eval()
    for m in model.modules():  # MC dropout: dropout on, batch norm on its running statistics
        if isinstance(m, nn.Dropout2d):
            m.train()
    x = torch.rand(a.mc_batch, 1, a.size, a.size)
    n = 16

    def prepare():
        def work():
            with torch.no_grad():
                if a.mc_batched:  # the n samples as one batch of n x B images, as McDropoutUNet does
                    model(x.repeat(n, 1, 1, 1)).softmax(1).reshape(n, a.mc_batch, 2, a.size, a.size)
                else:  # one forward per sample, as the published code does
                    torch.stack([model(x).softmax(1) for _ in range(n)])
        return work
    return ("%d samples of MC dropout (p 0.5), batch %d, %s (%d forwards counted)"
            % (n, a.mc_batch, "batched" if a.mc_batched else "looped", n), n * forward * a.mc_batch, prepare)


def conv_ceiling(a, forward):
    n, cin, h, w, cout = a.conv_shape
    weight = torch.randn(cout, cin, 1, 1) * 0.05

    def prepare():
        x = torch.rand(n, cin, h, w)

        def work():
            with torch.no_grad():
                F.conv2d(x, weight)
        return work
    return ("1x1 convolution %d x %d x %d x %d to %d channels, no grad" % (n, cin, h, w, cout),
            conv_flop(cin, cout, 1, h, w) * n, prepare)


def once(prepare):
    work = prepare()
    t0 = time.perf_counter()
    work()
    elapsed = (time.perf_counter() - t0) * 1e3
    del work
    return elapsed


def measure(setups, warmup, repeats):
    """All warm-ups item by item, then the timed runs round-robin over the items; returns {key: result}."""
    for what, flop, prepare in setups.values():
        for _ in range(warmup):
            once(prepare)
    times = {key: [] for key in setups}
    peaks = {key: None for key in setups}
    rss = {key: None for key in setups}
    for _ in range(repeats):
        for key, (what, flop, prepare) in setups.items():
            reset_peak()
            times[key].append(once(prepare))
            peak, rss[key] = memory()
            if peak is not None:
                peaks[key] = peak if peaks[key] is None else max(peaks[key], peak)
    out = {}
    for key, (what, flop, prepare) in setups.items():
        r = result(what, times[key], flop)
        r["peak_rss_mib"], r["rss_mib"] = peaks[key], rss[key]
        out[key] = r
    return out


def cpu_model():
    try:
        with open("/proc/cpuinfo") as f:
            for line in f:
                if line.startswith("model name"):
                    return line.split(":", 1)[1].strip()
    except OSError:
        pass
    return platform.processor()


def allocator():
    preload = os.environ.get("LD_PRELOAD", "")
    if "jemalloc" in preload:
        return "jemalloc"
    if "tcmalloc" in preload:
        return "tcmalloc"
    return "glibc (tuned)" if "MALLOC_MMAP_MAX_" in os.environ else "glibc"


def git_revision():
    try:
        here = os.path.dirname(os.path.abspath(__file__))
        return subprocess.run(["git", "-C", here, "rev-parse", "HEAD"], capture_output=True, text=True,
                              timeout=10).stdout.strip() or "unknown"
    except (OSError, subprocess.SubprocessError):
        return "unknown"


def main():
    p = argparse.ArgumentParser(description="Time the Penumbra U-Net in PyTorch; prints the JSON of "
                                            "'penumbra bench --json'.")
    p.add_argument("--threads", type=int, default=2, help="torch.set_num_threads (default: 2)")
    p.add_argument("--items", default="train,inference,mc16,conv", help="comma list of train, inference, mc16, conv")
    p.add_argument("--repeats", type=int, default=5, help="timed runs per item (default: 5)")
    p.add_argument("--warmup", type=int, default=2, help="untimed runs before them (default: 2)")
    p.add_argument("--batch", type=int, default=32, help="images per training step and inference (default: 32)")
    p.add_argument("--mc-batch", type=int, default=8, help="images per MC prediction (default: 8)")
    p.add_argument("--size", type=int, default=128, help="image side (default: 128)")
    p.add_argument("--filters", default="32,64,128,192", help="U-Net filters per level (default: 32,64,128,192)")
    p.add_argument("--conv-shape", default=",".join(map(str, CONV)),
                   help="N,C_in,H,W,C_out of the ceiling's 1x1 convolution (default: %s)" % ",".join(map(str, CONV)))
    p.add_argument("--mc-batched", action="store_true",
                   help="mc16 as one forward of 16 x B images (as McDropoutUNet) instead of 16 forwards of B")
    p.add_argument("--seed", type=int, default=1, help="seed (default: 1)")
    a = p.parse_args()
    try:
        a.filters = [int(f) for f in a.filters.split(",")]
    except ValueError:
        p.error("--filters must be integers separated by commas, got %r" % a.filters)
    try:
        a.conv_shape = [int(v) for v in a.conv_shape.split(",")]
    except ValueError:
        a.conv_shape = []
    if len(a.conv_shape) != 5 or min(a.conv_shape) < 1:
        p.error("--conv-shape must be N,C_in,H,W,C_out (five positive integers), got %r" % a.conv_shape)
    names = [s.strip() for s in a.items.split(",") if s.strip()]
    unknown = [s for s in names if s not in ITEMS and s not in ITEMS.values()]
    if unknown or not names:
        p.error("--items: unknown item(s) %s, expected some of %s" % (unknown, ", ".join(ITEMS)))
    for opt, value, low in (("--threads", a.threads, 1), ("--repeats", a.repeats, 1), ("--warmup", a.warmup, 0),
                            ("--batch", a.batch, 1), ("--mc-batch", a.mc_batch, 1)):
        if value < low:
            p.error("%s must be at least %d, got %d" % (opt, low, value))
    divisor = 1 << (len(a.filters) - 1)
    if a.size < 1 or a.size % divisor:
        p.error("--size must be a positive multiple of %d, got %d" % (divisor, a.size))

    torch.set_num_threads(a.threads)
    torch.manual_seed(a.seed)
    started = datetime.datetime.now(datetime.timezone.utc)
    forward = forward_flop(1, 2, a.filters, 3, a.size)
    runners = {"train_step": train_step, "inference": inference, "mc16": mc16, "conv_ceiling": conv_ceiling}
    setups = {}
    for name in names:
        key = ITEMS.get(name, name)
        if key not in setups:
            setups[key] = runners[key](a, forward)
    items = measure(setups, a.warmup, a.repeats)
    ceiling = items.get("conv_ceiling", {}).get("gflops")
    for r in items.values():
        r["ceiling_fraction"] = r["gflops"] / ceiling if ceiling else None

    params = sum(t.numel() for t in UNet(1, 2, a.filters, 3, 0.0).parameters())
    report = {
        "tool": "pytorch " + torch.__version__, "engine": "PyTorch " + torch.__version__ + " (Python "
        + platform.python_version() + ")", "threads": torch.get_num_threads(), "device": "cpu()",
        "allocator": allocator(), "precision": "fp32", "cpu": cpu_model(), "date": started.isoformat().replace("+00:00", "Z"),
        "git_revision": git_revision(), "filters": a.filters, "in_channels": 1, "classes": 2, "size": a.size,
        "batch": a.batch, "mc_batch": a.mc_batch, "mc_samples": 16, "mc_model": "mcdropout (%s)" % ("batched" if a.mc_batched else "looped"), "warmup": a.warmup,
        "repeats": a.repeats, "parameters": params, "forward_gflop_per_image": forward / 1e9, "conv": a.conv_shape,
        "items": items,
    }
    json.dump(report, sys.stdout, indent=2)
    sys.stdout.write("\n")


if __name__ == "__main__":
    main()
