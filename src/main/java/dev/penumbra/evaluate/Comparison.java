package dev.penumbra.evaluate;

import dev.penumbra.stats.TTest;

/**
 * One-sided tests that model {@code a} has a lower per-image score than model {@code b}, as published (two-sample:
 * Student with equal group sizes, Welch otherwise) and paired over the same images, reported side by side.
 *
 * @param metric    the per-image score, e.g. "ged@16"
 * @param a         label of the model hypothesised lower
 * @param b         label of the other model
 * @param twoSample the published test
 * @param paired    the paired test (null when the two models saw different images)
 */
public record Comparison(String metric, String a, String b, TTest.Result twoSample, TTest.Result paired) {
}
