package dev.recommender.core;

/**
 * Marks an {@link Algorithm} whose fitted models' scores predict the training value even though the
 * model class does not implement {@link PointPredictor}; for example explicit ALS fitted on ratings
 * that returns the same model class as implicit ALS. Evaluation reports give such models rating metrics.
 */
public interface PredictsValues {
    /**
     * Whether this configuration's models predict values (an algorithm that can be configured either way,
     * e.g. explicit or implicit ALS, answers per configuration).
     *
     * @return true by default
     */
    default boolean predictsValues() {
        return true;
    }
}
