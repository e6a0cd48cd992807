package dev.recommender.core.ranking;

/**
 * Hyper-parameters of the {@link RankingModel}'s gradient-boosted regression trees (Friedman,
 * "Greedy function approximation: a gradient boosting machine", 2001; Smile 2.6's
 * {@code GradientTreeBoost} with least-squares loss).
 *
 * @param trees              number of boosting stages, at least 1 (default {@value #DEFAULT_TREES})
 * @param maxDepth           maximum depth of each tree, at least 2 (default 6)
 * @param maxNodes           maximum leaves of each tree, at least 2 (default 16)
 * @param nodeSize           minimum examples in a leaf, at least 1 (default 20)
 * @param shrinkage          learning rate, in (0, 1] (default 0.05)
 * @param subsample          share of examples drawn for each tree, in (0, 1] (default 0.7); values below
 *                           1 use Smile's per-thread random stream, which the model seeds under a lock
 * @param validationFraction share of examples held out to choose the number of trees, in [0, 0.5)
 *                           (default 0.1; 0 keeps all trees)
 * @param seed               random seed of subsampling, the validation hold-out and the example cap (default 42)
 * @param maxExamples        most examples the trees are fitted on, at least 2 (default
 *                           {@value #DEFAULT_MAX_EXAMPLES}); larger example sets are cut to a seeded random
 *                           sample of this size, because tree growth grows with the rows while the trees'
 *                           accuracy stops improving long before (docs/models.md)
 */
public record RankingConfig(int trees, int maxDepth, int maxNodes, int nodeSize, double shrinkage, double subsample,
                            double validationFraction, long seed, int maxExamples) {
    /**
     * Default of {@link #trees()}: every fit measured on the sample's validation period and on two larger generated
     * logs kept 44-83 trees by the validation hold-out's rule, so growing more only locates a minimum the kept
     * ensemble is within 0.1% of; 100 instead of 150 left the validation period's lists and rates as they were
     * and shortened the fit (docs/models.md).
     */
    public static final int DEFAULT_TREES = 100;
    /** Default of {@link #maxExamples()}. */
    public static final int DEFAULT_MAX_EXAMPLES = 100_000;

    /**
     * Validates the fields.
     *
     * @throws IllegalArgumentException naming the field and its value if a field is out of range
     */
    public RankingConfig {
        if (trees < 1) {
            throw new IllegalArgumentException("trees must be at least 1, got " + trees);
        }
        if (maxDepth < 2) {
            throw new IllegalArgumentException("maxDepth must be at least 2, got " + maxDepth);
        }
        if (maxNodes < 2) {
            throw new IllegalArgumentException("maxNodes must be at least 2, got " + maxNodes);
        }
        if (nodeSize < 1) {
            throw new IllegalArgumentException("nodeSize must be at least 1, got " + nodeSize);
        }
        if (!(shrinkage > 0 && shrinkage <= 1)) {
            throw new IllegalArgumentException("shrinkage must be in (0, 1], got " + shrinkage);
        }
        if (!(subsample > 0 && subsample <= 1)) {
            throw new IllegalArgumentException("subsample must be in (0, 1], got " + subsample);
        }
        if (!(validationFraction >= 0 && validationFraction < 0.5)) {
            throw new IllegalArgumentException("validationFraction must be in [0, 0.5), got " + validationFraction);
        }
        if (maxExamples < 2) {
            throw new IllegalArgumentException("maxExamples must be at least 2, got " + maxExamples);
        }
    }

    /**
     * The defaults: 100 trees, depth 6, 16 leaves, leaves of at least 20, shrinkage 0.05, subsample 0.7,
     * validation 0.1, seed 42, at most {@value #DEFAULT_MAX_EXAMPLES} examples.
     */
    public static RankingConfig defaults() {
        return new RankingConfig(DEFAULT_TREES, 6, 16, 20, 0.05, 0.7, 0.1, 42L, DEFAULT_MAX_EXAMPLES);
    }

    /** Returns a builder starting from {@link #defaults()}. */
    public static Builder builder() {
        return new Builder(defaults());
    }

    /** Builder for {@link RankingConfig}; validation happens in {@link #build()}. Not thread-safe. */
    public static final class Builder {
        private int trees;
        private int maxDepth;
        private int maxNodes;
        private int nodeSize;
        private double shrinkage;
        private double subsample;
        private double validationFraction;
        private long seed;
        private int maxExamples;

        private Builder(RankingConfig start) {
            trees = start.trees;
            maxDepth = start.maxDepth;
            maxNodes = start.maxNodes;
            nodeSize = start.nodeSize;
            shrinkage = start.shrinkage;
            subsample = start.subsample;
            validationFraction = start.validationFraction;
            seed = start.seed;
            maxExamples = start.maxExamples;
        }

        /** Sets {@link RankingConfig#trees()}. */
        public Builder trees(int value) {
            trees = value;
            return this;
        }

        /** Sets {@link RankingConfig#maxDepth()}. */
        public Builder maxDepth(int value) {
            maxDepth = value;
            return this;
        }

        /** Sets {@link RankingConfig#maxNodes()}. */
        public Builder maxNodes(int value) {
            maxNodes = value;
            return this;
        }

        /** Sets {@link RankingConfig#nodeSize()}. */
        public Builder nodeSize(int value) {
            nodeSize = value;
            return this;
        }

        /** Sets {@link RankingConfig#shrinkage()}. */
        public Builder shrinkage(double value) {
            shrinkage = value;
            return this;
        }

        /** Sets {@link RankingConfig#subsample()}. */
        public Builder subsample(double value) {
            subsample = value;
            return this;
        }

        /** Sets {@link RankingConfig#validationFraction()}. */
        public Builder validationFraction(double value) {
            validationFraction = value;
            return this;
        }

        /** Sets {@link RankingConfig#maxExamples()}. */
        public Builder maxExamples(int value) {
            maxExamples = value;
            return this;
        }

        /** Sets {@link RankingConfig#seed()}. */
        public Builder seed(long value) {
            seed = value;
            return this;
        }

        /**
         * Returns the validated configuration.
         *
         * @throws IllegalArgumentException if a field is out of range
         */
        public RankingConfig build() {
            return new RankingConfig(trees, maxDepth, maxNodes, nodeSize, shrinkage, subsample, validationFraction, seed,
                    maxExamples);
        }
    }
}
