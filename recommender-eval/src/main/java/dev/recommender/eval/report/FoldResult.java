package dev.recommender.eval.report;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/**
 * The result of one algorithm on one split.
 *
 * @param algorithm            the algorithm's label
 * @param fold                 0-based fold (split) number
 * @param metrics              metric name to value, in report order; {@code NaN} where undefined
 * @param fitSeconds           wall time of {@code Algorithm.fit}
 * @param predictSeconds       wall time of the rating predictions ({@code NaN} if none were made)
 * @param recommendSeconds     wall time of the recommendation lists ({@code NaN} without ranking metrics)
 * @param testPairs            held-out (user, item) pairs
 * @param unknownPairs         test pairs whose user or item is absent from training, predicted as
 *                             the training global mean (rating metrics only)
 * @param nonFinitePredictions test pairs the model scored {@code NaN} or infinite, predicted as
 *                             the training global mean (rating metrics only)
 * @param usersEvaluated       users with test pairs that got a recommendation list
 * @param usersSkipped         training users without test pairs (not evaluated)
 * @param coldUsers            evaluated users absent from training (they get the model's fallback)
 */
public record FoldResult(String algorithm, int fold, Map<String, Double> metrics, double fitSeconds,
                         double predictSeconds, double recommendSeconds, int testPairs, int unknownPairs,
                         int nonFinitePredictions, int usersEvaluated, int usersSkipped, int coldUsers) {
    /**
     * Validates and copies the fields, keeping the metric order.
     *
     * @throws IllegalArgumentException if a count or the fold is negative
     */
    public FoldResult {
        Objects.requireNonNull(algorithm, "algorithm");
        metrics = Collections.unmodifiableMap(new LinkedHashMap<>(metrics));
        if (fold < 0 || testPairs < 0 || unknownPairs < 0 || nonFinitePredictions < 0 || usersEvaluated < 0
                || usersSkipped < 0 || coldUsers < 0) {
            throw new IllegalArgumentException("fold and counts must be at least 0, got fold " + fold
                    + ", testPairs " + testPairs + ", unknownPairs " + unknownPairs + ", nonFinitePredictions "
                    + nonFinitePredictions + ", usersEvaluated " + usersEvaluated + ", usersSkipped " + usersSkipped
                    + ", coldUsers " + coldUsers);
        }
    }

    /**
     * The value of a metric.
     *
     * @param name the metric name, e.g. {@code "ndcg@10"}
     * @return the value, {@code NaN} if the metric is undefined or was not computed
     */
    public double metric(String name) {
        Double value = metrics.get(name);
        return value == null ? Double.NaN : value;
    }
}
