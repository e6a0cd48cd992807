package dev.recommender.core.retrieval;

import dev.recommender.core.internal.ParallelRanges;
import dev.recommender.core.internal.Args;
import dev.recommender.core.internal.VectorMath;
import dev.recommender.core.Algorithm;
import dev.recommender.core.EpochProgress;
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
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.OptionalInt;
import java.util.SplittableRandom;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/**
 * One fit of {@link ImplicitAls}: the two sides of the training interactions in row-compressed form
 * and the alternating sweeps (conjugate-gradient or exact row solves on the pool), apart from the
 * model as {@code SvdTrainer} and {@code TwoTowerTrainer} are. Used once, by one thread.
 */
final class ImplicitAlsTrainer {
    private static final Logger LOG = LoggerFactory.getLogger(ImplicitAls.class);

    private final Interactions training;
    private final ImplicitAls.Config config;
    private final TrainingListener listener;
    private final int d;
    private final int users;
    private final int items;
    private final int[] userStart;
    private final int[] userItems;
    private final float[] userWeights;
    private final int[] itemStart;
    private final int[] itemUsers;
    private final float[] itemWeights;
    /** Per-iteration accuracy on held-out pairs, or null when not asked for. */
    private final EpochValidation.Bound validation;

    ImplicitAlsTrainer(Interactions training, ImplicitAls.Config config, TrainingListener listener, EpochValidation validation) {
        if (training.size() == 0) {
            throw new IllegalArgumentException("training interactions are empty");
        }
        this.validation = validation == null ? null : validation.bind(training);
        this.training = training;
        this.config = config;
        this.listener = listener;
        this.d = config.factors();
        this.users = training.userCount();
        this.items = training.itemCount();
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
        for (int i = 0; i < items; i++) {
            if (training.itemDegree(i) == 0) {
                java.util.Arrays.fill(y, i * d, (i + 1) * d, 0f);
            }
        }
        for (int u = 0; u < users; u++) {
            if (training.userDegree(u) == 0) {
                java.util.Arrays.fill(x, u * d, (u + 1) * d, 0f);
            }
        }
        ExecutorService pool = config.threads() > 1 ? Executors.newFixedThreadPool(config.threads(), runnable -> {
            Thread thread = new Thread(runnable, "implicit-als-worker");
            thread.setDaemon(true);
            return thread;
        }) : null;
        try {
            for (int iteration = 1; iteration <= config.iterations(); iteration++) {
                double[] itemGram = gram(y, items, d, config.regularization());
                solveSide(pool, userStart, userItems, userWeights, x, y, itemGram, users);
                double[] userGram = gram(x, users, d, config.regularization());
                solveSide(pool, itemStart, itemUsers, itemWeights, y, x, userGram, items);
                double loss = loss(x, y, gram(y, items, d, config.regularization()));
                Duration elapsed = Duration.ofNanos(System.nanoTime() - started);
                LOG.debug("implicit ALS iteration {}/{}: loss {} ({} ms)", iteration, config.iterations(), loss,
                        elapsed.toMillis());
                Map<String, Double> metrics = validation == null ? Map.of() : validation.evaluate(x, y, d);
                if (validation != null) {
                    LOG.debug("implicit ALS iteration {}: {}", iteration, metrics);
                }
                listener.onEpoch(new EpochProgress(ImplicitAls.NAME, iteration, config.iterations(), loss, elapsed, metrics));
            }
        } finally {
            if (pool != null) {
                pool.shutdownNow();
            }
        }
        return new ImplicitAls(SeenItems.of(training), x, y, config);
    }

    /** {@code V^T V + lambda I} over {@code rows} rows of {@code d} floats, in double precision. */
    static double[] gram(float[] vectors, int rows, int d, double lambda) {
        double[] g = new double[d * d];
        for (int row = 0; row < rows; row++) {
            int offset = row * d;
            for (int r = 0; r < d; r++) {
                double vr = vectors[offset + r];
                int base = r * d;
                for (int c = 0; c <= r; c++) {
                    g[base + c] += vr * vectors[offset + c];
                }
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

    /** Training loss per observed pair: the weighted squared error over all cells plus the penalty. */
    private double loss(float[] x, float[] y, double[] gramWithPenalty) {
        double total = 0;
        double[] gx = new double[d];
        for (int u = 0; u < users; u++) {
            int offset = u * d;
            // x^T (Y^T Y + lambda I) x: every cell with confidence 1 and preference 0, plus the user penalty
            for (int r = 0; r < d; r++) {
                double sum = 0;
                for (int c = 0; c < d; c++) {
                    sum += gramWithPenalty[r * d + c] * x[offset + c];
                }
                gx[r] = sum;
            }
            for (int r = 0; r < d; r++) {
                total += x[offset + r] * gx[r];
            }
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
            for (int e = start[row]; e < start[row + 1]; e++) {
                int fixedOffset = other[e] * d;
                double weight = weights[e];
                double yx = 0;
                for (int i = 0; i < d; i++) {
                    yx += fixed[fixedOffset + i] * xs[i];
                }
                double coefficient = (1 + weight) - weight * yx;
                for (int i = 0; i < d; i++) {
                    r[i] += coefficient * fixed[fixedOffset + i];
                }
            }
            System.arraycopy(r, 0, p, 0, d);
            double rsOld = dot(r, r);
            for (int step = 0; step < config.cgSteps() && rsOld > 1e-20; step++) {
                multiplyGram(p, ap);
                for (int e = start[row]; e < start[row + 1]; e++) {
                    double weight = weights[e];
                    if (weight == 0) {
                        continue;
                    }
                    int fixedOffset = other[e] * d;
                    double yp = 0;
                    for (int i = 0; i < d; i++) {
                        yp += fixed[fixedOffset + i] * p[i];
                    }
                    double coefficient = weight * yp;
                    for (int i = 0; i < d; i++) {
                        ap[i] += coefficient * fixed[fixedOffset + i];
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

        private void multiplyGram(double[] v, double[] out) {
            for (int i = 0; i < d; i++) {
                double sum = 0;
                int base = i * d;
                for (int j = 0; j < d; j++) {
                    sum += gram[base + j] * v[j];
                }
                out[i] = sum;
            }
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
