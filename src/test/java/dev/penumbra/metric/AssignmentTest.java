package dev.penumbra.metric;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.util.Random;
import org.junit.jupiter.api.Test;

class AssignmentTest {

    /*
     * Reference: scipy 1.10.1,
     * /usr/bin/python3 -c "
     * import numpy as np
     * from scipy.optimize import linear_sum_assignment
     * c=np.array([[0.9,0.1,0.8,0.5],[0.2,0.3,0.1,0.9],[0.6,0.05,0.7,0.4],[0.3,0.6,0.25,0.15]])
     * r,k=linear_sum_assignment(c); print(r,k,repr(c[r,k].sum()))
     * c=np.array([[7,2,9,4,6],[3,8,1,5,9],[6,4,7,2,8],[5,9,3,8,1]])
     * r,k=linear_sum_assignment(c); print(r,k,c[r,k].sum())
     * d=np.array([[4,1,3],[2,0,5],[3,2,2],[6,4,1],[1,7,3]])
     * r,k=linear_sum_assignment(d); print(r,k,d[r,k].sum())"
     * prints
     * [0 1 2 3] [1 2 3 0] 0.9000000000000001
     * [0 1 2 3] [1 2 3 4] 6
     * [1 3 4] [1 2 0] 2
     * Each optimum is unique (the runner-up totals by brute force: 0.95, 8, 3), so the assignments must agree.
     */
    @Test
    void agreesWithScipyOnSquareWideAndTallMatrices() {
        double[][] square = {{0.9, 0.1, 0.8, 0.5}, {0.2, 0.3, 0.1, 0.9}, {0.6, 0.05, 0.7, 0.4},
            {0.3, 0.6, 0.25, 0.15}};
        int[] s = Assignment.minCost(square);
        assertThat(s).containsExactly(1, 2, 3, 0);
        assertThat(total(square, s)).isCloseTo(0.9, within(1e-12));

        double[][] wide = {{7, 2, 9, 4, 6}, {3, 8, 1, 5, 9}, {6, 4, 7, 2, 8}, {5, 9, 3, 8, 1}};
        int[] w = Assignment.minCost(wide);
        assertThat(w).containsExactly(1, 2, 3, 4);
        assertThat(total(wide, w)).isEqualTo(6);

        double[][] tall = {{4, 1, 3}, {2, 0, 5}, {3, 2, 2}, {6, 4, 1}, {1, 7, 3}};
        int[] t = Assignment.minCost(tall);
        assertThat(t).containsExactly(-1, 1, -1, 2, 0);
        assertThat(total(tall, t)).isEqualTo(2);
    }

    @Test
    void equalsBruteForceOnRandomRectangularMatrices() {
        Random rng = new Random(20240611L);
        for (int trial = 0; trial < 400; trial++) {
            int rows = 1 + rng.nextInt(6);
            int cols = 1 + rng.nextInt(6);
            double[][] cost = new double[rows][cols];
            for (double[] row : cost) {
                for (int j = 0; j < cols; j++) {
                    // small integers give many ties, real numbers none; negative costs too
                    row[j] = trial % 2 == 0 ? rng.nextInt(5) : rng.nextDouble() * 20 - 10;
                }
            }
            int[] a = Assignment.minCost(cost);
            assertValid(a, rows, cols);
            assertThat(total(cost, a)).as("trial %d, %dx%d", trial, rows, cols)
                    .isCloseTo(bruteForce(cost, 0, new boolean[cols], rows - Math.min(rows, cols)), within(1e-9));
        }
    }

    @Test
    void degenerateShapes() {
        assertThat(Assignment.minCost(new double[0][0])).isEmpty();
        assertThat(Assignment.minCost(new double[][] {{}, {}})).containsExactly(-1, -1);
        assertThat(Assignment.minCost(new double[][] {{5}})).containsExactly(0);
        assertThat(Assignment.minCost(new double[][] {{3}, {1}, {2}})).containsExactly(-1, 0, -1);
    }

    @Test
    void rejectsRaggedAndNonFiniteCosts() {
        assertThatThrownBy(() -> Assignment.minCost(new double[][] {{1, 2}, {3}}))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("row 1");
        assertThatThrownBy(() -> Assignment.minCost(new double[][] {{1, Double.NaN}}))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("cost[0][1]");
    }

    private static double total(double[][] cost, int[] assignment) {
        double sum = 0;
        for (int i = 0; i < assignment.length; i++) {
            if (assignment[i] >= 0) {
                sum += cost[i][assignment[i]];
            }
        }
        return sum;
    }

    private static void assertValid(int[] a, int rows, int cols) {
        assertThat(a).hasSize(rows);
        boolean[] used = new boolean[cols];
        int assigned = 0;
        for (int c : a) {
            if (c >= 0) {
                assertThat(used[c]).as("column %d used twice", c).isFalse();
                used[c] = true;
                assigned++;
            } else {
                assertThat(c).isEqualTo(-1);
            }
        }
        assertThat(assigned).isEqualTo(Math.min(rows, cols));
    }

    /** Minimum over every injective choice of columns, leaving out exactly {@code skips} rows. */
    private static double bruteForce(double[][] cost, int row, boolean[] used, int skips) {
        if (row == cost.length) {
            return 0;
        }
        double best = Double.POSITIVE_INFINITY;
        if (skips > 0) {
            best = bruteForce(cost, row + 1, used, skips - 1);
        }
        for (int j = 0; j < used.length; j++) {
            if (!used[j]) {
                used[j] = true;
                best = Math.min(best, cost[row][j] + bruteForce(cost, row + 1, used, skips));
                used[j] = false;
            }
        }
        return best;
    }
}
