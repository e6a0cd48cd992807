package dev.recommender.core;

import dev.recommender.core.data.Interactions;

/**
 * An {@link Algorithm} that trains on one interactions matrix: the one its configuration's
 * {@link #input()} names (a signal of the data, or a fixed aggregation). Every single-matrix model
 * of the library and the Mahout Taste peers are one; a composite such as the two-stage model is not.
 * Callers who aggregated themselves fit on {@link Interactions} directly.
 *
 * @param <M> the model type
 */
public interface InteractionsAlgorithm<M extends Recommender> extends Algorithm<M> {
    /** What the algorithm trains on. */
    TrainingInput input();

    /**
     * Fits a model on interactions aggregated by the caller.
     *
     * @param training the training interactions
     * @param listener receives per-epoch progress; use {@link TrainingListener#NONE} for none
     * @return the fitted, immutable model
     * @throws IllegalArgumentException if the training data is empty or unusable
     */
    M fit(Interactions training, TrainingListener listener);

    /**
     * Fits a model on interactions aggregated by the caller, without progress reporting.
     *
     * @param training the training interactions
     * @return the fitted, immutable model
     */
    default M fit(Interactions training) {
        return fit(training, TrainingListener.NONE);
    }

    /** Fits on {@code input().resolve(training)}: the data computes that aggregation at most once. */
    @Override
    default M fit(TrainingData training, TrainingListener listener) {
        return fit(input().resolve(java.util.Objects.requireNonNull(training, "training")), listener);
    }
}
