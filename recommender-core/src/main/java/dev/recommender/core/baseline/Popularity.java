package dev.recommender.core.baseline;

import dev.recommender.core.Algorithm;
import dev.recommender.core.InteractionsAlgorithm;
import dev.recommender.core.DenseScoringRecommender;
import dev.recommender.core.SeenItems;
import dev.recommender.core.TrainingData;
import dev.recommender.core.TrainingInput;
import dev.recommender.core.TrainingListener;
import dev.recommender.core.data.Signal;
import dev.recommender.core.data.Interactions;

import java.util.Objects;

/**
 * The most-popular recommender: ranks items by their number of distinct training users (the
 * item's degree in the training interactions, whatever the values), ties by catalog order. Every
 * user gets the same ranking minus their own training items; an unknown user gets the same list
 * flagged as the fallback. The usual floor every personalised model must beat.
 *
 * <p>Fitting is O(pairs); recommending O(items · log howMany). Memory: the {@link SeenItems}.
 * Immutable and thread-safe.
 */
public final class Popularity extends DenseScoringRecommender {
    Popularity(SeenItems seen) {
        super(seen);
    }

    @Override
    public String name() {
        return "popularity";
    }

    /** Number of training users of an item, 0 for an unknown item. */
    public int userCount(String itemId) {
        var item = items().find(Objects.requireNonNull(itemId, "itemId"));
        return item.isEmpty() ? 0 : seenItems().itemUserCount(item.getAsInt());
    }

    @Override
    protected void scoreAll(int userIndex, float[] scores) {
        SeenItems seen = seenItems();
        for (int item = 0; item < scores.length; item++) {
            scores[item] = seen.itemUserCount(item);
        }
    }

    @Override
    public String toString() {
        return "Popularity[items=" + items().size() + "]";
    }

    /**
     * Fits a model on interactions aggregated by the caller.
     *
     * @param training the training interactions
     * @param config   the configuration
     * @return the fitted model
     * @throws IllegalArgumentException if the training data is empty
     */
    public static Popularity fit(Interactions training, Config config) {
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
    public static Popularity fit(TrainingData data, Config config) {
        return config.fit(data, TrainingListener.NONE);
    }

    /**
     * The popularity algorithm; it has no parameters and nothing random.
     */
    public record Config(TrainingInput input) implements InteractionsAlgorithm<Popularity> {
        /** Validates the field. */
        public Config {
            java.util.Objects.requireNonNull(input, "input");
        }

        /** The only configuration: counts the users of each item's {@link Signal#IMPLICIT} pairs. */
        public static Config defaults() {
            return new Config(TrainingInput.of(Signal.IMPLICIT));
        }

        /**
         * This configuration training on another input.
         *
         * @param input what to count users in
         * @return the configuration
         */
        public Config withInput(TrainingInput input) {
            return new Config(input);
        }

        @Override
        public String name() {
            return "popularity";
        }

        /**
         * Counts the training users per item.
         *
         * @throws IllegalArgumentException if the training data is empty
         */
        @Override
        public Popularity fit(Interactions training, TrainingListener listener) {
            Algorithm.checkFitArguments(training, listener);
            return new Popularity(SeenItems.of(training));
        }


    }
}
