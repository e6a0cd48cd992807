package dev.recommender.eval;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * What the {@link Evaluator} measures and how.
 *
 * @param ratingMetrics   whether to compute RMSE and MAE (for models that implement
 *                        {@link dev.recommender.core.ItemScorer}; {@code NaN} for others)
 * @param rankingMetrics  whether to compute ranking metrics (for every model)
 * @param cutoffs         the cutoffs k of Precision, Recall, NDCG (binary and graded), MAP, MRR,
 *                        HitRate, coverage and novelty; distinct, ascending, each at least 1
 * @param accuracyCutoffs the cutoffs of the seed's top-K categorical accuracy; distinct,
 *                        ascending, each at least 1; may be empty
 * @param clip            the range rating predictions are clipped to; empty means the training
 *                        values' range of each fold
 * @param threads         worker threads for scoring users, at least 1 (results do not depend on it)
 * @param relevantAbove   a test pair is relevant to the ranking metrics when it is new to the user (no
 *                        training event) and its test value is above this; {@code -Infinity} (the
 *                        default) makes every new pair relevant, {@code 0} with engagement rates makes
 *                        the engaged ones relevant (the seed's "new engaged pairs")
 * @param unknownPairs    how rating metrics predict a test pair whose user or item has no training
 *                        data
 */
public record EvaluationOptions(boolean ratingMetrics, boolean rankingMetrics, List<Integer> cutoffs,
                                List<Integer> accuracyCutoffs, Optional<ValueRange> clip, int threads,
                                double relevantAbove, UnknownPairs unknownPairs) {
    /** How rating metrics predict pairs of users or items without training data. */
    public enum UnknownPairs {
        /** Predict the training mean and count the pair (the peer protocols: Taste, LibRec). */
        GLOBAL_MEAN,
        /**
         * Ask the model, which answers with its documented fallback (the seed notebook's RMSE of the
         * engagement rate asked every model for every test pair).
         */
        MODEL
    }

    /** The per-cutoff ranking metrics, in report order. */
    static final List<String> RANKING_METRICS = List.of("precision", "recall", "ndcg", "ndcg_graded", "map", "mrr",
            "hit_rate", "coverage", "novelty");

    /**
     * Validates and copies the fields.
     *
     * @throws IllegalArgumentException if no metric is enabled, a cutoff list is not ascending
     *                                  and positive, ranking metrics have no cutoff, or {@code threads < 1}
     */
    public EvaluationOptions {
        cutoffs = List.copyOf(cutoffs);
        accuracyCutoffs = List.copyOf(accuracyCutoffs);
        Objects.requireNonNull(clip, "clip");
        if (!ratingMetrics && !rankingMetrics) {
            throw new IllegalArgumentException("at least one of ratingMetrics and rankingMetrics must be enabled");
        }
        checkAscending("cutoffs", cutoffs);
        checkAscending("accuracyCutoffs", accuracyCutoffs);
        if (rankingMetrics && cutoffs.isEmpty()) {
            throw new IllegalArgumentException("cutoffs must not be empty when ranking metrics are enabled");
        }
        if (threads < 1) {
            throw new IllegalArgumentException("threads must be at least 1, got " + threads);
        }
        if (Double.isNaN(relevantAbove) || relevantAbove == Double.POSITIVE_INFINITY) {
            throw new IllegalArgumentException("relevantAbove must be a number below +Infinity, got " + relevantAbove);
        }
        Objects.requireNonNull(unknownPairs, "unknownPairs");
    }

    /**
     * Rating and ranking metrics, cutoff 10, top-K accuracy at 1, 5, 10, 50 and 100 (as the seed
     * reported), clipping to the training range, one thread per available processor.
     *
     * @return the defaults
     */
    public static EvaluationOptions defaults() {
        return builder().build();
    }

    /**
     * A builder starting from {@link #defaults()}.
     *
     * @return the builder
     */
    public static Builder builder() {
        return new Builder();
    }

    /**
     * The names of the metrics these options produce, in report order: {@code rmse}, {@code mae};
     * then per cutoff k {@code precision@k}, {@code recall@k}, {@code ndcg@k}, {@code ndcg_graded@k},
     * {@code map@k}, {@code mrr@k}, {@code hit_rate@k}, {@code coverage@k}, {@code novelty@k}; then
     * {@code top_k_accuracy@k} per accuracy cutoff.
     *
     * @return the metric names
     */
    public List<String> metricNames() {
        List<String> names = new ArrayList<>();
        if (ratingMetrics) {
            names.add("rmse");
            names.add("mae");
        }
        if (rankingMetrics) {
            for (int k : cutoffs) {
                for (String metric : RANKING_METRICS) {
                    names.add(metric + "@" + k);
                }
            }
            for (int k : accuracyCutoffs) {
                names.add("top_k_accuracy@" + k);
            }
        }
        return List.copyOf(names);
    }

    /** The longest list the ranking metrics need: the largest cutoff of either list. */
    public int maxCutoff() {
        int max = 0;
        for (int k : cutoffs) {
            max = Math.max(max, k);
        }
        for (int k : accuracyCutoffs) {
            max = Math.max(max, k);
        }
        return max;
    }

    private static void checkAscending(String name, List<Integer> values) {
        int previous = 0;
        for (int value : values) {
            if (value <= previous) {
                throw new IllegalArgumentException(name + " must be distinct, ascending and at least 1, got " + values);
            }
            previous = value;
        }
    }

    /** Builder for {@link EvaluationOptions}; not thread-safe. */
    public static final class Builder {
        private boolean ratingMetrics = true;
        private boolean rankingMetrics = true;
        private List<Integer> cutoffs = List.of(10);
        private List<Integer> accuracyCutoffs = List.of(1, 5, 10, 50, 100);
        private Optional<ValueRange> clip = Optional.empty();
        private int threads = Runtime.getRuntime().availableProcessors();
        private double relevantAbove = Double.NEGATIVE_INFINITY;
        private UnknownPairs unknownPairs = UnknownPairs.GLOBAL_MEAN;

        private Builder() {
        }

        /**
         * Whether to compute RMSE and MAE (default true).
         *
         * @param enabled true to compute them
         * @return this builder
         */
        public Builder ratingMetrics(boolean enabled) {
            this.ratingMetrics = enabled;
            return this;
        }

        /**
         * Whether to compute ranking metrics (default true).
         *
         * @param enabled true to compute them
         * @return this builder
         */
        public Builder rankingMetrics(boolean enabled) {
            this.rankingMetrics = enabled;
            return this;
        }

        /**
         * The ranking cutoffs (default 10).
         *
         * @param cutoffs distinct ascending cutoffs, each at least 1
         * @return this builder
         */
        public Builder cutoffs(int... cutoffs) {
            this.cutoffs = toList(cutoffs);
            return this;
        }

        /**
         * The top-K categorical accuracy cutoffs (default 1, 5, 10, 50, 100); none to skip it.
         *
         * @param cutoffs distinct ascending cutoffs, each at least 1
         * @return this builder
         */
        public Builder accuracyCutoffs(int... cutoffs) {
            this.accuracyCutoffs = toList(cutoffs);
            return this;
        }

        /**
         * Clips rating predictions to a fixed range instead of the training range.
         *
         * @param min the smallest prediction
         * @param max the largest prediction
         * @return this builder
         * @throws IllegalArgumentException if the range is invalid
         */
        public Builder clip(double min, double max) {
            this.clip = Optional.of(new ValueRange(min, max));
            return this;
        }

        /**
         * Worker threads (default: available processors).
         *
         * @param threads at least 1
         * @return this builder
         */
        public Builder threads(int threads) {
            this.threads = threads;
            return this;
        }

        /**
         * Which new test pairs are relevant: those with a test value above {@code threshold}
         * (default {@code -Infinity}: every new pair).
         *
         * @param threshold the value a relevant pair must exceed
         * @return this builder
         */
        public Builder relevantAbove(double threshold) {
            this.relevantAbove = threshold;
            return this;
        }

        /**
         * How rating metrics predict pairs without training data (default
         * {@link UnknownPairs#GLOBAL_MEAN}).
         *
         * @param unknownPairs the rule
         * @return this builder
         */
        public Builder unknownPairs(UnknownPairs unknownPairs) {
            this.unknownPairs = Objects.requireNonNull(unknownPairs, "unknownPairs");
            return this;
        }

        /**
         * Returns the options.
         *
         * @return the validated options
         * @throws IllegalArgumentException if a value is invalid
         */
        public EvaluationOptions build() {
            return new EvaluationOptions(ratingMetrics, rankingMetrics, cutoffs, accuracyCutoffs, clip, threads,
                    relevantAbove, unknownPairs);
        }

        private static List<Integer> toList(int[] values) {
            List<Integer> list = new ArrayList<>(values.length);
            for (int v : values) {
                list.add(v);
            }
            return list;
        }
    }
}
