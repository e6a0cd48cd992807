package dev.recommender.core.retrieval;

import dev.recommender.core.internal.Args;
import dev.recommender.core.internal.VectorMath;
import dev.recommender.core.Algorithm;
import dev.recommender.core.InteractionsAlgorithm;
import dev.recommender.core.SeenItems;
import dev.recommender.core.TrainingData;
import dev.recommender.core.TrainingInput;
import dev.recommender.core.TrainingListener;
import dev.recommender.core.data.Signal;
import dev.recommender.core.data.Interactions;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.OptionalInt;

/**
 * Two-tower retrieval: a user tower and an item tower map ids to vectors in one space, and the score of a
 * (user, item) pair is their inner product; the towers are trained so that each observed pair scores higher
 * than the other items of its mini-batch (the retrieval task of TensorFlow Recommenders, written here by
 * hand in plain Java).
 *
 * <p>Towers: the item tower is an embedding table {@code V}. The user tower is an embedding table {@code U}
 * plus, when {@link Config#historyLength()} is positive, the mean of a second item table {@code W} over the
 * user's {@code historyLength} most recent training items (the YouTube deep-network idea, Covington et al.
 * 2016); the target item of a training example is left out of its own history mean. Because a user vector
 * can be computed from items alone, a user unseen in training is folded in with {@link #foldIn(List)}.
 * {@link Config#userIdDropout()} drops {@code U} from a share {@code p} of the examples so the history part
 * learns to stand on its own; served user vectors use the expected id part, {@code (1 - p) U[u]} (with
 * {@code p = 1} the user tower is the history mean alone, and fold-in is exactly how training users are served).
 *
 * <p>Loss: for a batch of {@code B} observed pairs {@code (u_b, i_b)}, the logits are
 * {@code s_ab = q_a . v_b / temperature - log Q(i_b)}, where {@code Q(i)} is the item's share of training pairs,
 * the probability with which it appears as an in-batch negative: subtracting its log is the sampling-bias
 * ("log-Q") correction of Yi et al. 2019 ("Sampling-bias-corrected neural modeling for large corpus item
 * recommendations"), without which popular items are over-penalised. Other examples of the same item in the
 * batch are masked ("accidental hits"). The loss is the mean softmax cross-entropy of each row's own pair plus
 * {@code regularization} times the squared norm of every embedding row the batch touches. Gradients are taken
 * by hand; rows are updated sparsely by Adagrad (Duchi et al. 2011) or lazy Adam (Kingma and Ba 2015).
 *
 * <p>Cost per epoch: {@code O(nnz B d)} for the logits and their gradients, plus {@code O(nnz L d)} for
 * histories of length {@code L}. Parallelism and reproducibility: the batch's rows (logits, softmax, user
 * gradients) and then its columns (item gradients) are split across {@link Config#threads()} threads, each
 * output element computed by exactly one thread in a fixed order, and parameter updates are applied on the
 * calling thread in batch order; with the example order shuffled by a {@link java.util.SplittableRandom} seeded
 * by {@link Config#seed()}, the same configuration and data give bit-identical embeddings whatever the thread
 * count.
 *
 * <p>Thread safety: the fitted model is immutable; recommending, scoring and folding in are safe from any
 * number of threads.
 */
public final class TwoTowerRetrieval extends EmbeddingRecommender {
    /** Name used in reports and as the model file type. */
    public static final String NAME = "two-tower";

    private final Config config;
    private final float[] historyVectors;

    TwoTowerRetrieval(SeenItems seen, float[] userVectors, float[] itemVectors, float[] historyVectors,
                      Config config) {
        super(seen, userVectors, itemVectors, config.dimensions(), config.index());
        if (historyVectors.length != (config.historyLength() > 0 ? itemVectors.length : 0)) {
            throw new IllegalArgumentException("historyVectors length must be "
                    + (config.historyLength() > 0 ? itemVectors.length : 0) + ", got " + historyVectors.length);
        }
        VectorMath.requireFinite(historyVectors, "historyVectors");
        this.config = config;
        this.historyVectors = historyVectors.clone();
    }

    /**
     * Fits a model.
     *
     * @param training observed pairs (each one a positive example; values are not used)
     * @param config   hyper-parameters
     * @return the fitted model
     * @throws IllegalArgumentException if the training data is empty
     */
    public static TwoTowerRetrieval fit(Interactions training, Config config) {
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
    public static TwoTowerRetrieval fit(TrainingData data, Config config) {
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
     * Computes the vector of a user unseen in training from their items, oldest first: the mean of the history
     * embeddings of the last {@link Config#historyLength()} items in the catalog, the user tower without its id
     * part. The model is not changed. Cost {@code O(L d)}.
     *
     * @param recentItemIds the user's items in time order, oldest first; ids outside the catalog are ignored
     * @return the user's representation; all the given catalog items count as seen
     * @throws IllegalArgumentException if the model has no history tower ({@code historyLength} 0) or no item
     *                                  is in the catalog
     */
    public UserEmbedding foldIn(List<String> recentItemIds) {
        Objects.requireNonNull(recentItemIds, "recentItemIds");
        if (config.historyLength() == 0) {
            throw new IllegalArgumentException("this two-tower model was trained without a history tower "
                    + "(historyLength 0), so it cannot fold in new users");
        }
        int d = dimensions();
        List<Integer> known = new ArrayList<>();
        for (String id : recentItemIds) {
            OptionalInt item = items().find(id);
            if (item.isPresent() && !known.contains(item.getAsInt())) {
                known.add(item.getAsInt());
            }
        }
        if (known.isEmpty()) {
            throw new IllegalArgumentException("none of the " + recentItemIds.size()
                    + " items is in the model's catalog");
        }
        float[] vector = new float[d];
        int from = Math.max(0, known.size() - config.historyLength());
        int count = known.size() - from;
        for (int k = from; k < known.size(); k++) {
            int offset = known.get(k) * d;
            for (int r = 0; r < d; r++) {
                vector[r] += historyVectors[offset + r];
            }
        }
        for (int r = 0; r < d; r++) {
            vector[r] /= count;
        }
        return new UserEmbedding(vector, known.stream().mapToInt(Integer::intValue).toArray(), items());
    }

    /**
     * Folds in a user from a set of items whose order is unknown; see {@link #foldIn(List)}.
     *
     * @param itemIds the user's items
     * @return the user's representation
     */
    public UserEmbedding foldIn(Collection<String> itemIds) {
        return foldIn(List.copyOf(itemIds));
    }

    float[] historyVectorsView() {
        return historyVectors;
    }

    @Override
    public String toString() {
        return "TwoTowerRetrieval[users=" + users().size() + ", items=" + items().size() + ", " + config + "]";
    }

    /** The optimizer that applies the gradients. */
    public enum Optimizer {
        /** Adagrad (Duchi, Hazan and Singer 2011), initial accumulator 0.1 as in TensorFlow. */
        ADAGRAD,
        /** Adam (Kingma and Ba 2015), beta1 0.9, beta2 0.999, epsilon 1e-8, applied lazily to touched rows. */
        ADAM;

        /**
         * Parses a name, case-insensitively.
         *
         * @param name {@code "adagrad"} or {@code "adam"}
         * @return the optimizer
         * @throws IllegalArgumentException if the name is unknown
         */
        public static Optimizer parse(String name) {
            try {
                return valueOf(name.toUpperCase(Locale.ROOT));
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException("optimizer must be adagrad or adam, got '" + name + "'", e);
            }
        }
    }

    /**
     * Hyper-parameters of {@link TwoTowerRetrieval}; also the {@link Algorithm} that fits it.
     *
     * @param dimensions      embedding dimension, at least 1
     * @param epochs          passes over the training pairs, at least 1
     * @param batchSize       pairs per mini-batch (and so in-batch negatives + 1), at least 2
     * @param optimizer       Adagrad or Adam
     * @param learningRate    step size, positive
     * @param temperature     softmax temperature dividing the inner products, positive
     * @param regularization  L2 penalty on the embedding rows a batch touches, non-negative
     * @param logQCorrection  whether to subtract {@code log Q(item)} from the logits (sampling-bias correction)
     * @param historyLength   number of recent items averaged into the user tower; 0 for an id-only user tower
     * @param userIdDropout   probability of training an example without the user id embedding, in [0, 1]
     *                        (only meaningful with a history)
     * @param initScale       standard deviation of the Gaussian initialisation, positive
     * @param seed            seed of the initialisation and the example order
     * @param threads         worker threads, at least 1 (the result does not depend on it)
     * @param index           how the fitted model searches its catalog
     * @param input           what it trains on: {@link Signal#IMPLICIT} by default
     */
    public record Config(int dimensions, int epochs, int batchSize, Optimizer optimizer, double learningRate,
                         double temperature, double regularization, boolean logQCorrection, int historyLength,
                         double userIdDropout, double initScale, long seed, int threads, IndexConfig index,
                         TrainingInput input)
            implements InteractionsAlgorithm<TwoTowerRetrieval> {
        /**
         * Validates the fields.
         *
         * @throws IllegalArgumentException naming the first invalid field and its value
         */
        public Config {
            Args.atLeast("dimensions", dimensions, 1);
            Args.atLeast("epochs", epochs, 1);
            Args.atLeast("batchSize", batchSize, 2);
            Objects.requireNonNull(optimizer, "optimizer");
            Args.positive("learningRate", learningRate);
            Args.positive("temperature", temperature);
            Args.nonNegative("regularization", regularization);
            Args.atLeast("historyLength", historyLength, 0);
            Args.inRange("userIdDropout", userIdDropout, 0, 1);
            Args.positive("initScale", initScale);
            Args.atLeast("threads", threads, 1);
            Objects.requireNonNull(index, "index");
            Objects.requireNonNull(input, "input");
        }

        /**
         * A configuration training on the {@link Signal#IMPLICIT} values (the parameters as above).
         *
         * @param dimensions      embedding size, at least 1
         * @param epochs          passes over the training pairs, at least 1
         * @param batchSize       pairs per step, at least 2
         * @param optimizer       the update rule
         * @param learningRate    step size, positive
         * @param temperature     softmax temperature, positive
         * @param regularization  L2 penalty, non-negative
         * @param logQCorrection  whether to correct the in-batch softmax for popularity
         * @param historyLength   recent items in the user tower, at least 0
         * @param userIdDropout   chance of dropping the user id embedding, in [0, 1]
         * @param initScale       standard deviation of the initialisation, positive
         * @param seed            seed of the initialisation and the example order
         * @param threads         worker threads, at least 1
         * @param index           how the fitted model searches its catalog
         */
        public Config(int dimensions, int epochs, int batchSize, Optimizer optimizer, double learningRate,
                      double temperature, double regularization, boolean logQCorrection, int historyLength,
                      double userIdDropout, double initScale, long seed, int threads, IndexConfig index) {
            this(dimensions, epochs, batchSize, optimizer, learningRate, temperature, regularization, logQCorrection,
                    historyLength, userIdDropout, initScale, seed, threads, index, TrainingInput.of(Signal.IMPLICIT));
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
            return new Builder().dimensions(dimensions).epochs(epochs).batchSize(batchSize).optimizer(optimizer)
                    .learningRate(learningRate).temperature(temperature).regularization(regularization)
                    .logQCorrection(logQCorrection).historyLength(historyLength).userIdDropout(userIdDropout)
                    .initScale(initScale).seed(seed).threads(threads).index(index).input(input);
        }

        @Override
        public String name() {
            return NAME;
        }



        /**
         * Fits a model on interactions aggregated by the caller.
         *
         * @param training interactions (every entry is one positive pair)
         * @param listener receives one progress report per epoch
         * @return the fitted model
         * @throws IllegalArgumentException if the training data is empty
         */
        @Override
        public TwoTowerRetrieval fit(Interactions training, TrainingListener listener) {
            Objects.requireNonNull(training, "training");
            Objects.requireNonNull(listener, "listener");
            return new TwoTowerTrainer(training, this, listener, null).run();
        }

        /**
         * Fits a model and, after every epoch, reports the current embeddings' top-K accuracy on held-out
         * pairs in {@link dev.recommender.core.EpochProgress#metrics()} (see {@link EpochValidation}); the user
         * vectors are the serving ones (the user tower with the expected id contribution under dropout). The
         * fitted model is bit-identical to {@link #fit(Interactions, TrainingListener)}'s.
         *
         * @param training   interactions (every entry is one positive pair)
         * @param validation the held-out pairs and cutoffs
         * @param listener   receives one progress report per epoch, with the accuracy metrics
         * @return the fitted model
         * @throws IllegalArgumentException if the training data is empty
         */
        public TwoTowerRetrieval fit(Interactions training, EpochValidation validation, TrainingListener listener) {
            Objects.requireNonNull(training, "training");
            Objects.requireNonNull(validation, "validation");
            Objects.requireNonNull(listener, "listener");
            return new TwoTowerTrainer(training, this, listener, validation).run();
        }

        /**
         * Builder for {@link Config}. Defaults (tuned on MovieLens latest-small, protocol B: NDCG@10 0.340):
         * 128 dimensions, 8 epochs, batch 256, Adam with learning rate 0.005, temperature 2.0, regularization
         * 1e-4, log-Q correction on, history of 20 items, user-id dropout 0.2, init scale 0.05, seed 42,
         * every available core ({@code Runtime.availableProcessors()}; results are deterministic for a given thread
         * count), {@link IndexConfig#defaults()}. Not thread-safe.
         */
        public static final class Builder {
            private int dimensions = 128;
            private int epochs = 8;
            private int batchSize = 256;
            private Optimizer optimizer = Optimizer.ADAM;
            private double learningRate = 0.005;
            private double temperature = 2.0;
            private double regularization = 1e-4;
            private boolean logQCorrection = true;
            private int historyLength = 20;
            private double userIdDropout = 0.2;
            private double initScale = 0.05;
            private long seed = 42;
            private int threads = Runtime.getRuntime().availableProcessors();
            private IndexConfig index = IndexConfig.defaults();
            private TrainingInput input = TrainingInput.of(Signal.IMPLICIT);

            private Builder() {
            }

            /** Sets the embedding dimension. */
            public Builder dimensions(int dimensions) {
                this.dimensions = dimensions;
                return this;
            }

            /** Sets the number of epochs. */
            public Builder epochs(int epochs) {
                this.epochs = epochs;
                return this;
            }

            /** Sets the mini-batch size. */
            public Builder batchSize(int batchSize) {
                this.batchSize = batchSize;
                return this;
            }

            /** Sets the optimizer. */
            public Builder optimizer(Optimizer optimizer) {
                this.optimizer = optimizer;
                return this;
            }

            /** Sets the learning rate. */
            public Builder learningRate(double learningRate) {
                this.learningRate = learningRate;
                return this;
            }

            /** Sets the softmax temperature. */
            public Builder temperature(double temperature) {
                this.temperature = temperature;
                return this;
            }

            /** Sets the L2 penalty. */
            public Builder regularization(double regularization) {
                this.regularization = regularization;
                return this;
            }

            /** Turns the log-Q sampling-bias correction on or off. */
            public Builder logQCorrection(boolean logQCorrection) {
                this.logQCorrection = logQCorrection;
                return this;
            }

            /** Sets the number of recent items in the user tower (0: id only). */
            public Builder historyLength(int historyLength) {
                this.historyLength = historyLength;
                return this;
            }

            /** Sets the user-id dropout probability. */
            public Builder userIdDropout(double userIdDropout) {
                this.userIdDropout = userIdDropout;
                return this;
            }

            /** Sets the initialisation standard deviation. */
            public Builder initScale(double initScale) {
                this.initScale = initScale;
                return this;
            }

            /** Sets the seed. */
            public Builder seed(long seed) {
                this.seed = seed;
                return this;
            }

            /** Sets the number of worker threads. */
            public Builder threads(int threads) {
                this.threads = threads;
                return this;
            }

            /** Sets what the model trains on (default {@link Signal#IMPLICIT}). */
            public Builder input(TrainingInput input) {
                this.input = input;
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
                return new Config(dimensions, epochs, batchSize, optimizer, learningRate, temperature,
                        regularization, logQCorrection, historyLength, userIdDropout, initScale, seed, threads, index,
                        input);
            }
        }
    }
}
