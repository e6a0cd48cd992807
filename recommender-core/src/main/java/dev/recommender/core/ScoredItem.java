package dev.recommender.core;

import java.util.Objects;

/**
 * One recommended item and its score; higher is better. The score's scale depends on the model
 * (a predicted rating, an engagement rate, an inner product) and is comparable only within one
 * model's answers.
 *
 * @param itemId external item id
 * @param score  the model's score
 */
public record ScoredItem(String itemId, double score) {
    /** Validates the fields. */
    public ScoredItem {
        Objects.requireNonNull(itemId, "itemId");
    }
}
