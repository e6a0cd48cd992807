package dev.recommender.core.data;


import java.util.Arrays;
import java.util.Objects;

/**
 * A training transform for top-N protocols: aggregates with another aggregation, then sets every
 * pair's value to 1 (every training interaction is a positive, as protocol B prescribes). Pair
 * statistics (event counts, last times) are kept. O(pairs); immutable and thread-safe.
 *
 * @param base the aggregation whose pairs are kept
 */
public record BinarisedAggregation(Aggregation base) implements Aggregation {
    /** Validates the field. */
    public BinarisedAggregation {
        Objects.requireNonNull(base, "base");
    }

    /**
     * Binarises another aggregation.
     *
     * @param base the aggregation whose pairs are kept
     * @return the binarising aggregation
     */
    public static BinarisedAggregation of(Aggregation base) {
        return new BinarisedAggregation(base);
    }

    @Override
    public Interactions aggregate(EventLog events) {
        Interactions interactions = base.aggregate(events);
        float[] ones = new float[interactions.size()];
        Arrays.fill(ones, 1f);
        return interactions.withValues(ones);
    }
}
