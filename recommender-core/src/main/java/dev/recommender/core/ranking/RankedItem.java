package dev.recommender.core.ranking;

import java.util.Objects;

/**
 * One item of a two-stage recommendation with both stages' scores.
 *
 * @param itemId         external item id
 * @param retrievalScore the retrieval model's score (its own scale; popularity for a fallback answer)
 * @param rankingScore   the ranking model's prediction (an engagement rate or probability)
 */
public record RankedItem(String itemId, double retrievalScore, double rankingScore) {
    /** Validates the fields. */
    public RankedItem {
        Objects.requireNonNull(itemId, "itemId");
    }
}
