package dev.recommender.core;

import dev.recommender.core.data.IdIndex;

/**
 * An {@link ItemScorer} that also predicts by index in the numbering of its training data (see
 * {@link IndexedRecommender}): the same values as {@link #score(String, String)} without a string
 * lookup per pair.
 */
public interface IndexedScorer extends ItemScorer {
    /** The users of the model's numbering. */
    IdIndex users();

    /** The items of the model's numbering. */
    IdIndex items();

    /**
     * Predicts the values of some items for a user, as {@link #score(String, String)} does.
     *
     * @param user  an index of {@link #users()}, or -1 for a user outside it (the model's fallback)
     * @param items item indexes of {@link #items()}, or -1 for an item outside it
     * @param out   receives one finite prediction per item, {@code out.length >= items.length}
     */
    void scoreInto(int user, int[] items, float[] out);
}
