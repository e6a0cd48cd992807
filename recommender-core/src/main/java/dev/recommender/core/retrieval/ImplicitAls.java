package dev.recommender.core.retrieval;

import dev.recommender.core.internal.ParallelRanges;
import dev.recommender.core.internal.Args;
import dev.recommender.core.internal.VectorMath;
import dev.recommender.core.Algorithm;
import dev.recommender.core.InteractionsAlgorithm;
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

    /**
     * Fits a model on training data, aggregating it with the configuration's
     * {@link Config#input() training input}; the same as {@code config.fit(data)}.
     *
     * @param data   the training data (events and how they become values)
     * @param config the configuration
     * @return the fitted model
     * @throws IllegalArgumentException if the training data is empty
     */
    public static ImplicitAls fit(TrainingData data, Config config) {
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
            gram = ImplicitAlsTrainer.gram(itemVectorsView(), items().size(), dimensions(), config.regularization());
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
                         int threads, IndexConfig index, TrainingInput input) implements InteractionsAlgorithm<ImplicitAls> {
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
         * Fits a model on interactions aggregated by the caller.
         *
         * @param training interactions whose values are non-negative confidence inputs
         * @param listener receives one progress report per iteration
         * @return the fitted model
         * @throws IllegalArgumentException if the training data is empty or has a negative value
         */
        @Override
        public ImplicitAls fit(Interactions training, TrainingListener listener) {
            Objects.requireNonNull(training, "training");
            Objects.requireNonNull(listener, "listener");
            return new ImplicitAlsTrainer(training, this, listener, null).run();
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
            return new ImplicitAlsTrainer(training, this, listener, validation).run();
        }

        /**
         * Builder for {@link Config}. Defaults (tuned on MovieLens latest-small, protocol B): 128 factors, regularization 30, alpha 3, 15 iterations, 3 CG steps,
         * seed 42, every available core ({@code Runtime.availableProcessors()}; results are deterministic for a given
         * thread count), {@link IndexConfig#defaults()}. Not thread-safe.
         */
        public static final class Builder {
            private int factors = 128;
            private double regularization = 30;
            private double alpha = 3;
            private int iterations = 15;
            private int cgSteps = 3;
            private long seed = 42;
            private int threads = Runtime.getRuntime().availableProcessors();
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

    /**
     * Builds a model from factors trained elsewhere (for example Spark MLlib's ALS in {@code recommender-spark}):
     * the training interactions give the ids, seen items and popularity, the factor rows follow
     * {@code training.users()} and {@code training.items()} order. The result saves, loads, folds in and serves
     * like a model fitted here; fold-in uses {@code config}'s regularization and alpha.
     *
     * @param training    the interactions the factors were trained on
     * @param userFactors {@code training.userCount() x config.factors()} floats, row-major
     * @param itemFactors {@code training.itemCount() x config.factors()} floats, row-major
     * @param config      the hyper-parameters to record (its factors must be the vectors' dimension)
     * @return the model
     * @throws IllegalArgumentException if a length does not match or a factor is not finite
     */
    public static ImplicitAls of(Interactions training, float[] userFactors, float[] itemFactors, Config config) {
        Objects.requireNonNull(config, "config");
        return new ImplicitAls(SeenItems.of(Objects.requireNonNull(training, "training")), userFactors, itemFactors,
                config);
    }
}
