package dev.recommender.core.ranking;

/**
 * What orders the list of a {@link RetrievalRanking}. Its point score ({@link RetrievalRanking#score})
 * is always the predicted engagement rate; the target decides whether a second model orders the list.
 */
public enum RankingTarget {
    /**
     * Order by the predicted engagement rate (the seed's ranking model): one model, trained on the
     * pairs shown in the label window with their engagement rate (engaged / shown) as the label.
     * Shown items the user did not engage with are its negatives. It predicts how engaging an item is
     * once shown, not whether the user will pick it, so it may order a list worse than retrieval did.
     */
    ENGAGEMENT_RATE,
    /**
     * Order by the predicted chance of an engagement: a second model, trained on what serving ranks
     * (each label-window user's retrieved candidates, seen items excluded, label 1 if the user engaged
     * with the item in the window, else 0), predicts which of the proposed new items the user will
     * engage with; the list's scores are its predictions, and {@link RankedItem#engagementRate()} still
     * carries the rate. Seen items, when a request includes them, are ordered by the same model, which
     * never trained on them.
     */
    ENGAGED
}
