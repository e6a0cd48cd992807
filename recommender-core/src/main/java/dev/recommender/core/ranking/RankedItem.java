package dev.recommender.core.ranking;

import java.util.Objects;

/**
 * One item of a two-stage recommendation with every stage's score.
 *
 * @param itemId         external item id
 * @param retrievalScore the retrieval model's score (its own scale; popularity for a fallback answer)
 * @param rankingScore   the score the list is ordered by: the predicted engagement chance for
 *                       {@link RankingTarget#ENGAGED}, else the predicted engagement rate
 * @param engagementRate the predicted engagement rate once shown (what {@link RetrievalRanking#score} returns)
 */
public record RankedItem(String itemId, double retrievalScore, double rankingScore, double engagementRate) {
    /** Validates the fields. */
    public RankedItem {
        Objects.requireNonNull(itemId, "itemId");
    }
}
