package dev.recommender.core.baseline;

import dev.recommender.core.Algorithm;
import dev.recommender.core.InteractionsAlgorithm;
import dev.recommender.core.EpochProgress;
import dev.recommender.core.SeenItems;
import dev.recommender.core.TrainingData;
import dev.recommender.core.TrainingInput;
import dev.recommender.core.TrainingListener;
import dev.recommender.core.data.Signal;
import dev.recommender.core.ValuePredictor;
import dev.recommender.core.data.Interactions;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Duration;
import java.util.Map;
import java.util.Objects;
import java.util.OptionalInt;

/**
 * The bias baseline {@code r_hat = mu + b_u + b_i}: the global mean plus a regularised user and
 * item bias (Koren, "Factor in the neighbors: scalable and accurate collaborative filtering", TKDD
 * 2010, section 2.1; Surprise's {@code BaselineOnly} with ALS). The biases minimise
 * {@code sum (r - mu - b_u - b_i)^2 + userDamping sum b_u^2 + itemDamping sum b_i^2} by alternating
 * exact minimisation, starting from zero user biases:
 * <pre>
 *   b_i = sum over users u of i  (r_ui - mu - b_u) / (itemDamping + |users of i|)
 *   b_u = sum over items i of u  (r_ui - mu - b_i) / (userDamping + |items of u|)
 * </pre>
 * The damping terms shrink the biases of users and items with few ratings toward zero.
 *
 * <p>Predictions ({@link #score}) are clipped to the training value range; an unknown user gets
 * {@code mu + b_i}, an unknown item {@code mu + b_u}, both unknown {@code mu}. As a recommender it
 * ranks a known user's items by {@code b_i} (the user's terms are constant) and reports
 * {@code mu + b_u + b_i}; an unknown user gets the popularity fallback.
 *
 * <p>Fitting: O(iterations · pairs) time, O(users + items) extra memory. Immutable and thread-safe.
 */
public final class Baseline extends ValuePredictor {
    private final Config config;
    private final double[] userBias;
    private final double[] itemBias;

    Baseline(SeenItems seen, Config config, double mean, double minValue, double maxValue,
             double[] userBias, double[] itemBias) {
        super(seen, "baseline", mean, minValue, maxValue);
        if (userBias.length != seen.users().size() || itemBias.length != seen.items().size()) {
            throw new IllegalArgumentException("baseline bias lengths " + userBias.length + ", " + itemBias.length
                    + " do not match " + seen.users().size() + " users, " + seen.items().size() + " items");
        }
        this.config = Objects.requireNonNull(config, "config");
        this.userBias = userBias;
        this.itemBias = itemBias;
    }

    @Override
    public String name() {
        return "baseline";
    }

    /** The configuration the model was fitted with. */
    public Config config() {
        return config;
    }

    /** The bias {@code b_u} of a user, 0 for an unknown user. */
    public double userBias(String userId) {
        OptionalInt user = seenItems().users().find(Objects.requireNonNull(userId, "userId"));
        return user.isEmpty() ? 0 : userBias[user.getAsInt()];
    }

    /** The bias {@code b_i} of an item, 0 for an unknown item. */
    public double itemBias(String itemId) {
        OptionalInt item = items().find(Objects.requireNonNull(itemId, "itemId"));
        return item.isEmpty() ? 0 : itemBias[item.getAsInt()];
    }

    /** {@code mu + b_u + b_i} (0 biases for unknown indexes, -1 or outside). */
    @Override
    protected double prediction(int user, int item) {
        return globalMean() + (user >= 0 && user < userBias.length ? userBias[user] : 0)
                + (item >= 0 && item < itemBias.length ? itemBias[item] : 0);
    }

    @Override
    protected void scoreAll(int userIndex, float[] scores) {
        double base = globalMean() + userBias[userIndex];
        for (int item = 0; item < scores.length; item++) {
            scores[item] = (float) (base + itemBias[item]);
        }
    }

    double[] userBiasArray() {
        return userBias;
    }

    double[] itemBiasArray() {
        return itemBias;
    }

    @Override
    public String toString() {
        return "Baseline[users=" + userBias.length + ", items=" + itemBias.length + ", mean=" + globalMean() + "]";
    }

    /**
     * Fits a model on interactions aggregated by the caller.
     *
     * @param training the training interactions
     * @param config   the configuration
     * @return the fitted model
     * @throws IllegalArgumentException if the training data is empty
     */
    public static Baseline fit(Interactions training, Config config) {
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
    public static Baseline fit(TrainingData data, Config config) {
        return config.fit(data, TrainingListener.NONE);
    }

    /**
     * Configuration of {@link Baseline}, and the algorithm that fits it.
     *
     * @param userDamping regularisation of the user biases (pseudo-count of ratings at the mean), at least 0
     * @param itemDamping regularisation of the item biases, at least 0
     * @param iterations  rounds of alternating least squares (item biases, then user biases), at least 1
     */
    public record Config(double userDamping, double itemDamping, int iterations, TrainingInput input)
            implements InteractionsAlgorithm<Baseline> {
        private static final Logger LOG = LoggerFactory.getLogger(Baseline.class);

        /**
         * Validates the configuration.
         *
         * @throws IllegalArgumentException naming the invalid argument and its value
         */
        public Config {
            if (!(userDamping >= 0) || !Double.isFinite(userDamping)) {
                throw new IllegalArgumentException("userDamping must be non-negative and finite, got " + userDamping);
            }
            if (!(itemDamping >= 0) || !Double.isFinite(itemDamping)) {
                throw new IllegalArgumentException("itemDamping must be non-negative and finite, got " + itemDamping);
            }
            if (iterations < 1) {
                throw new IllegalArgumentException("iterations must be at least 1, got " + iterations);
            }
            java.util.Objects.requireNonNull(input, "input");
        }

        /**
         * A configuration training on the {@link Signal#RATING} values.
         *
         * @param userDamping regularisation of the user biases, at least 0
         * @param itemDamping regularisation of the item biases, at least 0
         * @param iterations  rounds of alternating least squares, at least 1
         */
        public Config(double userDamping, double itemDamping, int iterations) {
            this(userDamping, itemDamping, iterations, TrainingInput.of(Signal.RATING));
        }

        /**
         * This configuration training on another input.
         *
         * @param input the training input
         * @return the configuration
         */
        public Config withInput(TrainingInput input) {
            return new Config(userDamping, itemDamping, iterations, input);
        }

        /**
         * User damping 5, item damping 3, 10 iterations. Damping counts as pseudo-ratings, so it does
         * not depend on the value scale. On MovieLens latest-small (protocol A, 5-fold) this gives
         * RMSE 0.8725; the peer harness's 10 / 25 with one pass gives 0.8917 (reproduced by
         * {@code new Config(10, 25, 1)}), 10 / 25 with 10 passes 0.8928.
         */
        public static Config defaults() {
            return new Config(5, 3, 10);
        }

        @Override
        public String name() {
            return "baseline";
        }

        /**
         * Fits the biases.
         *
         * @throws IllegalArgumentException if the training data is empty
         */


        /**
         * Fits the biases on interactions aggregated by the caller.
         *
         * @param training the training interactions
         * @param listener receives one progress report per iteration
         * @return the model
         * @throws IllegalArgumentException if the training data is empty
         */
        @Override
        public Baseline fit(Interactions training, TrainingListener listener) {
            Algorithm.checkFitArguments(training, listener);
            long start = System.nanoTime();
            int users = training.userCount();
            int items = training.itemCount();
            double mean = training.meanValue();
            double[] userBias = new double[users];
            double[] itemBias = new double[items];
            for (int iteration = 1; iteration <= iterations; iteration++) {
                for (int i = 0; i < items; i++) {
                    double sum = 0;
                    for (int c = training.itemStart(i); c < training.itemEnd(i); c++) {
                        sum += training.value(training.entryAtItemPosition(c)) - mean
                                - userBias[training.userAtItemPosition(c)];
                    }
                    itemBias[i] = training.itemDegree(i) == 0 ? 0 : sum / (itemDamping + training.itemDegree(i));
                }
                double squaredErrors = 0;
                for (int u = 0; u < users; u++) {
                    double sum = 0;
                    for (int p = training.userStart(u); p < training.userEnd(u); p++) {
                        sum += training.value(p) - mean - itemBias[training.itemAt(p)];
                    }
                    userBias[u] = training.userDegree(u) == 0 ? 0 : sum / (userDamping + training.userDegree(u));
                    for (int p = training.userStart(u); p < training.userEnd(u); p++) {
                        double error = training.value(p) - mean - userBias[u] - itemBias[training.itemAt(p)];
                        squaredErrors += error * error;
                    }
                }
                double loss = squaredErrors / training.size();
                Duration elapsed = Duration.ofNanos(System.nanoTime() - start);
                LOG.debug("baseline iteration {}/{}: training MSE {}", iteration, iterations, loss);
                listener.onEpoch(new EpochProgress("baseline", iteration, iterations, loss, elapsed, Map.of()));
            }
            return new Baseline(SeenItems.of(training), this, mean, training.minValue(), training.maxValue(),
                    userBias, itemBias);
        }
    }
}
