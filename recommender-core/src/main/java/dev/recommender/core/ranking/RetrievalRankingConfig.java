package dev.recommender.core.ranking;

import java.util.Objects;

/**
 * Configuration of a {@link RetrievalRanking} fit (see {@link RetrievalRankingAlgorithm}).
 *
 * @param candidates    candidates retrieved per request before ranking, at least 1 (default {@link #DEFAULT_CANDIDATES})
 * @param labelFraction share of the training log's time span, at its end, whose events give the
 *                      ranking labels; features come from the events before it; in (0, 1) (default 0.2)
 * @param target        what orders the lists (default {@link RankingTarget#ENGAGEMENT_RATE})
 * @param negatives     for {@link RankingTarget#ENGAGED}: of each label-window user's retrieved candidates
 *                      that the user did not engage with in the window, how many are drawn as the
 *                      ordering model's negatives; at least 0 (default 50)
 * @param features      how events become features (default {@link FeatureConfig#defaults()})
 * @param ranking       the ranking trees' hyper-parameters and seed (default {@link RankingConfig#defaults()})
 */
public record RetrievalRankingConfig(int candidates, double labelFraction, RankingTarget target, int negatives,
                                     FeatureConfig features, RankingConfig ranking) {
    /**
     * The default candidate count, chosen by measurement (quality on validation splits of the sample
     * and MovieLens against request latency; docs/models.md); the CLI uses the same default.
     */
    public static final int DEFAULT_CANDIDATES = 50;

    /**
     * Validates the fields.
     *
     * @throws IllegalArgumentException naming the field and its value if a field is out of range
     */
    public RetrievalRankingConfig {
        if (candidates < 1) {
            throw new IllegalArgumentException("candidates must be at least 1, got " + candidates);
        }
        if (!(labelFraction > 0 && labelFraction < 1)) {
            throw new IllegalArgumentException("labelFraction must be in (0, 1), got " + labelFraction);
        }
        Objects.requireNonNull(target, "target");
        if (negatives < 0) {
            throw new IllegalArgumentException("negatives must be at least 0, got " + negatives);
        }
        Objects.requireNonNull(features, "features");
        Objects.requireNonNull(ranking, "ranking");
    }

    /**
     * {@link #DEFAULT_CANDIDATES} candidates, the last 20% of the time span as labels, ordered by engagement rate, 50
     * negatives per user (used by {@link RankingTarget#ENGAGED}), default features and trees. For lists of new
     * items, set {@link RankingTarget#ENGAGED} (what the CLI's {@code retrieval-ranking} and {@code evaluate} fit):
     * it orders by the predicted chance of a new engagement and ranked the measured logs' test periods better
     * (docs/models.md); the engagement-rate target is the proof of concept's.
     */
    public static RetrievalRankingConfig defaults() {
        return new RetrievalRankingConfig(DEFAULT_CANDIDATES, 0.2, RankingTarget.ENGAGEMENT_RATE, 50, FeatureConfig.defaults(),
                RankingConfig.defaults());
    }

    /** Returns a builder starting from {@link #defaults()}. */
    public static Builder builder() {
        return new Builder();
    }

    /** Builder for {@link RetrievalRankingConfig}; validation happens in {@link #build()}. Not thread-safe. */
    public static final class Builder {
        private int candidates = DEFAULT_CANDIDATES;
        private double labelFraction = 0.2;
        private RankingTarget target = RankingTarget.ENGAGEMENT_RATE;
        private int negatives = 50;
        private FeatureConfig features = FeatureConfig.defaults();
        private RankingConfig ranking = RankingConfig.defaults();

        private Builder() {
        }

        /** Sets {@link RetrievalRankingConfig#candidates()}. */
        public Builder candidates(int value) {
            candidates = value;
            return this;
        }

        /** Sets {@link RetrievalRankingConfig#labelFraction()}. */
        public Builder labelFraction(double value) {
            labelFraction = value;
            return this;
        }

        /** Sets {@link RetrievalRankingConfig#target()}. */
        public Builder target(RankingTarget value) {
            target = value;
            return this;
        }

        /** Sets {@link RetrievalRankingConfig#negatives()}. */
        public Builder negatives(int value) {
            negatives = value;
            return this;
        }

        /** Sets {@link RetrievalRankingConfig#features()}. */
        public Builder features(FeatureConfig value) {
            features = value;
            return this;
        }

        /** Sets {@link RetrievalRankingConfig#ranking()}. */
        public Builder ranking(RankingConfig value) {
            ranking = value;
            return this;
        }

        /**
         * Returns the validated configuration.
         *
         * @throws IllegalArgumentException if a field is out of range
         */
        public RetrievalRankingConfig build() {
            return new RetrievalRankingConfig(candidates, labelFraction, target, negatives, features, ranking);
        }
    }
}
