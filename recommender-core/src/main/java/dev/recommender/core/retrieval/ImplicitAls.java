package dev.recommender.core.retrieval;

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
 * Weighted matrix factorization for implicit feedback (Hu, Koren and Volinsky, "Collaborative filtering for
 * implicit feedback datasets", ICDM 2008), fitted by alternating least squares with conjugate-gradient
 * updates (Takacs, Pilaszy and Tikk, "Applications of the conjugate gradient method for implicit feedback
 * collaborative filtering", RecSys 2011; the solver of the {@code implicit} library).
 *
 * <p>Model: every (user, item) cell has a preference {@code p = 1} if the pair was observed and 0 otherwise,
 * and a confidence {@code c = 1 + alpha * value} for observed pairs ({@code value} from the
 * {@link Interactions}, e.g. an {@code ImplicitConfidence} aggregation; 1 for binary data) and 1 otherwise.
 * The factors minimise {@code sum_ui c_ui (p_ui - x_u . y_i)^2 + lambda (sum_u |x_u|^2 + sum_i |y_i|^2)}.
 * With the items fixed, a user's optimum solves {@code (Y^T Y + Y^T (C_u - I) Y + lambda I) x_u = Y^T C_u p_u},
 * where the {@code Y^T Y} part is shared by all users and the rest touches only the user's observed items.
 * The scores are {@code x_u . y_i}.
 *
 * <p>Training: each iteration solves every user, then every item, either by a few conjugate-gradient steps
 * warm-started at the previous factors ({@link Config#cgSteps()} greater than 0; cost per iteration
 * {@code O(nnz d s + (users + items) d^2 s)} for {@code s} steps) or exactly by Cholesky decomposition
 * ({@code cgSteps = 0}; {@code O(nnz d^2 + (users + items) d^3)}). Rows are independent given the other side,
 * so the work is split across {@link Config#threads()} threads and the result does not depend on the thread
 * count; factors start from a Gaussian with standard deviation 0.01 drawn from a {@link SplittableRandom}
 * seeded by {@link Config#seed()}, so the same configuration and data give bit-identical factors.
 *
 * <p>Fold-in: {@link #foldIn(List, float[])} computes a new user's factors in closed form against the fixed
 * item factors, without changing the model (as {@code implicit}'s {@code recalculate_user}).
 *
 * <p>Thread safety: the model is immutable; recommending, scoring and folding in are safe from any number of
 * threads.
 */
public final class ImplicitAls extends EmbeddingRecommender {
    private static final Logger LOG = LoggerFactory.getLogger(ImplicitAls.class);
    /** Name used in reports and as the model file type. */
    public static final String NAME = "implicit-als";

    private final Config config;
    private volatile double[] itemGram;

    ImplicitAls(SeenItems seen, float[] userFactors, float[] itemFactors, Config config) {
        super(seen, userFactors, itemFactors, config.factors(), config.index());
        this.config = config;
    }

    /**
     * Fits a model.
     *
     * @param training interactions whose values are non-negative confidence inputs (1 for binary data)
     * @param config   hyper-parameters
     * @return the fitted model
     * @throws IllegalArgumentException if the training data is empty or has a negative value
     */
    public static ImplicitAls fit(Interactions training, Config config) {
        return config.fit(training, TrainingListener.NONE);
    }

    @Override
    public String name() {
        return NAME;
    }

    /** The configuration the model was fitted with. */
    public Config config() {
        return config;
    }

    /**
     * Folds in a user from items with value 1 each (binary feedback); see {@link #foldIn(List, float[])}.
     *
     * @param itemIds the user's items; ids outside the catalog are ignored
     * @return the user's representation
     * @throws IllegalArgumentException if no item is in the catalog
     */
    public UserEmbedding foldIn(Collection<String> itemIds) {
        float[] values = new float[itemIds.size()];
        Arrays.fill(values, 1f);
        return foldIn(List.copyOf(itemIds), values);
    }

    /**
     * Folds in a user from the events of one user, aggregated as the training data was (for example with the
     * same {@code ImplicitConfidence}); see {@link #foldIn(List, float[])}.
     *
     * @param events      the user's events (one user id only)
     * @param aggregation how events become values
     * @return the user's representation
     * @throws IllegalArgumentException if the events belong to more or fewer than one user, or no item is in the
     *                                  catalog
     */
    public UserEmbedding foldIn(EventLog events, Aggregation aggregation) {
        Interactions interactions = aggregation.aggregate(events);
        if (interactions.userCount() != 1) {
            throw new IllegalArgumentException("events must belong to exactly one user, got "
                    + interactions.userCount());
        }
        int n = interactions.size();
        List<String> ids = new ArrayList<>(n);
        float[] values = new float[n];
        for (int entry = 0; entry < n; entry++) {
            ids.add(interactions.items().id(interactions.itemAt(entry)));
            values[entry] = interactions.value(entry);
        }
        return foldIn(ids, values);
    }

    /**
     * Computes a user's factors from their items and values against the fixed item factors, in closed form:
     * {@code x = (Y^T Y + sum_i alpha v_i y_i y_i^T + lambda I)^-1 sum_i (1 + alpha v_i) y_i}, the exact
     * solution of the user's least-squares problem (what one ALS half-step computes for a training user).
     * The model is not changed. Cost {@code O(n d^2 + d^3)}; the first call also computes {@code Y^T Y}
     * ({@code O(items d^2)}) and caches it.
     *
     * @param itemIds the user's items, no repeats; ids outside the catalog are ignored (and logged at debug)
     * @param values  one non-negative value per item (the training aggregation's value, 1 for binary data)
     * @return the user's representation, to pass to {@link #recommend(UserEmbedding, dev.recommender.core.RecommendRequest)}
     * @throws IllegalArgumentException if the lengths differ, an id repeats, a value is negative or not finite,
     *                                  or no item is in the catalog
     */
    public UserEmbedding foldIn(List<String> itemIds, float[] values) {
        Objects.requireNonNull(itemIds, "itemIds");
        if (itemIds.size() != values.length) {
            throw new IllegalArgumentException("itemIds and values must have the same length, got "
                    + itemIds.size() + " and " + values.length);
        }
        int d = dimensions();
        float[] items = itemVectorsView();
        double[] a = gram().clone();
        double[] b = new double[d];
        int[] known = new int[itemIds.size()];
        int count = 0;
        for (int k = 0; k < values.length; k++) {
            float value = values[k];
            if (!(value >= 0) || !Float.isFinite(value)) {
                throw new IllegalArgumentException("values[" + k + "] (item '" + itemIds.get(k)
                        + "') must be finite and non-negative, got " + value);
            }
            OptionalInt item = items().find(itemIds.get(k));
            if (item.isEmpty()) {
                continue;
            }
            int i = item.getAsInt();
            for (int seen = 0; seen < count; seen++) {
                if (known[seen] == i) {
                    throw new IllegalArgumentException("item '" + itemIds.get(k) + "' appears twice in itemIds");
                }
            }
            known[count++] = i;
            double weight = config.alpha() * value;
            int offset = i * d;
            for (int r = 0; r < d; r++) {
                double yr = items[offset + r];
                b[r] += (1 + weight) * yr;
                if (weight != 0) {
                    for (int c = 0; c <= r; c++) {
                        a[r * d + c] += weight * yr * items[offset + c];
                    }
                }
            }
        }
        if (count == 0) {
            throw new IllegalArgumentException("none of the " + itemIds.size() + " items is in the model's catalog");
        }
        if (count < itemIds.size()) {
            LOG.debug("fold-in ignored {} of {} items outside the catalog", itemIds.size() - count, itemIds.size());
        }
        for (int r = 0; r < d; r++) {
            for (int c = 0; c < r; c++) {
                a[c * d + r] = a[r * d + c];
            }
        }
        VectorMath.choleskySolve(a, b, d);
        float[] x = new float[d];
        for (int r = 0; r < d; r++) {
            x[r] = (float) b[r];
        }
        return new UserEmbedding(x, Arrays.copyOf(known, count), items());
    }

    /** {@code Y^T Y + lambda I} in double precision, computed once on first use. */
    private double[] gram() {
        double[] gram = itemGram;
        if (gram == null) {
            gram = Trainer.gram(itemVectorsView(), items().size(), dimensions(), config.regularization());
            itemGram = gram;
        }
        return gram;
    }

    @Override
    public String toString() {
        return "ImplicitAls[users=" + users().size() + ", items=" + items().size() + ", " + config + "]";
    }

    /**
     * Hyper-parameters of {@link ImplicitAls}; also the {@link Algorithm} that fits it.
     *
     * @param factors        latent dimension {@code d}, at least 1
     * @param regularization L2 penalty {@code lambda} on every factor vector, non-negative
     * @param alpha          confidence slope: {@code c = 1 + alpha * value}, non-negative
     * @param iterations     ALS sweeps (users then items), at least 1
     * @param cgSteps        conjugate-gradient steps per row and sweep (3 is the usual choice); 0 solves each row
     *                       exactly by Cholesky decomposition
     * @param seed           seed of the factor initialisation
     * @param threads        worker threads, at least 1 (the result does not depend on it)
     * @param index          how the fitted model searches its catalog
     * @param input          what it trains on: {@link Signal#IMPLICIT} by default
     */
    public record Config(int factors, double regularization, double alpha, int iterations, int cgSteps, long seed,
                         int threads, IndexConfig index, TrainingInput input) implements Algorithm<ImplicitAls> {
        /**
         * Validates the fields.
         *
         * @throws IllegalArgumentException naming the first invalid field and its value
         */
        public Config {
            Args.atLeast("factors", factors, 1);
            Args.nonNegative("regularization", regularization);
            Args.nonNegative("alpha", alpha);
            Args.atLeast("iterations", iterations, 1);
            Args.atLeast("cgSteps", cgSteps, 0);
            Args.atLeast("threads", threads, 1);
            Objects.requireNonNull(index, "index");
            Objects.requireNonNull(input, "input");
        }

        /**
         * A configuration training on the {@link Signal#IMPLICIT} values (the parameters as above).
         *
         * @param factors        latent dimension, at least 1
         * @param regularization L2 penalty, non-negative
         * @param alpha          confidence slope, non-negative
         * @param iterations     ALS sweeps, at least 1
         * @param cgSteps        conjugate-gradient steps per row and sweep; 0 solves exactly
         * @param seed           seed of the factor initialisation
         * @param threads        worker threads, at least 1
         * @param index          how the fitted model searches its catalog
         */
        public Config(int factors, double regularization, double alpha, int iterations, int cgSteps, long seed,
                      int threads, IndexConfig index) {
            this(factors, regularization, alpha, iterations, cgSteps, seed, threads, index,
                    TrainingInput.of(Signal.IMPLICIT));
        }

        /** The defaults; see {@link Builder} for the values. */
        public static Config defaults() {
            return builder().build();
        }

        /** A builder starting from the defaults. */
        public static Builder builder() {
            return new Builder();
        }

        /** A builder starting from this configuration. */
        public Builder toBuilder() {
            return new Builder().factors(factors).regularization(regularization).alpha(alpha).iterations(iterations)
                    .cgSteps(cgSteps).seed(seed).threads(threads).index(index).input(input);
        }

        @Override
        public String name() {
            return NAME;
        }

        /**
         * Fits a model on interactions aggregated by the caller, without progress reporting.
         *
         * @param training the training interactions
         * @return the fitted model
         * @throws IllegalArgumentException if the training data is empty or unusable
         */
        public ImplicitAls fit(Interactions training) {
            return fit(training, TrainingListener.NONE);
        }

        @Override
        public ImplicitAls fit(TrainingData training, TrainingListener listener) {
            return fit(input.resolve(training), listener);
        }

        /**
         * Fits a model on interactions aggregated by the caller.
         *
         * @param training interactions whose values are non-negative confidence inputs
         * @param listener receives one progress report per iteration
         * @return the fitted model
         * @throws IllegalArgumentException if the training data is empty or has a negative value
         */
        public ImplicitAls fit(Interactions training, TrainingListener listener) {
            Objects.requireNonNull(training, "training");
            Objects.requireNonNull(listener, "listener");
            return new Trainer(training, this, listener, null).run();
        }

        /**
         * Fits a model and, after every iteration, reports the current factors' top-K accuracy on held-out
         * pairs in {@link EpochProgress#metrics()} (see {@link EpochValidation}). The fitted model is
         * bit-identical to {@link #fit(Interactions, TrainingListener)}'s.
         *
         * @param training   interactions whose values are non-negative confidence inputs
         * @param validation the held-out pairs and cutoffs
         * @param listener   receives one progress report per iteration, with the accuracy metrics
         * @return the fitted model
         * @throws IllegalArgumentException if the training data is empty or has a negative value
         */
        public ImplicitAls fit(Interactions training, EpochValidation validation, TrainingListener listener) {
            Objects.requireNonNull(training, "training");
            Objects.requireNonNull(validation, "validation");
            Objects.requireNonNull(listener, "listener");
            return new Trainer(training, this, listener, validation).run();
        }

        /**
         * Builder for {@link Config}. Defaults (tuned on MovieLens latest-small, protocol B): 128 factors, regularization 30, alpha 3, 15 iterations, 3 CG steps,
         * seed 42, 1 thread, {@link IndexConfig#defaults()}. Not thread-safe.
         */
        public static final class Builder {
            private int factors = 128;
            private double regularization = 30;
            private double alpha = 3;
            private int iterations = 15;
            private int cgSteps = 3;
            private long seed = 42;
            private int threads = 1;
            private IndexConfig index = IndexConfig.defaults();
            private TrainingInput input = TrainingInput.of(Signal.IMPLICIT);

            private Builder() {
            }

            /** Sets what the model trains on (default {@link Signal#IMPLICIT}). */
            public Builder input(TrainingInput input) {
                this.input = input;
                return this;
            }

            /** Sets the latent dimension. */
            public Builder factors(int factors) {
                this.factors = factors;
                return this;
            }

            /** Sets the L2 penalty lambda. */
            public Builder regularization(double regularization) {
                this.regularization = regularization;
                return this;
            }

            /** Sets the confidence slope alpha. */
            public Builder alpha(double alpha) {
                this.alpha = alpha;
                return this;
            }

            /** Sets the number of ALS sweeps. */
            public Builder iterations(int iterations) {
                this.iterations = iterations;
                return this;
            }

            /** Sets the conjugate-gradient steps per row (0: exact solves). */
            public Builder cgSteps(int cgSteps) {
                this.cgSteps = cgSteps;
                return this;
            }

            /** Sets the initialisation seed. */
            public Builder seed(long seed) {
                this.seed = seed;
                return this;
            }

            /** Sets the number of worker threads. */
            public Builder threads(int threads) {
                this.threads = threads;
                return this;
            }

            /** Sets how the model searches its catalog. */
            public Builder index(IndexConfig index) {
                this.index = index;
                return this;
            }

            /**
             * Returns the validated configuration.
             *
             * @throws IllegalArgumentException naming the first invalid field and its value
             */
            public Config build() {
                return new Config(factors, regularization, alpha, iterations, cgSteps, seed, threads, index, input);
            }
        }
    }

    /** One fit: the two sides in row-compressed form and the alternating sweeps. */
    /**
     * {@code out = G v} for a row-major {@code d x d} matrix: four rows at a time, so that four
     * independent sums overlap in the pipeline (the bottleneck of the conjugate-gradient solves);
     * each row's sum still runs over {@code j} in order, so the result is that of the plain loop.
     */
    static void multiply(double[] g, double[] v, double[] out, int d) {
        int i = 0;
        for (; i + 4 <= d; i += 4) {
            int b0 = i * d;
            int b1 = b0 + d;
            int b2 = b1 + d;
            int b3 = b2 + d;
            double s0 = 0;
            double s1 = 0;
            double s2 = 0;
            double s3 = 0;
            for (int j = 0; j < d; j++) {
                double vj = v[j];
                s0 += g[b0 + j] * vj;
                s1 += g[b1 + j] * vj;
                s2 += g[b2 + j] * vj;
                s3 += g[b3 + j] * vj;
            }
            out[i] = s0;
            out[i + 1] = s1;
            out[i + 2] = s2;
            out[i + 3] = s3;
        }
        for (; i < d; i++) {
            int base = i * d;
            double sum = 0;
            for (int j = 0; j < d; j++) {
                sum += g[base + j] * v[j];
            }
            out[i] = sum;
        }
    }

    private static final class Trainer {
        private final Interactions training;
        private final Config config;
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

        Trainer(Interactions training, Config config, TrainingListener listener, EpochValidation validation) {
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
                // Y'Y of the item side as the last iteration's loss left it: the next user sweep's Gram
                double[] itemGram = gram(y, items, d, config.regularization());
                for (int iteration = 1; iteration <= config.iterations(); iteration++) {
                    solveSide(pool, userStart, userItems, userWeights, x, y, itemGram, users);
                    double[] userGram = gram(x, users, d, config.regularization());
                    solveSide(pool, itemStart, itemUsers, itemWeights, y, x, userGram, items);
                    itemGram = gram(y, items, d, config.regularization());
                    double loss = loss(x, y, itemGram);
                    Duration elapsed = Duration.ofNanos(System.nanoTime() - started);
                    LOG.debug("implicit ALS iteration {}/{}: loss {} ({} ms)", iteration, config.iterations(), loss,
                            elapsed.toMillis());
                    Map<String, Double> metrics = validation == null ? Map.of() : validation.evaluate(x, y, d);
                    if (validation != null) {
                        LOG.debug("implicit ALS iteration {}: {}", iteration, metrics);
                    }
                    listener.onEpoch(new EpochProgress(NAME, iteration, config.iterations(), loss, elapsed, metrics));
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
            double[] xu = new double[d];
            for (int u = 0; u < users; u++) {
                int offset = u * d;
                // x^T (Y^T Y + lambda I) x: every cell with confidence 1 and preference 0, plus the user penalty
                for (int c = 0; c < d; c++) {
                    xu[c] = x[offset + c];
                }
                multiply(gramWithPenalty, xu, gx, d);
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
                multiply(gram, v, out, d);
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
}
