package dev.recommender.core.retrieval;

import dev.recommender.core.internal.ParallelRanges;
import dev.recommender.core.internal.Args;
import dev.recommender.core.internal.VectorMath;
import dev.recommender.core.Algorithm;
import dev.recommender.core.SeenItems;
import dev.recommender.core.TrainingData;
import dev.recommender.core.TrainingInput;
import dev.recommender.core.TrainingListener;
import dev.recommender.core.data.Signal;
import dev.recommender.core.data.Aggregation;
import dev.recommender.core.data.EventLog;
import dev.recommender.core.data.Interactions;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.List;
import java.util.Objects;
import java.util.OptionalInt;
import java.util.SplittableRandom;
import java.util.concurrent.ExecutorService;

/**
 * One fit of {@link ImplicitAls}: the two sides of the training interactions in row-compressed form
 * and the alternating sweeps (conjugate-gradient or exact row solves on the pool), apart from the
 * model as {@code SvdTrainer} and {@code TwoTowerTrainer} are. Used once, by one thread.
 */
final class ImplicitAlsTrainer extends EpochTrainer {
    private static final Logger LOG = LoggerFactory.getLogger(ImplicitAls.class);

    private final ImplicitAls.Config config;
    private final int[] userStart;
    private final int[] userItems;
    private final float[] userWeights;
    private final int[] itemStart;
    private final int[] itemUsers;
    private final float[] itemWeights;

    ImplicitAlsTrainer(Interactions training, ImplicitAls.Config config, TrainingListener listener, EpochValidation validation) {
        super(training, config.factors(), listener, validation, LOG);
        this.config = config;
        int nnz = training.size();
        userStart = new int[users + 1];
        userItems = new int[nnz];
        userWeights = new float[nnz];
        for (int u = 0; u < users; u++) {
            userStart[u + 1] = training.userEnd(u);
            for (int e = training.userStart(u); e < training.userEnd(u); e++) {
                float value = training.value(e);
                if (!(value >= 0)) {
                    throw new IllegalArgumentException("interaction (" + training.users().id(u) + ", "
                            + training.items().id(training.itemAt(e)) + ") has negative value " + value
                            + "; implicit ALS needs non-negative confidence inputs");
                }
                userItems[e] = training.itemAt(e);
                userWeights[e] = (float) (config.alpha() * value);
            }
        }
        itemStart = new int[items + 1];
        itemUsers = new int[nnz];
        itemWeights = new float[nnz];
        for (int i = 0; i < items; i++) {
            itemStart[i + 1] = training.itemEnd(i);
            for (int p = training.itemStart(i); p < training.itemEnd(i); p++) {
                itemUsers[p] = training.userAtItemPosition(p);
                itemWeights[p] = userWeights[training.entryAtItemPosition(p)];
            }
        }
    }

    ImplicitAls run() {
        long started = System.nanoTime();
        SplittableRandom random = new SplittableRandom(config.seed());
        float[] x = new float[users * d];
        float[] y = new float[items * d];
        for (int k = 0; k < y.length; k++) {
            y[k] = (float) (0.01 * random.nextGaussian());
        }
        for (int k = 0; k < x.length; k++) {
            x[k] = (float) (0.01 * random.nextGaussian());
        }
        // users and items of the numbering without training pairs stay at zero (their solves have
        // a zero right-hand side): they add nothing to X'X or Y'Y
        VectorMath.zeroRowsWithoutPairs(training, x, y, d);
        ExecutorService pool = ParallelRanges.newPool(config.threads(), "implicit-als-worker");
        try {
            // Y'Y of the item side as the last iteration's loss left it: the next user sweep's Gram
            double[] itemGram = gram(y, items, d, config.regularization());
            for (int iteration = 1; iteration <= config.iterations(); iteration++) {
                solveSide(pool, userStart, userItems, userWeights, x, y, itemGram, users);
                double[] userGram = gram(x, users, d, config.regularization());
                solveSide(pool, itemStart, itemUsers, itemWeights, y, x, userGram, items);
                itemGram = gram(y, items, d, config.regularization());
                reportEpoch(ImplicitAls.NAME, "implicit ALS iteration", iteration, config.iterations(),
                        loss(x, y, itemGram, userGram), started, () -> x, y);
            }
        } finally {
            if (pool != null) {
                pool.shutdownNow();
            }
        }
        return new ImplicitAls(SeenItems.of(training), x, y, config);
    }

    /**
     * {@code V^T V + lambda I} over {@code rows} rows of {@code d} floats, in double precision: the lower triangle
     * row by row ({@link VectorMath#addScaled}, several entries at once with the Vector API, each entry's sum in row
     * order as a plain loop adds it), then mirrored.
     */
    static double[] gram(float[] vectors, int rows, int d, double lambda) {
        double[] g = new double[d * d];
        double[] v = new double[d];
        for (int row = 0; row < rows; row++) {
            int offset = row * d;
            for (int c = 0; c < d; c++) {
                v[c] = vectors[offset + c];
            }
            for (int r = 0; r < d; r++) {
                VectorMath.addScaled(g, r * d, v, v[r], r + 1);
            }
        }
        for (int r = 0; r < d; r++) {
            g[r * d + r] += lambda;
            for (int c = 0; c < r; c++) {
                g[c * d + r] = g[r * d + c];
            }
        }
        return g;
    }

    /**
     * Training loss per observed pair: the weighted squared error over all cells plus the penalty. The cells with
     * confidence 1 and preference 0 and the user penalty, {@code sum_u x_u^T (Y^T Y + lambda I) x_u}, are
     * {@code trace((Y^T Y + lambda I) X^T X)}: {@code d^2} products from the two Gram matrices, where a
     * multiplication per user cost {@code users * d^2} every iteration.
     *
     * @param itemGram {@code Y^T Y + lambda I} of the current item vectors
     * @param userGram {@code X^T X + lambda I} of the current user vectors
     */
    private double loss(float[] x, float[] y, double[] itemGram, double[] userGram) {
        double total = 0;
        for (int r = 0; r < d; r++) {
            for (int c = 0; c < d; c++) {
                double xx = userGram[r * d + c] - (r == c ? config.regularization() : 0);
                total += itemGram[r * d + c] * xx;
            }
        }
        for (int u = 0; u < users; u++) {
            int offset = u * d;
            for (int e = userStart[u]; e < userStart[u + 1]; e++) {
                double prediction = VectorMath.dot(x, offset, y, userItems[e] * d, d);
                double confidence = 1 + userWeights[e];
                total += confidence * (1 - prediction) * (1 - prediction) - prediction * prediction;
            }
        }
        for (float v : y) {
            total += config.regularization() * v * v;
        }
        return total / userItems.length;
    }

    private void solveSide(ExecutorService pool, int[] start, int[] other, float[] weights, float[] target,
                           float[] fixed, double[] gram, int rows) {
        ParallelRanges.run(pool, rows, config.threads() * 4,
                (from, to) -> new RowSolver(start, other, weights, target, fixed, gram).solve(from, to),
                "implicit ALS");
    }

    /** Solves rows of one side; owns its scratch arrays. Not thread-safe. */
    private final class RowSolver {
        private final int[] start;
        private final int[] other;
        private final float[] weights;
        private final float[] target;
        private final float[] fixed;
        private final double[] gram;
        private final double[] xs = new double[d];
        private final double[] r = new double[d];
        private final double[] p = new double[d];
        private final double[] ap = new double[d];
        private final double[] a;
        /** The pairs of the row being solved (all, or those with a non-zero weight). */
        private int[] pairs = new int[16];
        /** Up to four dot products of {@link #pairDots}. */
        private final double[] dots = new double[4];

        RowSolver(int[] start, int[] other, float[] weights, float[] target, float[] fixed, double[] gram) {
            this.start = start;
            this.other = other;
            this.weights = weights;
            this.target = target;
            this.fixed = fixed;
            this.gram = gram;
            this.a = config.cgSteps() == 0 ? new double[d * d] : null;
        }

        void solve(int from, int to) {
            for (int row = from; row < to; row++) {
                if (config.cgSteps() == 0) {
                    exact(row);
                } else {
                    conjugateGradient(row);
                }
            }
        }

        private void exact(int row) {
            System.arraycopy(gram, 0, a, 0, d * d);
            Arrays.fill(r, 0);
            for (int e = start[row]; e < start[row + 1]; e++) {
                int offset = other[e] * d;
                double weight = weights[e];
                for (int i = 0; i < d; i++) {
                    double yi = fixed[offset + i];
                    r[i] += (1 + weight) * yi;
                    if (weight != 0) {
                        double wy = weight * yi;
                        int base = i * d;
                        for (int j = 0; j <= i; j++) {
                            a[base + j] += wy * fixed[offset + j];
                        }
                    }
                }
            }
            for (int i = 0; i < d; i++) {
                for (int j = 0; j < i; j++) {
                    a[j * d + i] = a[i * d + j];
                }
            }
            VectorMath.choleskySolve(a, r, d);
            int offset = row * d;
            for (int i = 0; i < d; i++) {
                target[offset + i] = (float) r[i];
            }
        }

        private void conjugateGradient(int row) {
            int offset = row * d;
            for (int i = 0; i < d; i++) {
                xs[i] = target[offset + i];
            }
            // r = b - A x with b = sum_i c_i y_i and A = G + sum_i (c_i - 1) y_i y_i^T
            multiplyGram(xs, r);
            for (int i = 0; i < d; i++) {
                r[i] = -r[i];
            }
            int all = collectPairs(row, false);
            for (int k = 0; k < all; k += 4) {
                int count = Math.min(4, all - k);
                pairDots(k, count, xs);
                for (int q = 0; q < count; q++) {
                    int e = pairs[k + q];
                    int fixedOffset = other[e] * d;
                    double weight = weights[e];
                    double coefficient = (1 + weight) - weight * dots[q];
                    for (int i = 0; i < d; i++) {
                        r[i] += coefficient * fixed[fixedOffset + i];
                    }
                }
            }
            System.arraycopy(r, 0, p, 0, d);
            int weighted = collectPairs(row, true);
            double rsOld = dot(r, r);
            for (int step = 0; step < config.cgSteps() && rsOld > 1e-20; step++) {
                multiplyGram(p, ap);
                for (int k = 0; k < weighted; k += 4) {
                    int count = Math.min(4, weighted - k);
                    pairDots(k, count, p);
                    for (int q = 0; q < count; q++) {
                        int e = pairs[k + q];
                        int fixedOffset = other[e] * d;
                        double weight = weights[e];
                        double coefficient = weight * dots[q];
                        for (int i = 0; i < d; i++) {
                            ap[i] += coefficient * fixed[fixedOffset + i];
                        }
                    }
                }
                double curvature = dot(p, ap);
                if (!(curvature > 0)) {
                    break;
                }
                double stepSize = rsOld / curvature;
                for (int i = 0; i < d; i++) {
                    xs[i] += stepSize * p[i];
                    r[i] -= stepSize * ap[i];
                }
                double rsNew = dot(r, r);
                double beta = rsNew / rsOld;
                for (int i = 0; i < d; i++) {
                    p[i] = r[i] + beta * p[i];
                }
                rsOld = rsNew;
            }
            for (int i = 0; i < d; i++) {
                target[offset + i] = (float) xs[i];
            }
        }

        /** Puts the row's pairs (only those with a non-zero weight if asked) into {@link #pairs}, in order. */
        private int collectPairs(int row, boolean weightedOnly) {
            int degree = start[row + 1] - start[row];
            if (pairs.length < degree) {
                pairs = new int[Math.max(degree, 2 * pairs.length)];
            }
            int n = 0;
            for (int e = start[row]; e < start[row + 1]; e++) {
                if (!weightedOnly || weights[e] != 0) {
                    pairs[n++] = e;
                }
            }
            return n;
        }

        /**
         * {@code dots[q] = fixed row of pairs[from + q] . v} for {@code q < count} (at most 4): four sums at a
         * time overlap in the pipeline; each still runs over {@code i} in order, as one pair's loop did.
         */
        private void pairDots(int from, int count, double[] v) {
            if (count == 4) {
                int o0 = other[pairs[from]] * d;
                int o1 = other[pairs[from + 1]] * d;
                int o2 = other[pairs[from + 2]] * d;
                int o3 = other[pairs[from + 3]] * d;
                double s0 = 0;
                double s1 = 0;
                double s2 = 0;
                double s3 = 0;
                for (int i = 0; i < d; i++) {
                    double vi = v[i];
                    s0 += fixed[o0 + i] * vi;
                    s1 += fixed[o1 + i] * vi;
                    s2 += fixed[o2 + i] * vi;
                    s3 += fixed[o3 + i] * vi;
                }
                dots[0] = s0;
                dots[1] = s1;
                dots[2] = s2;
                dots[3] = s3;
                return;
            }
            for (int q = 0; q < count; q++) {
                int offset = other[pairs[from + q]] * d;
                double sum = 0;
                for (int i = 0; i < d; i++) {
                    sum += fixed[offset + i] * v[i];
                }
                dots[q] = sum;
            }
        }

        private void multiplyGram(double[] v, double[] out) {
            VectorMath.multiplySymmetric(gram, v, out, d);
        }

        private double dot(double[] u, double[] v) {
            double sum = 0;
            for (int i = 0; i < d; i++) {
                sum += u[i] * v[i];
            }
            return sum;
        }
    }
}
