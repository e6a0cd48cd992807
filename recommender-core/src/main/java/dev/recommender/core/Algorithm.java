package dev.recommender.core;

import dev.recommender.core.data.Interactions;

import java.util.Objects;

/**
 * A learning algorithm with its configuration: a factory from training interactions to a fitted
 * model, which an evaluator can call once per fold (Taste's {@code RecommenderBuilder}).
 * Implementations are immutable configuration records; fitting is deterministic given the
 * configuration's seed and thread count.
 *
 * @param <M> the model type
 */
public interface Algorithm<M extends Recommender> {
    /** A short name for reports, e.g. {@code "svd"}. */
    String name();

    /**
     * Fits a model, reporting progress to a listener.
     *
     * @param training the training interactions
     * @param listener receives per-epoch progress; use {@link TrainingListener#NONE} for none
     * @return the fitted, immutable model
     * @throws IllegalArgumentException if the training data is empty or unusable
     */
    M fit(Interactions training, TrainingListener listener);

    /**
     * Checks the arguments of {@link #fit(Interactions, TrainingListener)} as every implementation must, so
     * that all algorithms refuse bad input with the same messages. O(1); stateless.
     *
     * @param training the training interactions, non-null and non-empty
     * @param listener the progress listener, non-null
     * @throws NullPointerException     naming the null argument
     * @throws IllegalArgumentException if {@code training} holds no interactions
     */
    static void checkFitArguments(Interactions training, TrainingListener listener) {
        Objects.requireNonNull(training, "training");
        Objects.requireNonNull(listener, "listener");
        if (training.size() == 0) {
            throw new IllegalArgumentException("training interactions are empty");
        }
    }

    /** Fits a model without progress reporting. */
    default M fit(Interactions training) {
        return fit(training, TrainingListener.NONE);
    }
}
