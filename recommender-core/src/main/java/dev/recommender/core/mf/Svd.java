package dev.recommender.core.mf;

import dev.recommender.core.Algorithm;
import dev.recommender.core.InteractionsAlgorithm;
import dev.recommender.core.SeenItems;
import dev.recommender.core.TrainingData;
import dev.recommender.core.TrainingInput;
import dev.recommender.core.TrainingListener;
import dev.recommender.core.data.Signal;
import dev.recommender.core.ValuePredictor;
import dev.recommender.core.data.Interactions;

import java.util.Arrays;
import java.util.Objects;
import java.util.OptionalInt;

/**
 * Biased matrix factorization trained by stochastic gradient descent: the model behind Surprise's
 * {@code SVD} (Koren, Bell and Volinsky, "Matrix factorization techniques for recommender systems",
 * IEEE Computer 2009; Funk's "Netflix update" SGD). The prediction for user {@code u} and item
 * {@code i} is {@code r_hat = mu + b_u + b_i + q_i . p_u}, clipped to the smallest and largest value
 * seen in training; {@code mu} is the training mean and stays fixed, the biases and factors are
 * learned by SGD on the squared error with L2 regularisation (see {@link Config}).
 *
 * <p>Fallback for pairs outside the training data ({@link #score}): an unknown user gets
 * {@code mu + b_i}, an unknown item {@code mu + b_u}, both unknown {@code mu} (all clipped).
 * {@link #recommend} ranks a known user's items by the unclipped prediction (so items predicted
 * above the rating scale still keep their order) and reports that prediction as the score; an
 * unknown user gets the popularity fallback.
 *
 * <p>Ranking a catalog ({@link #recommend}) uses the Vector API kernel when the JVM has the
 * {@code jdk.incubator.vector} module, else a scalar loop; the two sum the dot product in a
 * different order, so the last bits of recommendation scores (and in rare near-ties the order) can
 * differ between JVMs started with and without the module. {@link #score} and {@link #predict}
 * always use the scalar loop.
 *
 * <p>Training: {@code epochs · pairs · factors} multiply-adds, on {@link Config#threads()} cores by
 * DSGD stratification, with a scalar or a Vector API kernel (see {@link Kernel}), visiting the
 * pairs in a fresh seeded random order every epoch (see {@link Order}); details in the package
 * documentation. Prediction: O(factors) per pair, O(items · factors) to rank a catalog.
 * Memory: 4 · (users + items) · (factors + 1) bytes of parameters plus the seen items.
 *
 * <p>Immutable and thread-safe.
 */
public final class Svd extends ValuePredictor {
    /** Which SGD kernel trains the model. */
    public enum Kernel {
        /** The vector kernel when {@code jdk.incubator.vector} is in the boot layer, else the scalar one. */
        AUTO,
        /** Plain float loops; runs everywhere. */
        SCALAR,
        /** The Vector API kernel; needs {@code --add-modules jdk.incubator.vector} at run time. */
        VECTOR
    }

    /** In which order an epoch visits the training pairs (each block's pairs under parallel training). */
    public enum Order {
        /** A uniform shuffle of the pairs every epoch: textbook SGD. */
        SHUFFLED_PAIRS,
        /**
         * Users in a fresh random order every epoch, each user's pairs in a fresh random order: the
         * user's factors stay in cache across their ratings, which is markedly faster once the factor
         * tables outgrow the CPU caches (millions of ratings); the same accuracy on MovieLens.
         */
        SHUFFLED_USERS
    }

    /**
     * How much each training pair counts in the squared-error loss. Weights are normalised to mean 1,
     * so the learning rates and regularisation keep their meaning.
     */
    public enum PairWeight {
        /** Every pair counts once: plain least squares on the values. */
        NONE,
        /**
         * A pair counts in proportion to its number of events ({@link Interactions#eventCount(int)}):
         * for aggregated values such as engagement rates, where a rate from many events is less noisy
         * than a rate from one.
         */
        EVENT_COUNT,
        /** A pair counts in proportion to the square root of its number of events: a milder form. */
        SQRT_EVENT_COUNT;

        float raw(int eventCount) {
            return switch (this) {
                case NONE -> 1f;
                case EVENT_COUNT -> eventCount;
                case SQRT_EVENT_COUNT -> (float) Math.sqrt(eventCount);
            };
        }
    }

    private final Config config;
    private final int factors;
    /** {@code mu} as the float the scoring arithmetic uses; the same value as {@link #globalMean()}. */
    private final float mean;
    private final float[] userBias;
    private final float[] itemBias;
    private final float[] userFactors;
    private final float[] itemFactors;
    private final String kernel;
    private final SgdKernel scorer;

    Svd(SeenItems seen, Config config, float mean, float minValue, float maxValue, float[] userBias,
        float[] itemBias, float[] userFactors, float[] itemFactors, String kernel) {
        super(seen, "svd", mean, minValue, maxValue);
        int users = seen.users().size();
        int items = seen.items().size();
        if (userBias.length != users || itemBias.length != items
                || userFactors.length != users * config.factors() || itemFactors.length != items * config.factors()) {
            throw new IllegalArgumentException("svd parameter sizes do not match " + users + " users, " + items
                    + " items, " + config.factors() + " factors");
        }
        this.config = config;
        this.factors = config.factors();
        this.mean = mean;
        this.userBias = userBias;
        this.itemBias = itemBias;
        this.userFactors = userFactors;
        this.itemFactors = itemFactors;
        this.kernel = Objects.requireNonNull(kernel, "kernel");
        this.scorer = SgdKernel.select(Kernel.AUTO);
    }

    @Override
    public String name() {
        return "svd";
    }

    /** The configuration the model was trained with. */
    public Config config() {
        return config;
    }

    /** The SGD kernel that trained the model: {@code "scalar"} or {@code "vector"}. */
    public String kernel() {
        return kernel;
    }

    /**
     * {@inheritDoc}
     *
     * <p>{@code mu + b_u + b_i + p_u . q_i}; users and items of the numbering without training pairs
     * have zero terms.
     */
    @Override
    protected double prediction(int user, int item) {
        boolean knownUser = user >= 0 && user < userBias.length;
        boolean knownItem = item >= 0 && item < itemBias.length;
        float prediction = mean;
        if (knownUser) {
            prediction += userBias[user];
        }
        if (knownItem) {
            prediction += itemBias[item];
        }
        if (knownUser && knownItem) {
            prediction += dot(user, item);
        }
        return prediction;
    }

    /**
     * Unclipped prediction for dense indexes of {@link SeenItems#users()} and {@link #items()}
     * (for feature builders that already hold indexes).
     *
     * @throws IndexOutOfBoundsException if an index is out of range
     */
    public double predict(int userIndex, int itemIndex) {
        return mean + userBias[userIndex] + itemBias[itemIndex] + dot(userIndex, itemIndex);
    }

    /** Returns a copy of a known user's factor vector, or an empty array for an unknown user. */
    public float[] userVector(String userId) {
        OptionalInt user = seenItems().users().find(userId);
        return user.isEmpty() ? new float[0]
                : Arrays.copyOfRange(userFactors, user.getAsInt() * factors, (user.getAsInt() + 1) * factors);
    }

    /** Returns a copy of a known item's factor vector, or an empty array for an unknown item. */
    public float[] itemVector(String itemId) {
        OptionalInt item = items().find(itemId);
        return item.isEmpty() ? new float[0]
                : Arrays.copyOfRange(itemFactors, item.getAsInt() * factors, (item.getAsInt() + 1) * factors);
    }

    @Override
    protected void scoreAll(int userIndex, float[] scores) {
        scorer.scoreAll(userFactors, userIndex * factors, itemFactors, itemBias, mean + userBias[userIndex], factors,
                scores);
    }

    private float dot(int user, int item) {
        int userOffset = user * factors;
        int itemOffset = item * factors;
        float dot = 0f;
        for (int f = 0; f < factors; f++) {
            dot += userFactors[userOffset + f] * itemFactors[itemOffset + f];
        }
        return dot;
    }

    // Package-private views for the codec; never handed out of the package.
    float mean() {
        return mean;
    }

    float[] userBiasArray() {
        return userBias;
    }

    float[] itemBiasArray() {
        return itemBias;
    }

    float[] userFactorArray() {
        return userFactors;
    }

    float[] itemFactorArray() {
        return itemFactors;
    }

    @Override
    public String toString() {
        return "Svd[users=" + seenItems().users().size() + ", items=" + items().size() + ", factors=" + factors
                + ", kernel=" + kernel + "]";
    }

    /**
     * Fits a model on interactions aggregated by the caller.
     *
     * @param training the training interactions
     * @param config   the configuration
     * @return the fitted model
     * @throws IllegalArgumentException if the training data is empty
     */
    public static Svd fit(Interactions training, Config config) {
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
    public static Svd fit(TrainingData data, Config config) {
        return config.fit(data, TrainingListener.NONE);
    }

    /**
     * Configuration of {@link Svd}, and the algorithm that fits it.
     *
     * <p>Per pair with error {@code e}: {@code b_u += biasLearningRate (e - biasRegularization b_u)},
     * the same for {@code b_i}, and {@code p_u += learningRate (e q_i - factorRegularization p_u)},
     * {@code q_i += learningRate (e p_u - factorRegularization q_i)}. Both learning rates are
     * multiplied by {@code learningRateDecay} after every epoch. Factors start as independent
     * N(0, initStd) draws, biases at 0.
     *
     * <p>Presets: {@link #forRatings()} (the {@link #defaults()}, tuned on MovieLens star ratings)
     * and {@link #forEngagementRate()} (values in [0, 1] with few events per pair, after the seed's
     * Surprise grid search).
     *
     * @param factors              number of latent factors, at least 1
     * @param epochs               passes over the training pairs, at least 1
     * @param learningRate         SGD step of the factors, positive
     * @param biasLearningRate     SGD step of the biases, positive
     * @param factorRegularization L2 penalty of the factors, at least 0
     * @param biasRegularization   L2 penalty of the biases, at least 0
     * @param initStd              standard deviation of the initial factors, at least 0
     * @param learningRateDecay    factor applied to both learning rates after each epoch, in (0, 1]
     * @param seed                 seed of the initialisation, block assignment and shuffles
     * @param threads              parallel SGD workers (DSGD blocks), at least 1; the model depends on it
     * @param kernel               which SGD kernel to use
     * @param order                in which order an epoch visits the pairs
     * @param pairWeight           how much each pair counts in the loss
     * @param input                what it trains on: {@link Signal#RATING} by default
     */
    public record Config(int factors, int epochs, double learningRate, double biasLearningRate,
                         double factorRegularization, double biasRegularization, double initStd,
                         double learningRateDecay, long seed, int threads, Kernel kernel, Order order,
                         PairWeight pairWeight, TrainingInput input) implements InteractionsAlgorithm<Svd> {
        /**
         * Validates the configuration.
         *
         * @throws IllegalArgumentException naming the first invalid argument and its value
         */
        public Config {
            if (factors < 1) {
                throw new IllegalArgumentException("factors must be at least 1, got " + factors);
            }
            if (epochs < 1) {
                throw new IllegalArgumentException("epochs must be at least 1, got " + epochs);
            }
            positive("learningRate", learningRate);
            positive("biasLearningRate", biasLearningRate);
            nonNegative("factorRegularization", factorRegularization);
            nonNegative("biasRegularization", biasRegularization);
            nonNegative("initStd", initStd);
            if (!(learningRateDecay > 0 && learningRateDecay <= 1)) {
                throw new IllegalArgumentException("learningRateDecay must be in (0, 1], got " + learningRateDecay);
            }
            if (threads < 1) {
                throw new IllegalArgumentException("threads must be at least 1, got " + threads);
            }
            Objects.requireNonNull(kernel, "kernel");
            Objects.requireNonNull(order, "order");
            Objects.requireNonNull(pairWeight, "pairWeight");
            Objects.requireNonNull(input, "input");
        }

        /**
         * A configuration training on the {@link Signal#RATING} values (the parameters as above).
         *
         * @param factors              number of latent factors, at least 1
         * @param epochs               passes over the training pairs, at least 1
         * @param learningRate         SGD step of the factors, positive
         * @param biasLearningRate     SGD step of the biases, positive
         * @param factorRegularization L2 penalty of the factors, at least 0
         * @param biasRegularization   L2 penalty of the biases, at least 0
         * @param initStd              standard deviation of the initial factors, at least 0
         * @param learningRateDecay    factor applied to both learning rates after each epoch, in (0, 1]
         * @param seed                 seed of the initialisation, block assignment and shuffles
         * @param threads              parallel SGD workers, at least 1
         * @param kernel               which SGD kernel to use
         * @param order                in which order an epoch visits the pairs
         * @param pairWeight           how much each pair counts in the loss
         */
        public Config(int factors, int epochs, double learningRate, double biasLearningRate,
                      double factorRegularization, double biasRegularization, double initStd,
                      double learningRateDecay, long seed, int threads, Kernel kernel, Order order,
                      PairWeight pairWeight) {
            this(factors, epochs, learningRate, biasLearningRate, factorRegularization, biasRegularization, initStd,
                    learningRateDecay, seed, threads, kernel, order, pairWeight, TrainingInput.of(Signal.RATING));
        }

        private static void positive(String name, double value) {
            if (!(value > 0) || !Double.isFinite(value)) {
                throw new IllegalArgumentException(name + " must be positive and finite, got " + value);
            }
        }

        private static void nonNegative(String name, double value) {
            if (!(value >= 0) || !Double.isFinite(value)) {
                throw new IllegalArgumentException(name + " must be non-negative and finite, got " + value);
            }
        }

        /** The defaults: {@link #forRatings()}. */
        public static Config defaults() {
            return forRatings();
        }

        /**
         * Preset for explicit ratings on a 1 to 5 star scale (MovieLens): 100 factors, 60 epochs,
         * learning rate 0.01 (biases too, no decay), factor regularisation 0.1, bias regularisation
         * 0.02, initial std 0.1, every available core ({@code Runtime.availableProcessors()}; the model depends on
         * the thread count, so pin {@code threads} for results that must match across machines), seed 42. Chosen by a small grid on MovieLens
         * latest-small (protocol A, 5-fold: RMSE 0.856, under a second per fold): the textbook
         * 0.005 / 0.02 / 20 epochs gives 0.87, stronger factor regularisation with more epochs
         * helps most, learning-rate decay did not help.
         */
        public static Config forRatings() {
            return new Config(100, 60, 0.01, 0.01, 0.1, 0.02, 0.1, 1.0, 42L, Runtime.getRuntime().availableProcessors(), Kernel.AUTO, Order.SHUFFLED_USERS,
                    PairWeight.NONE);
        }

        /**
         * Preset for engagement rates in [0, 1] aggregated from a few events per pair (the seed's
         * data): 32 factors, 15 epochs, learning rate 0.005, factor regularisation 0.5, bias
         * regularisation 0.3, pairs weighted by the square root of their event count
         * ({@link PairWeight#SQRT_EVENT_COUNT}), initial std 0.1, every available core, seed 42. Chosen on
         * {@link dev.recommender.core.sample.SampleEvents#defaults()} aggregated by
         * {@link dev.recommender.core.data.EngagementRate#seed()} (random 75/25 pair split): RMSE
         * 0.2585 on the engaged pairs (the seed's {@code ratings.csv}) against 0.2596 for
         * {@link dev.recommender.core.baseline.Baseline} and 0.2589 for the seed's Surprise grid
         * optimum (10 epochs, learning rate 0.005, regularisation 0.4, unweighted); 0.3568 against
         * 0.3579 and 0.3578 on all pairs. With about 2.4 events per pair most of the error is
         * sampling noise: strong regularisation matters most, and no factorization gains much over
         * the biases on such data.
         */
        public static Config forEngagementRate() {
            return new Config(32, 15, 0.005, 0.005, 0.5, 0.3, 0.1, 1.0, 42L, Runtime.getRuntime().availableProcessors(),
                    Kernel.AUTO, Order.SHUFFLED_USERS, PairWeight.SQRT_EVENT_COUNT);
        }

        /** A builder starting from {@link #defaults()}. */
        public static Builder builder() {
            return new Builder(defaults());
        }

        /** A builder starting from this configuration. */
        public Builder toBuilder() {
            return new Builder(this);
        }

        @Override
        public String name() {
            return "svd";
        }

        /**
         * Fits the model. After every epoch the listener (and the DEBUG log) receives the training
         * mean squared error of that epoch, each pair's error measured just before its update, the
         * elapsed time and the epoch's learning rate (metric {@code "learningRate"}).
         *
         * @throws IllegalArgumentException if the training data is empty
         * @throws IllegalStateException    if training diverges (non-finite loss; lower the learning rate)
         *                                  or {@link Kernel#VECTOR} is asked for without the module
         */
        @Override
        public Svd fit(Interactions training, TrainingListener listener) {
            Algorithm.checkFitArguments(training, listener);
            long parameters = (long) Math.max(training.userCount(), training.itemCount()) * factors;
            if (parameters > Integer.MAX_VALUE - 16) {
                throw new IllegalArgumentException("factors " + factors + " times " + Math.max(training.userCount(),
                        training.itemCount()) + " users or items exceeds the largest Java array");
            }
            SvdTrainer.Result result = SvdTrainer.train(training, this, listener);
            return new Svd(SeenItems.of(training), this, result.mean(), training.minValue(), training.maxValue(),
                    result.userBias(), result.itemBias(), result.userFactors(), result.itemFactors(), result.kernel());
        }


    }

    /** Builder for {@link Config}; every setter validates when {@link #build()} is called. Not thread-safe. */
    public static final class Builder {
        private int factors;
        private int epochs;
        private double learningRate;
        private double biasLearningRate;
        private boolean biasLearningRateSet;
        private double factorRegularization;
        private double biasRegularization;
        private double initStd;
        private double learningRateDecay;
        private long seed;
        private int threads;
        private Kernel kernel;
        private Order order;
        private PairWeight pairWeight;
        private TrainingInput input;

        private Builder(Config from) {
            input = from.input();
            factors = from.factors();
            epochs = from.epochs();
            learningRate = from.learningRate();
            biasLearningRate = from.biasLearningRate();
            biasLearningRateSet = from.biasLearningRate() != from.learningRate();
            factorRegularization = from.factorRegularization();
            biasRegularization = from.biasRegularization();
            initStd = from.initStd();
            learningRateDecay = from.learningRateDecay();
            seed = from.seed();
            threads = from.threads();
            kernel = from.kernel();
            order = from.order();
            pairWeight = from.pairWeight();
        }

        /** Number of latent factors. */
        public Builder factors(int factors) {
            this.factors = factors;
            return this;
        }

        /** Number of epochs. */
        public Builder epochs(int epochs) {
            this.epochs = epochs;
            return this;
        }

        /** Learning rate of the factors; also of the biases unless {@link #biasLearningRate} is set. */
        public Builder learningRate(double learningRate) {
            this.learningRate = learningRate;
            return this;
        }

        /** Learning rate of the biases (default: the factor learning rate). */
        public Builder biasLearningRate(double biasLearningRate) {
            this.biasLearningRate = biasLearningRate;
            this.biasLearningRateSet = true;
            return this;
        }

        /** Regularisation of the factors. */
        public Builder factorRegularization(double factorRegularization) {
            this.factorRegularization = factorRegularization;
            return this;
        }

        /** Regularisation of the biases. */
        public Builder biasRegularization(double biasRegularization) {
            this.biasRegularization = biasRegularization;
            return this;
        }

        /** Sets both regularisations (Surprise's {@code reg_all}). */
        public Builder regularization(double regularization) {
            this.factorRegularization = regularization;
            this.biasRegularization = regularization;
            return this;
        }

        /** Standard deviation of the initial factors. */
        public Builder initStd(double initStd) {
            this.initStd = initStd;
            return this;
        }

        /** Factor applied to the learning rates after each epoch (1 = constant). */
        public Builder learningRateDecay(double learningRateDecay) {
            this.learningRateDecay = learningRateDecay;
            return this;
        }

        /** Random seed. */
        public Builder seed(long seed) {
            this.seed = seed;
            return this;
        }

        /** Number of training threads (DSGD blocks). */
        public Builder threads(int threads) {
            this.threads = threads;
            return this;
        }

        /** The SGD kernel. */
        public Builder kernel(Kernel kernel) {
            this.kernel = Objects.requireNonNull(kernel, "kernel");
            return this;
        }

        /** The order in which an epoch visits the pairs. */
        public Builder order(Order order) {
            this.order = Objects.requireNonNull(order, "order");
            return this;
        }

        /** What the model trains on (default {@link Signal#RATING}). */
        public Builder input(TrainingInput input) {
            this.input = Objects.requireNonNull(input, "input");
            return this;
        }

        /** How much each pair counts in the loss. */
        public Builder pairWeight(PairWeight pairWeight) {
            this.pairWeight = Objects.requireNonNull(pairWeight, "pairWeight");
            return this;
        }

        /**
         * Returns the validated configuration.
         *
         * @throws IllegalArgumentException naming the first invalid setting and its value
         */
        public Config build() {
            return new Config(factors, epochs, learningRate, biasLearningRateSet ? biasLearningRate : learningRate,
                    factorRegularization, biasRegularization, initStd, learningRateDecay, seed, threads, kernel,
                    order, pairWeight, input);
        }
    }
}
