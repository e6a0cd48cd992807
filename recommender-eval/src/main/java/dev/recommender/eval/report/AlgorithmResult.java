package dev.recommender.eval.report;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.function.ToDoubleFunction;

/**
 * One algorithm's results over all folds: one report row.
 *
 * @param algorithm the algorithm's label
 * @param folds     the per-fold results, in fold order, at least one
 */
public record AlgorithmResult(String algorithm, List<FoldResult> folds) {
    /**
     * Validates and copies the fields.
     *
     * @throws IllegalArgumentException if there is no fold
     */
    public AlgorithmResult {
        Objects.requireNonNull(algorithm, "algorithm");
        folds = List.copyOf(folds);
        if (folds.isEmpty()) {
            throw new IllegalArgumentException("folds must not be empty for algorithm " + algorithm);
        }
    }

    /** The metric names of the folds, in report order. */
    public List<String> metricNames() {
        Set<String> names = new LinkedHashSet<>();
        for (FoldResult fold : folds) {
            names.addAll(fold.metrics().keySet());
        }
        return List.copyOf(names);
    }

    /**
     * Mean and standard deviation of a metric across folds.
     *
     * @param metric the metric name, e.g. {@code "rmse"}
     * @return the summary (count 0 if the metric is undefined on every fold)
     */
    public Summary summary(String metric) {
        return summarise(fold -> fold.metric(metric));
    }

    /** Fit wall time across folds, in seconds. */
    public Summary fitSeconds() {
        return summarise(FoldResult::fitSeconds);
    }

    /** Prediction wall time across the folds where predictions were made, in seconds. */
    public Summary predictSeconds() {
        return summarise(FoldResult::predictSeconds);
    }

    /** Recommendation wall time across the folds where lists were made, in seconds. */
    public Summary recommendSeconds() {
        return summarise(FoldResult::recommendSeconds);
    }

    /** Test pairs over all folds. */
    public long totalTestPairs() {
        return folds.stream().mapToLong(FoldResult::testPairs).sum();
    }

    /** Test pairs with a user or item unknown to training, over all folds (protocol A counts these). */
    public long totalUnknownPairs() {
        return folds.stream().mapToLong(FoldResult::unknownPairs).sum();
    }

    /** Non-finite model predictions over all folds. */
    public long totalNonFinitePredictions() {
        return folds.stream().mapToLong(FoldResult::nonFinitePredictions).sum();
    }

    /** Evaluated users over all folds. */
    public long totalUsersEvaluated() {
        return folds.stream().mapToLong(FoldResult::usersEvaluated).sum();
    }

    /** Skipped users (no test pairs) over all folds. */
    public long totalUsersSkipped() {
        return folds.stream().mapToLong(FoldResult::usersSkipped).sum();
    }

    /** Evaluated users absent from training over all folds. */
    public long totalColdUsers() {
        return folds.stream().mapToLong(FoldResult::coldUsers).sum();
    }

    private Summary summarise(ToDoubleFunction<FoldResult> value) {
        List<Double> values = new ArrayList<>(folds.size());
        for (FoldResult fold : folds) {
            values.add(value.applyAsDouble(fold));
        }
        return Summary.of(values.stream().mapToDouble(Double::doubleValue).toArray());
    }
}
