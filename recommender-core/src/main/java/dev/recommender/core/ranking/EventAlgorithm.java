package dev.recommender.core.ranking;

import dev.recommender.core.Recommender;
import dev.recommender.core.TrainingListener;
import dev.recommender.core.data.EventLog;

/**
 * A factory from a training event log to a fitted model. Unlike {@link dev.recommender.core.Algorithm},
 * which sees aggregated interactions, it sees every event with its time, which a model trained on a
 * time-earlier slice (such as {@link RetrievalRanking}) needs; {@link ModelStage} adapts any
 * aggregation plus algorithm to it. Implementations are immutable and deterministic given their seeds.
 *
 * @param <M> the model type
 */
public interface EventAlgorithm<M extends Recommender> {
    /** A short name for reports, e.g. {@code "svd"}. */
    String name();

    /**
     * Fits a model on the events.
     *
     * @param training the training events
     * @param listener receives per-epoch progress
     * @return the fitted, immutable model
     * @throws IllegalArgumentException if the events cannot train the model
     */
    M fit(EventLog training, TrainingListener listener);
}
