package dev.recommender.core.ranking;

/**
 * The features of a (user, candidate item) pair that the {@link RankingModel} sees, in column
 * order. Every history feature is computed from events strictly before a reference time (the
 * cut-off when training, the end of the training log when serving), so a feature never sees the
 * label it is trained against. Rates are smoothed towards a prior with
 * {@link FeatureConfig#priorStrength()} pseudo-events so that a user or item with few events does
 * not get an extreme rate.
 */
public enum RankingFeature {
    /** The retrieval model's score of the item for the user (0 for a user it does not know). */
    RETRIEVAL_SCORE("retrieval_score"),
    /** The rating model's (Svd's) prediction for the pair. */
    SVD_SCORE("svd_score"),
    /**
     * The rating model's estimate of how likely the user is to be shown the item, if it makes one
     * ({@link dev.recommender.core.ExposureScorer}, e.g. exposure-rate), else 0.
     */
    EXPOSURE_SCORE("exposure_score"),
    /** {@code ln(1 + n)} for the user's n events in the history: user activity. */
    USER_EVENTS("user_events"),
    /** The user's smoothed engagement rate: (engaged + m g) / (events + m), g the global rate. */
    USER_ENGAGEMENT_RATE("user_engagement_rate"),
    /** Days from the user's last history event to the reference time; -1 for a user without history. */
    DAYS_SINCE_USER_LAST_EVENT("days_since_user_last_event"),
    /** {@code ln(1 + n)} for the item's n distinct users in the history: item popularity. */
    ITEM_USERS("item_users"),
    /** {@code ln(1 + n)} for the item's n events in the last {@link FeatureConfig#recentDays()} days: trend. */
    ITEM_RECENT_EVENTS("item_recent_events"),
    /** The item's smoothed engagement rate: (engaged + m g) / (events + m). */
    ITEM_ENGAGEMENT_RATE("item_engagement_rate"),
    /** Days from the item's first history event to the reference time (0 for a new item): item age. */
    ITEM_AGE_DAYS("item_age_days"),
    /** How many times the user already saw the item (events of the pair in the history). */
    PAIR_EVENTS("pair_events"),
    /** The pair's engagement rate smoothed towards the user's: (engaged + m r_u) / (events + m). */
    PAIR_ENGAGEMENT_RATE("pair_engagement_rate");

    private final String columnName;

    RankingFeature(String columnName) {
        this.columnName = columnName;
    }

    /** The column name used in the ranking model's data frame and in reports. */
    public String columnName() {
        return columnName;
    }

    /** The column names of all features, in order. */
    public static java.util.List<String> columnNames() {
        return java.util.Arrays.stream(values()).map(RankingFeature::columnName).toList();
    }

    /** Number of features. */
    public static int count() {
        return values().length;
    }
}
