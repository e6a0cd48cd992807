package dev.recommender.core.retrieval;

import dev.recommender.core.internal.ParallelRanges;
import dev.recommender.core.internal.VectorMath;
import java.util.Arrays;
import java.util.concurrent.ExecutorService;

/**
 * In-place inversion of a symmetric positive definite float matrix by the sweep operator (Goodnight, "A
 * tutorial on the SWEEP operator", 1979), applied to blocks of pivots so that the bulk of the work is a
 * cache-friendly rank-{@code b} update. Sweeping pivot block {@code K} of {@code M} (the rest {@code R}) maps
 * {@code M_KK -> -M_KK^-1}, {@code M_RK -> M_RK M_KK^-1}, {@code M_RR -> M_RR - M_RK M_KK^-1 M_KR}; sweeping
 * every pivot leaves {@code -M^-1}. For a positive definite input every block to invert is positive definite
 * (a Schur complement), so no pivoting is needed. Only the lower triangle is read and written.
 *
 * <p>Cost: {@code n^3} multiply-adds, {@code 8 b n} bytes of scratch. Deterministic: each entry is updated by
 * one task in a fixed order, whatever the pool. Stateless.
 */
final class SymmetricSweep {
    private SymmetricSweep() {
    }

    /**
     * Replaces the lower triangle (diagonal included) of the row-major {@code n×n} matrix {@code m} by that of
     * {@code -m^-1}; the strict upper triangle is neither read nor meaningful afterwards.
     *
     * @param block  pivots per block, at least 1
     * @param pool   the workers, or null to run inline
     * @param chunks row ranges per parallel step
     * @throws IllegalArgumentException if the matrix is not (numerically) positive definite
     */
    static void invertLower(float[] m, int n, int block, ExecutorService pool, int chunks) {
        invertLower(m, n, block, pool, chunks, TILE);
    }

    /** {@link #invertLower(float[], int, int, ExecutorService, int)} with column tiles of {@code tile} columns. */
    static void invertLower(float[] m, int n, int block, ExecutorService pool, int chunks, int tile) {
        float[] c = new float[block * n];
        float[] w = new float[block * n];
        double[] s = new double[block * block];
        for (int start = 0; start < n; start += block) {
            int k0 = start;
            int k1 = Math.min(n, k0 + block);
            int b = k1 - k0;
            gatherPanel(m, n, k0, b, c);
            for (int t = 0; t < b; t++) {
                for (int u = 0; u < b; u++) {
                    s[t * b + u] = c[t * n + k0 + u];
                }
            }
            sweepAll(s, b, k0);
            // s = -S with S = M_KK^-1; W = S C
            ParallelRanges.run(pool, n, chunks, (from, to) -> {
                for (int t = 0; t < b; t++) {
                    int wRow = t * n;
                    Arrays.fill(w, wRow + from, wRow + to, 0f);
                    for (int u = 0; u < b; u++) {
                        float f = (float) -s[t * b + u];
                        int cRow = u * n;
                        for (int j = from; j < to; j++) {
                            w[wRow + j] += f * c[cRow + j];
                        }
                    }
                }
            }, "EASE");
            ParallelRanges.run(pool, n, chunks, (from, to) -> {
                // column tiles: the tile of W (b rows of TILE floats) stays in the core's cache while every row
                // of the range uses it; each element still gets its b pivots' terms in the same order
                for (int first = 0; first < to; first += tile) {
                    int end = (int) Math.min((long) first + tile, to);
                    for (int i = Math.max(from, first); i < to; i++) {
                        if (i >= k0 && i < k1) {
                            continue;
                        }
                        int row = i * n;
                        rankUpdate(m, row, c, w, n, i, b, first, Math.min(Math.min(i + 1, k0), end));
                        if (i >= k1) {
                            rankUpdate(m, row, c, w, n, i, b, Math.max(k1, first), Math.min(i + 1, end));
                        }
                    }
                }
                for (int i = Math.max(from, k1); i < to; i++) {
                    int row = i * n;
                    for (int t = 0; t < b; t++) {
                        m[row + k0 + t] = w[t * n + i];
                    }
                }
            }, "EASE");
            for (int t = 0; t < b; t++) {
                int row = (k0 + t) * n;
                System.arraycopy(w, t * n, m, row, k0);
                for (int u = 0; u <= t; u++) {
                    m[row + k0 + u] = (float) s[t * b + u];
                }
            }
        }
    }

    /** Columns per tile of the rank update: a tile of W at Ease's 64 pivots per block (64 x 1024 floats) is 256 KB. */
    private static final int TILE = 1024;

    /** {@code c[t][j] = M[k0+t][j]} for every column, reading the lower triangle only. */
    private static void gatherPanel(float[] m, int n, int k0, int b, float[] c) {
        for (int t = 0; t < b; t++) {
            System.arraycopy(m, (k0 + t) * n, c, t * n, k0 + t + 1);
        }
        for (int j = k0 + 1; j < n; j++) {
            int row = j * n + k0;
            for (int t = 0, end = Math.min(b, j - k0); t < end; t++) {
                c[t * n + j] = m[row + t];
            }
        }
    }

    /** {@code M[i][j] -= sum_t C[t][i] W[t][j]} for {@code j} in {@code [from, to)}, four pivots per pass. */
    private static void rankUpdate(float[] m, int row, float[] c, float[] w, int n, int i, int b, int from, int to) {
        int t = 0;
        for (; t + 4 <= b; t += 4) {
            float f0 = c[t * n + i];
            float f1 = c[(t + 1) * n + i];
            float f2 = c[(t + 2) * n + i];
            float f3 = c[(t + 3) * n + i];
            int w0 = t * n;
            int w1 = w0 + n;
            int w2 = w1 + n;
            int w3 = w2 + n;
            if (to > from) {
                VectorMath.subtractFourRows(m, row + from, w, w0 + from, w1 + from, w2 + from, w3 + from, f0, f1, f2,
                        f3, to - from);
            }
        }
        for (; t < b; t++) {
            float f = c[t * n + i];
            int w0 = t * n;
            for (int j = from; j < to; j++) {
                m[row + j] -= f * w[w0 + j];
            }
        }
    }

    /**
     * Sweeps every pivot of the full {@code b×b} double matrix {@code a}, leaving {@code -a^-1}.
     *
     * @param offset index of the block's first pivot in the whole matrix, for the error message
     */
    static void sweepAll(double[] a, int b, int offset) {
        for (int k = 0; k < b; k++) {
            double d = a[k * b + k];
            if (!(d > 0) || Double.isInfinite(d)) {
                throw new IllegalArgumentException("matrix is not positive definite: pivot " + (offset + k)
                        + " is " + d + " (is the regularization too small?)");
            }
            for (int i = 0; i < b; i++) {
                if (i == k) {
                    continue;
                }
                double f = a[i * b + k] / d;
                for (int j = 0; j < b; j++) {
                    if (j != k) {
                        a[i * b + j] -= f * a[k * b + j];
                    }
                }
            }
            for (int i = 0; i < b; i++) {
                if (i != k) {
                    a[i * b + k] /= d;
                    a[k * b + i] /= d;
                }
            }
            a[k * b + k] = -1 / d;
        }
    }
}
