package dev.recommender.core;

import java.util.Objects;

/**
 * A ranked list by index, the int-level form of {@link Recommendations}: item indexes of the
 * model's {@link Recommender#items()} numbering, best first, with their scores.
 *
 * @param items    item indexes, best first
 * @param scores   the score of each item, same length
 * @param fallback whether the list is the popularity fallback of a user the model does not know
 */
public record RankedItems(int[] items, float[] scores, boolean fallback) {
    /** Validates the lengths; the arrays are not copied (the producer hands them over). */
    public RankedItems {
        Objects.requireNonNull(items, "items");
        Objects.requireNonNull(scores, "scores");
        if (items.length != scores.length) {
            throw new IllegalArgumentException("items and scores differ in length: " + items.length + ", "
                    + scores.length);
        }
    }

    /** Number of items. */
    public int size() {
        return items.length;
    }
}
