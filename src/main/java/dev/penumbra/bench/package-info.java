/**
 * The speed benchmark: times the code paths training and sampling use (one gradient step, a no-grad forward,
 * Monte-Carlo sampling) and a GEMM-shaped convolution as the machine's achievable GFLOP/s, and turns the times into
 * GFLOP/s with an analytic FLOP count of the U-Net. {@code bench/bench_torch.py} times the same work in PyTorch and
 * writes the same JSON, so {@code bench/compare.sh} can put the two side by side.
 */
package dev.penumbra.bench;
