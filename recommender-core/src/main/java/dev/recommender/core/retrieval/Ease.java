package dev.recommender.core.retrieval;

import dev.recommender.core.internal.Args;
import dev.recommender.core.internal.ParallelRanges;
import dev.recommender.core.Algorithm;
import dev.recommender.core.DenseScoringRecommender;
import dev.recommender.core.SeenItems;
import dev.recommender.core.TrainingData;
import dev.recommender.core.TrainingListener;
import dev.recommender.core.data.Interactions;
import dev.recommender.core.data.Signal;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.Arrays;
import java.util.Objects;
import java.util.concurrent.ExecutorService;

/**
 * EASE, the closed-form item-item model of Steck ("Embarrassingly Shallow Autoencoders for Sparse Data",
 * WWW 2019): with {@code X} the user×item matrix (binarised by default), the item weights minimise
 * {@code |X - X B|^2 + lambda |B|^2} subject to {@code diag(B) = 0}, whose solution is
 * {@code P = (X^T X + lambda I)^-1}, {@code B_ij = -P_ij / P_jj} ({@code i != j}), {@code B_jj = 0}.
 * A user's score for item {@code j} is {@code x_u . B_{.j}}: the sum of the rows of {@code B} of the user's
 * training items.
 *
 * <p>Training: the Gram matrix is accumulated from the user rows (cost {@code sum_u |u|^2}), then inverted in
 * place by a blocked symmetric sweep (Goodnight's sweep operator over blocks of {@value #BLOCK} pivots): each
 * block inverts its small diagonal block in double precision and updates the lower triangle of the rest with
 * a rank-{@value #BLOCK} product, split into row ranges over {@link Config#threads()} threads. Cost
 * {@code n^3} multiply-adds and {@code 4 n^2} bytes for {@code n} items (float storage; the model keeps the
 * {@code n×n} float matrix {@code B}), so the catalog is limited to {@link Config#maxItems()} items and a
 * larger one is refused. The result does not depend on the thread count: every entry is updated by one
 * thread in a fixed order.
 *
 * <p>Recommending scores the whole catalog ({@code O(|u| n)} per request) through
 * {@link DenseScoringRecommender}: seen items excluded, popularity for unknown users.
 *
 * <p>Thread safety: the model is immutable; recommending is safe from any number of threads.
 */
public final class Ease extends DenseScoringRecommender {
    private static final Logger LOG = LoggerFactory.getLogger(Ease.class);
    /** Name used in reports and as the model file type. */
    public static final String NAME = "ease";
    /** Pivots per block of the sweep. */
    static final int BLOCK = 64;

    private final Config config;
    private final float[] weights;
    private final float[] userValues;
    private final int[] userStart;
    private final int n;

    /**
     * @param seen       the training users, catalog and seen items
     * @param weights    {@code B}, row-major {@code n×n} for {@code n} catalog items (row {@code i} is what item
     *                   {@code i} adds to a user's scores)
     * @param userValues the value of every seen entry in {@link SeenItems} order, or null for binary input
     * @param config     the configuration
     */
    Ease(SeenItems seen, float[] weights, float[] userValues, Config config) {
        super(seen);
        this.n = seen.items().size();
        if ((long) n * n != weights.length) {
            throw new IllegalArgumentException("weights length must be items x items = " + n + " x " + n + ", got "
                    + weights.length);
        }
        this.weights = weights;
        this.userValues = userValues;
        this.userStart = userValues == null ? null : userStarts(seen, userValues.length);
        this.config = Objects.requireNonNull(config, "config");
    }

    /**
     * Fits a model.
     *
     * @param training the training interactions (values used only when {@link Config#binarise()} is false)
     * @param config   hyper-parameters
     * @return the fitted model
     * @throws IllegalArgumentException if the training data is empty or has more items than
     *                                  {@link Config#maxItems()}
     */
    public static Ease fit(Interactions training, Config config) {
        return config.fit(training, TrainingListener.NONE);
    }

    /**
     * Fits a model on training data, aggregated as {@link Config#fit(TrainingData, TrainingListener)}
     * says; the same as {@code config.fit(data)}.
     *
     * @param data   the training data (events and how they become values)
     * @param config the configuration
     * @return the fitted model
     * @throws IllegalArgumentException if the training data is empty
     */
    public static Ease fit(TrainingData data, Config config) {
        return config.fit(data, TrainingListener.NONE);
    }

    @Override
    public String name() {
        return NAME;
    }

    /** The configuration the model was fitted with. */
    public Config config() {
        return config;
    }

    /** The weight {@code B_ij}: what training item {@code i} adds to the score of item {@code j}. */
    public float weight(int i, int j) {
        return weights[i * n + j];
    }

    float[] weightsView() {
        return weights;
    }

    float[] userValuesView() {
        return userValues;
    }

    @Override
    protected void scoreAll(int userIndex, float[] scores) {
        Arrays.fill(scores, 0f);
        SeenItems seen = seenItems();
        int count = seen.userItemCount(userIndex);
        int first = userValues == null ? 0 : userStart[userIndex];
        for (int k = 0; k < count; k++) {
            int row = seen.userItem(userIndex, k) * n;
            float x = userValues == null ? 1f : userValues[first + k];
            for (int j = 0; j < n; j++) {
                scores[j] += x * weights[row + j];
            }
        }
    }

    private static int[] userStarts(SeenItems seen, int entries) {
        int users = seen.users().size();
        int[] start = new int[users + 1];
        for (int u = 0; u < users; u++) {
            start[u + 1] = start[u] + seen.userItemCount(u);
        }
        if (start[users] != entries) {
            throw new IllegalArgumentException("userValues must hold one value per seen entry (" + start[users]
                    + "), got " + entries);
        }
        return start;
    }

    /**
     * Hyper-parameters of {@link Ease}; also the {@link Algorithm} that fits it.
     *
     * @param regularization the ridge penalty {@code lambda} added to the Gram matrix's diagonal, positive
     * @param binarise       whether every training pair counts as 1 (Steck's setting) instead of its value
     * @param maxItems       the largest catalog accepted (memory {@code 4 n^2} bytes, time {@code n^3})
     * @param threads        worker threads for the inversion, at least 1
     */
    public record Config(double regularization, boolean binarise, int maxItems, int threads)
            implements Algorithm<Ease> {
        /** Validates the fields. */
        public Config {
            Args.positive("regularization", regularization);
            Args.atLeast("maxItems", maxItems, 1);
            Args.atLeast("threads", threads, 1);
        }

        /** The defaults: lambda 300, binarised, at most 20,000 items, every available core. */
        public static Config defaults() {
            return new Config(300, true, 20_000, Runtime.getRuntime().availableProcessors());
        }

        /** This configuration with another lambda. */
        public Config withRegularization(double value) {
            return new Config(value, binarise, maxItems, threads);
        }

        /** This configuration with another value-handling rule. */
        public Config withBinarise(boolean value) {
            return new Config(regularization, value, maxItems, threads);
        }

        /** This configuration with another catalog limit. */
        public Config withMaxItems(int value) {
            return new Config(regularization, binarise, value, threads);
        }

        /** This configuration with another thread count. */
        public Config withThreads(int value) {
            return new Config(regularization, binarise, maxItems, value);
        }

        @Override
        public String name() {
            return NAME;
        }

        /** Fits on the data's implicit-feedback pairs ({@link Signal#IMPLICIT}); binarised unless configured otherwise. */
        @Override
        public Ease fit(TrainingData training, TrainingListener listener) {
            return fit(training.interactions(Signal.IMPLICIT), listener);
        }

        /**
         * Fits on interactions the caller aggregated, without progress reporting; the same as
         * {@code Ease.fit(training, config)}.
         *
         * @param training the training pairs
         * @return the fitted model
         */
        public Ease fit(Interactions training) {
            return fit(training, TrainingListener.NONE);
        }

        /**
         * Fits on interactions the caller aggregated.
         *
         * @param training the training pairs
         * @param listener progress (none is reported: the fit is one closed-form solve)
         * @return the fitted model
         */
        public Ease fit(Interactions training, TrainingListener listener) {
            Algorithm.checkFitArguments(training, listener);
            int n = training.itemCount();
            if (n > maxItems) {
                throw new IllegalArgumentException("EASE needs an items x items matrix (" + 4L * n * n / (1 << 20)
                        + " MiB, n^3 work): the catalog has " + n + " items, above the limit maxItems = " + maxItems
                        + "; raise maxItems or use als / two-tower for large catalogs");
            }
            long started = System.nanoTime();
            ExecutorService pool = ParallelRanges.newPool(threads, "ease-worker");
            try {
                float[] matrix = gram(training, pool);
                for (int i = 0; i < n; i++) {
                    matrix[i * n + i] += (float) regularization;
                }
                long gramDone = System.nanoTime();
                SymmetricSweep.invertLower(matrix, n, BLOCK, pool, threads * 8);
                long inverted = System.nanoTime();
                toWeights(matrix, n, pool);
                LOG.debug("EASE fit on {} items: gram {} ms, inversion {} ms, weights {} ms", n,
                        (gramDone - started) / 1_000_000, (inverted - gramDone) / 1_000_000,
                        (System.nanoTime() - inverted) / 1_000_000);
                float[] values = null;
                if (!binarise) {
                    values = new float[training.size()];
                    for (int e = 0; e < values.length; e++) {
                        values[e] = training.value(e);
                    }
                }
                return new Ease(SeenItems.of(training), matrix, values, this);
            } finally {
                if (pool != null) {
                    pool.shutdownNow();
                }
            }
        }

        /** Lower triangle of {@code X^T X}, row-major {@code n×n}; rows are split over the pool. */
        private float[] gram(Interactions training, ExecutorService pool) {
            int n = training.itemCount();
            float[] g = new float[n * n];
            ParallelRanges.run(pool, n, threads * 8, (from, to) -> {
                for (int a = from; a < to; a++) {
                    int row = a * n;
                    for (int p = training.itemStart(a); p < training.itemEnd(a); p++) {
                        int u = training.userAtItemPosition(p);
                        float xa = value(training, training.entryAtItemPosition(p));
                        for (int e = training.userStart(u), end = training.userEnd(u); e < end; e++) {
                            int b = training.itemAt(e);
                            if (b > a) {
                                break;
                            }
                            g[row + b] += xa * value(training, e);
                        }
                    }
                }
            }, "EASE");
            return g;
        }

        private float value(Interactions training, int entry) {
            return binarise ? 1f : training.value(entry);
        }

        /**
         * Turns {@code -P} (lower triangle, as the sweep leaves it) into the full {@code B} in place:
         * {@code B_ij = -P_ij / P_jj}, zero diagonal. Row {@code i} writes its lower part and column {@code i}
         * of the upper part, so row ranges never share an entry.
         */
        private void toWeights(float[] m, int n, ExecutorService pool) {
            float[] diagonal = new float[n];
            for (int i = 0; i < n; i++) {
                diagonal[i] = m[i * n + i];
            }
            // m = -P, so B_ij = -P_ij / P_jj = -m_ij / m_jj
            ParallelRanges.run(pool, n, threads * 8, (from, to) -> {
                for (int i = from; i < to; i++) {
                    int row = i * n;
                    for (int j = 0; j < i; j++) {
                        float v = m[row + j];
                        m[j * n + i] = -v / diagonal[i];
                        m[row + j] = -v / diagonal[j];
                    }
                    m[row + i] = 0f;
                }
            }, "EASE");
        }
    }
}
