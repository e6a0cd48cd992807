package dev.recommender.core.ranking;

import java.util.List;
import java.util.Objects;

/**
 * The answer of {@link RetrievalRanking#rank}: items in the order the recommender returns them, with
 * retrieval and ranking scores.
 *
 * @param userId   the user asked about
 * @param items    best first
 * @param fallback true if the user is unknown and the items are the retrieval model's fallback
 *                 (then ordered by retrieval score, not by ranking score)
 */
public record RankedRecommendations(String userId, List<RankedItem> items, boolean fallback) {
    /** Validates and copies the fields. */
    public RankedRecommendations {
        Objects.requireNonNull(userId, "userId");
        items = List.copyOf(items);
    }
}
