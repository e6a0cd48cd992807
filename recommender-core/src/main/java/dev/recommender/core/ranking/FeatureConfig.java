package dev.recommender.core.ranking;

import java.util.Objects;
import java.util.Set;

/**
 * How {@link RankingFeatures} reads an event log.
 *
 * @param engagedEventTypes event type names that count as an engagement (the seed's {@code "engaged"});
 *                          every event, engaged or not, counts as a showing, as the seed's
 *                          {@code shown_count = viewed + engaged}
 * @param priorStrength     pseudo-events of the prior in smoothed rates, at least 0 (default 5)
 * @param recentDays        window of {@link RankingFeature#ITEM_RECENT_EVENTS} in days, at least 1 (default 7)
 */
public record FeatureConfig(Set<String> engagedEventTypes, double priorStrength, int recentDays) {
    /** Default engagement event type, as in the seed's log. */
    public static final String ENGAGED = "engaged";

    /**
     * Validates and copies the fields.
     *
     * @throws IllegalArgumentException naming the field and its value if a field is out of range
     */
    public FeatureConfig {
        Objects.requireNonNull(engagedEventTypes, "engagedEventTypes");
        engagedEventTypes = Set.copyOf(engagedEventTypes);
        if (engagedEventTypes.isEmpty()) {
            throw new IllegalArgumentException("engagedEventTypes must name at least one event type, got []");
        }
        if (!(priorStrength >= 0) || Double.isInfinite(priorStrength)) {
            throw new IllegalArgumentException("priorStrength must be finite and at least 0, got " + priorStrength);
        }
        if (recentDays < 1) {
            throw new IllegalArgumentException("recentDays must be at least 1, got " + recentDays);
        }
    }

    /** Engaged type {@code "engaged"}, prior strength 5, recent window 7 days. */
    public static FeatureConfig defaults() {
        return new FeatureConfig(Set.of(ENGAGED), 5, 7);
    }
}
