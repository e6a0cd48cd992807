package dev.recommender.core;

import dev.recommender.core.data.IdIndex;

/**
 * A {@link Recommender} that also answers by index in the numbering of its training data, so that
 * callers holding indexes (the evaluator, the two-stage model, a server that resolved the id once)
 * never convert between strings and ints per item. With one numbering, a model fitted on a
 * {@link TrainingData} numbers users and items like the data's event log, and so like every other
 * model fitted on the same data and like both sides of a split.
 *
 * <p>Thread safety: as {@link Recommender}: immutable, any number of threads.
 */
public interface IndexedRecommender extends Recommender {
    /** The users of the model's numbering (some may have no training pairs, and get the fallback). */
    IdIndex users();

    /**
     * Recommends by index under the contract of {@link #recommend(String, RecommendRequest)} without
     * candidate or exclude sets.
     *
     * @param user        an index of {@link #users()}, or -1; a user without training pairs gets the fallback
     * @param howMany     the list's length, at least 1
     * @param excludeSeen whether the user's training items are left out
     * @return the ranked item indexes of {@link #items()}
     */
    RankedItems recommend(int user, int howMany, boolean excludeSeen);

    /**
     * The scores {@link #recommend(int, int, boolean)} ranks by, for given items of a user the model
     * knows; {@code NaN} for every item when it does not know the user.
     *
     * @param user  an index of {@link #users()}, or -1
     * @param items item indexes of {@link #items()}
     * @param out   receives one score per item, {@code out.length >= items.length}
     */
    void rankingScores(int user, int[] items, float[] out);
}
