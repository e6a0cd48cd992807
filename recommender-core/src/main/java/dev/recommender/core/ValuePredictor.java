package dev.recommender.core;

/**
 * Base class for models that predict the training value of a (user, item) pair (a rating or an
 * engagement rate) as the training mean plus learned terms, clipped to the range of values seen in
 * training: the bias baseline and biased matrix factorization. It holds the mean and the range,
 * validates them once, and answers {@link #globalMean()}, {@link #minValue()}, {@link #maxValue()}
 * and {@link #clip(double)}; subclasses add the learned terms in {@link #score} and
 * {@link #scoreAll(int, float[])}. O(1) per call.
 *
 * <p>Immutable state; thread-safe as long as the subclass is (see {@link DenseScoringRecommender}).
 */
public abstract class ValuePredictor extends DenseScoringRecommender implements IndexedScorer, PointPredictor {
    private final double mean;
    private final double minValue;
    private final double maxValue;

    /**
     * Validates and stores the value statistics of the training data.
     *
     * @param seen     the training users, catalog, seen items and popularity
     * @param model    the model name for error messages, e.g. {@code "svd"}
     * @param mean     the training mean {@code mu}, finite
     * @param minValue the smallest training value
     * @param maxValue the largest training value, at least {@code minValue}
     * @throws IllegalArgumentException naming the model and the invalid mean or range
     */
    protected ValuePredictor(SeenItems seen, String model, double mean, double minValue, double maxValue) {
        super(seen);
        if (!Double.isFinite(mean) || !(minValue <= maxValue)) {
            throw new IllegalArgumentException("invalid " + model + " mean " + mean + " or value range ["
                    + minValue + ", " + maxValue + "]");
        }
        this.mean = mean;
        this.minValue = minValue;
        this.maxValue = maxValue;
    }

    /**
     * The global mean {@code mu} of the training values.
     *
     * @return the mean the predictions start from
     */
    public final double globalMean() {
        return mean;
    }

    /**
     * Smallest training value; predictions are clipped to it.
     *
     * @return the lower end of the prediction range
     */
    public final double minValue() {
        return minValue;
    }

    /**
     * Largest training value; predictions are clipped to it.
     *
     * @return the upper end of the prediction range
     */
    public final double maxValue() {
        return maxValue;
    }

    /**
     * {@inheritDoc}
     *
     * <p>Resolves the ids once, then predicts as {@link #scoreInto(int, int[], float[])}.
     */
    @Override
    public final double score(String userId, String itemId) {
        int user = users().find(java.util.Objects.requireNonNull(userId, "userId")).orElse(-1);
        int item = items().find(java.util.Objects.requireNonNull(itemId, "itemId")).orElse(-1);
        return clip(prediction(user, item));
    }

    @Override
    public final void scoreInto(int user, int[] items, float[] out) {
        for (int k = 0; k < items.length; k++) {
            out[k] = (float) clip(prediction(user, items[k]));
        }
    }

    /**
     * The unclipped prediction of a pair by index: the mean plus the model's terms, without the
     * terms of an unknown user or item.
     *
     * @param user a user index, or -1 (or any index outside the numbering) for an unknown user
     * @param item an item index, or -1 (or any index outside the numbering) for an unknown item
     * @return the prediction before clipping
     */
    protected abstract double prediction(int user, int item);

    /**
     * Clips a prediction to the training range.
     *
     * @param prediction an unclipped prediction
     * @return {@code prediction} limited to [{@link #minValue()}, {@link #maxValue()}]
     */
    protected final double clip(double prediction) {
        return Math.max(minValue, Math.min(maxValue, prediction));
    }
}
