package dev.recommender.core;

import dev.recommender.core.data.IdIndex;

/**
 * A fitted recommendation model: given a user, returns ranked items.
 *
 * <p>The contract every implementation keeps (and the shared contract test checks):
 * <ul>
 *   <li>at most {@link RecommendRequest#howMany()} items, sorted by score, best first, no item twice,
 *       ties broken by the catalog order of {@link #items()};</li>
 *   <li>items the user interacted with in the training data are excluded unless
 *       {@link RecommendRequest#excludeSeen()} is false; candidate and exclude sets are respected
 *       as {@link RecommendRequest} documents;</li>
 *   <li>a user unknown to the model gets the model's fallback (popularity among training users,
 *       unless the class says otherwise), with {@link Recommendations#fallback()} true;</li>
 *   <li>the model is immutable and safe to call from many threads; the same training data, seed
 *       and thread count give the same answers.</li>
 * </ul>
 */
public interface Recommender {
    /** A short name of the algorithm, e.g. {@code "svd"}. */
    String name();

    /** The catalog the model can recommend from, in its internal order. */
    IdIndex items();

    /** Whether the model knows the user (has a personal representation for them). */
    boolean knowsUser(String userId);

    /**
     * Recommends items for a user.
     *
     * @param userId  external user id
     * @param request how many, which candidates, what to exclude
     * @return the ranked items; never null
     */
    Recommendations recommend(String userId, RecommendRequest request);

    /**
     * Recommends the top {@code howMany} unseen items of the whole catalog.
     *
     * @throws IllegalArgumentException if {@code howMany < 1}
     */
    default Recommendations recommend(String userId, int howMany) {
        return recommend(userId, RecommendRequest.top(howMany));
    }
}
