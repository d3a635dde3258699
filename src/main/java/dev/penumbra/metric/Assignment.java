package dev.penumbra.metric;

import java.util.Arrays;

/**
 * Optimal linear assignment (the Hungarian method of Kuhn and Munkres, in its O(n^3) form with row and column
 * potentials and shortest augmenting paths).
 */
public final class Assignment {

    private Assignment() {
    }

    /**
     * Assigns rows to columns so that the total cost is minimal, each column used at most once and
     * min(R, C) pairs formed; the same optimum as {@code scipy.optimize.linear_sum_assignment(cost)}. Among several
     * optimal assignments any one may be returned.
     *
     * @param cost R x C finite costs (rectangular allowed; every row of the same length C)
     * @return R entries: the column assigned to each row, or -1 for a row left out (only when R > C)
     * @throws IllegalArgumentException for ragged rows or a cost that is NaN or infinite
     */
    public static int[] minCost(double[][] cost) {
        int rows = cost.length;
        int cols = rows == 0 ? 0 : cost[0].length;
        for (int i = 0; i < rows; i++) {
            if (cost[i].length != cols) {
                throw new IllegalArgumentException("cost row " + i + " has " + cost[i].length + " entries, row 0 has "
                        + cols);
            }
            for (int j = 0; j < cols; j++) {
                if (!Double.isFinite(cost[i][j])) {
                    throw new IllegalArgumentException("cost[" + i + "][" + j + "] is " + cost[i][j]
                            + ": expected a finite number");
                }
            }
        }
        if (rows <= cols) {
            return solve(cost, rows, cols, false);
        }
        // the method needs no more rows than columns: solve the transpose and invert it
        int[] rowOfCol = solve(cost, cols, rows, true);
        int[] colOfRow = new int[rows];
        Arrays.fill(colOfRow, -1);
        for (int j = 0; j < cols; j++) {
            colOfRow[rowOfCol[j]] = j;
        }
        return colOfRow;
    }

    /**
     * Core of the method for n <= m. Indices 1..n and 1..m are the real rows and columns; column 0 is a sentinel
     * that holds the row being inserted.
     *
     * @param transposed read cost[j][i] as the cost of row i and column j
     * @return for each of the n rows, its column (0-based)
     */
    private static int[] solve(double[][] cost, int n, int m, boolean transposed) {
        double[] rowPotential = new double[n + 1];
        double[] colPotential = new double[m + 1];
        int[] rowOfCol = new int[m + 1];
        int[] previousCol = new int[m + 1];
        double[] slack = new double[m + 1];
        boolean[] visited = new boolean[m + 1];
        for (int row = 1; row <= n; row++) {
            rowOfCol[0] = row;
            int col = 0;
            Arrays.fill(slack, Double.POSITIVE_INFINITY);
            Arrays.fill(visited, false);
            // grow a tree of tight edges from the new row until it reaches a free column
            do {
                visited[col] = true;
                int r = rowOfCol[col];
                double delta = Double.POSITIVE_INFINITY;
                int next = 0;
                for (int j = 1; j <= m; j++) {
                    if (!visited[j]) {
                        double reduced = at(cost, r - 1, j - 1, transposed) - rowPotential[r] - colPotential[j];
                        if (reduced < slack[j]) {
                            slack[j] = reduced;
                            previousCol[j] = col;
                        }
                        if (slack[j] < delta) {
                            delta = slack[j];
                            next = j;
                        }
                    }
                }
                for (int j = 0; j <= m; j++) {
                    if (visited[j]) {
                        rowPotential[rowOfCol[j]] += delta;
                        colPotential[j] -= delta;
                    } else {
                        slack[j] -= delta;
                    }
                }
                col = next;
            } while (rowOfCol[col] != 0);
            // flip the augmenting path back to the sentinel
            do {
                int prev = previousCol[col];
                rowOfCol[col] = rowOfCol[prev];
                col = prev;
            } while (col != 0);
        }
        int[] colOfRow = new int[n];
        for (int j = 1; j <= m; j++) {
            if (rowOfCol[j] != 0) {
                colOfRow[rowOfCol[j] - 1] = j - 1;
            }
        }
        return colOfRow;
    }

    private static double at(double[][] cost, int row, int col, boolean transposed) {
        return transposed ? cost[col][row] : cost[row][col];
    }
}
