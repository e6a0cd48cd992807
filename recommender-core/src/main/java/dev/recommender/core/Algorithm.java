package dev.recommender.core;

import dev.recommender.core.data.Interactions;

import java.util.Objects;

/**
 * A learning algorithm with its configuration: a factory from {@link TrainingData} to a fitted
 * model, which an evaluator can call once per fold (Taste's {@code RecommenderBuilder}).
 * Implementations are immutable configuration records; fitting is deterministic given the
 * configuration's seed and thread count.
 *
 * <p>Every model's configuration says what it trains on (a {@link TrainingInput}: a signal the
 * data resolves, {@link dev.recommender.core.data.Signal#RATING} or
 * {@link dev.recommender.core.data.Signal#IMPLICIT}, or a fixed aggregation) and fits from
 * {@code input.resolve(data)}; a composite model (the two-stage model) gives the same
 * {@code TrainingData} to its parts, so each aggregation is computed once.
 * Each model also has a static {@code fit(Interactions, Config)} for callers who aggregated themselves.
 *
 * @param <M> the model type
 */
public interface Algorithm<M extends Recommender> {
    /** A short name for reports, e.g. {@code "svd"}. */
    String name();

    /**
     * Fits a model, reporting progress to a listener.
     *
     * @param training the training data
     * @param listener receives per-epoch progress; use {@link TrainingListener#NONE} for none
     * @return the fitted, immutable model
     * @throws IllegalArgumentException if the training data is empty or unusable
     */
    M fit(TrainingData training, TrainingListener listener);

    /** Fits a model without progress reporting. */
    default M fit(TrainingData training) {
        return fit(training, TrainingListener.NONE);
    }

    /**
     * Checks the arguments of a fit as every implementation must, so that all algorithms refuse bad
     * input with the same messages. O(1); stateless.
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
}
