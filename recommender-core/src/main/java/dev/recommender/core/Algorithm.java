package dev.recommender.core;

import dev.recommender.core.data.Interactions;

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

    /** Fits a model without progress reporting. */
    default M fit(Interactions training) {
        return fit(training, TrainingListener.NONE);
    }
}
