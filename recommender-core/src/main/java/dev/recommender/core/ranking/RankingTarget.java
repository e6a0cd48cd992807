package dev.recommender.core.ranking;

/** What the ranking model of a {@link RetrievalRanking} learns to predict for a (user, item) pair. */
public enum RankingTarget {
    /**
     * The pair's engagement rate in the label window, engaged / shown (the seed's engaged_pct), over
     * the pairs shown in that window; the prediction is an engagement rate given that the item is
     * shown, comparable with Svd's by RMSE. Shown items the user did not engage with are the negatives.
     */
    ENGAGEMENT_RATE,
    /**
     * 1 if the user engaged with the item in the label window, else 0, over the shown pairs plus the
     * retrieved candidates of each label-window user (retrieved but not engaged: the negatives); the
     * prediction estimates the probability of an engagement, which orders lists by expected engagement.
     */
    ENGAGED
}
