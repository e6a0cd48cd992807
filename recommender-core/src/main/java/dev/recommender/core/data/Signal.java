package dev.recommender.core.data;

/**
 * The two kinds of training value a model can learn from, resolved to an {@link Aggregation} by the
 * data's {@link Signals}: the same model trains on engagement rates of an app log and on star
 * ratings of MovieLens without being told which.
 */
public enum Signal {
    /**
     * The value to predict for a pair: an engagement rate ({@code engaged_pct}) of an app log, a
     * star rating of rating data. Rating models (Svd, the bias baseline) train on it.
     */
    RATING,
    /**
     * How sure we are that the user likes the item: every shown pair of an app log with its
     * engagement rate as confidence, every rated pair a positive of rating data. Top-N models
     * (implicit ALS, two-tower) train on it.
     */
    IMPLICIT
}
