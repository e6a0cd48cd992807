package dev.recommender.core.ranking;

import dev.recommender.core.Algorithm;
import dev.recommender.core.Recommender;
import dev.recommender.core.TrainingListener;
import dev.recommender.core.data.Aggregation;
import dev.recommender.core.data.EventLog;

import java.util.Objects;

/**
 * An {@link Algorithm} together with the {@link Aggregation} that turns events into its training
 * interactions, usable wherever an {@link EventAlgorithm} is expected: for example Svd on engagement
 * rates, or a retrieval model on implicit confidences. Immutable when its parts are.
 *
 * @param aggregation turns events into interactions
 * @param algorithm   fits a model on them
 * @param <M>         the model type
 */
public record ModelStage<M extends Recommender>(Aggregation aggregation, Algorithm<M> algorithm)
        implements EventAlgorithm<M> {
    /** Validates the fields. */
    public ModelStage {
        Objects.requireNonNull(aggregation, "aggregation");
        Objects.requireNonNull(algorithm, "algorithm");
    }

    @Override
    public String name() {
        return algorithm.name();
    }

    @Override
    public M fit(EventLog training, TrainingListener listener) {
        return algorithm.fit(aggregation.aggregate(training), listener);
    }
}
