package dev.recommender.eval;

import dev.recommender.eval.report.AlgorithmResult;
import dev.recommender.eval.report.Summary;

import java.util.Objects;

/**
 * One grid point's cross-validated results.
 *
 * @param point     the parameters
 * @param result    all metrics over all folds
 * @param objective the objective metric's summary across folds
 */
public record GridRow(ParameterPoint point, AlgorithmResult result, Summary objective) {
    /** Validates the fields. */
    public GridRow {
        Objects.requireNonNull(point, "point");
        Objects.requireNonNull(result, "result");
        Objects.requireNonNull(objective, "objective");
    }
}
