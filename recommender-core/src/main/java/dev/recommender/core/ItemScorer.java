package dev.recommender.core;

/**
 * A model that gives a point score for any (user, item) pair, for example a predicted rating or
 * engagement rate. Scoring and recommending are separate roles: rating metrics (RMSE, MAE) need a
 * scorer, ranking metrics only a {@link Recommender}.
 *
 * <p>Unknown users or items get the model's documented fallback prediction (for example the
 * global mean plus the known biases); the result is always finite.
 */
public interface ItemScorer {
    /**
     * Predicts the value of a (user, item) pair.
     *
     * @param userId external user id, known or not
     * @param itemId external item id, known or not
     * @return a finite prediction
     */
    double score(String userId, String itemId);
}
