package dev.recommender.core.data;

import java.util.Arrays;
import java.util.Collections;
import java.util.LinkedHashSet;
import java.util.Objects;
import java.util.Set;

/**
 * Explicit ratings: per (user, item) pair, the value of its last rating event (by time; among
 * events with the same time the one later in the log wins) or the mean of its rating values.
 *
 * <p>Events counted are those whose type is in {@link #eventTypes()}, or all events when that set
 * is empty. The resulting {@link Interactions} hold {@code eventCount} = ratings of the pair,
 * {@code engagedCount} = 0 (ratings are not engagements) and {@code lastTimeMillis} = time of the
 * last rating. A counted event without a value ({@code NaN}, e.g. read without a value column) is
 * an error naming the pair.
 *
 * <p>Complexity: O(events) expected time via a hash of packed (user, item) keys, O(pairs) extra
 * memory. Immutable and thread-safe.
 *
 * @param mode       last or mean
 * @param eventTypes event types counted; empty means all
 */
public record ExplicitRating(Mode mode, Set<String> eventTypes) implements Aggregation {

    /**
     * Validates and copies.
     *
     * @throws IllegalArgumentException if an event type name is empty
     */
    public ExplicitRating {
        Objects.requireNonNull(mode, "mode");
        Objects.requireNonNull(eventTypes, "eventTypes");
        for (String type : eventTypes) {
            if (type == null || type.isEmpty()) {
                throw new IllegalArgumentException("eventTypes must hold non-empty names, got " + eventTypes);
            }
        }
        eventTypes = Collections.unmodifiableSet(new LinkedHashSet<>(eventTypes));
    }

    /** The last rating of each pair, over events of every type. */
    public static ExplicitRating last() {
        return new ExplicitRating(Mode.LAST, Set.of());
    }

    /** The mean rating of each pair, over events of every type. */
    public static ExplicitRating mean() {
        return new ExplicitRating(Mode.MEAN, Set.of());
    }

    /**
     * Returns this aggregation restricted to events of the given types.
     *
     * @param types the type names, e.g. {@code "rating"}
     * @return the variant
     */
    public ExplicitRating onlyEventTypes(String... types) {
        return new ExplicitRating(mode, new LinkedHashSet<>(Arrays.asList(types)));
    }

    @Override
    public Interactions aggregate(EventLog events) {
        Objects.requireNonNull(events, "events");
        IdIndex typeNames = events.eventTypes();
        boolean[] counted = new boolean[typeNames.size()];
        for (int type = 0; type < counted.length; type++) {
            counted[type] = eventTypes.isEmpty() || eventTypes.contains(typeNames.id(type));
        }
        int n = events.size();
        boolean mean = mode == Mode.MEAN;
        PairTally tally = new PairTally(Math.max(16, n));
        double[] sums = new double[16];
        for (int event = 0; event < n; event++) {
            if (!counted[events.eventType(event)]) {
                continue;
            }
            float value = events.value(event);
            if (Float.isNaN(value)) {
                throw new IllegalArgumentException("event " + event + " of pair (user '" + events.userId(event)
                        + "', item '" + events.itemId(event) + "', type '" + events.eventTypeName(event)
                        + "') has no rating value (NaN); read the log with a value column");
            }
            int pair = tally.add(events, event, false);
            if (pair == sums.length) {
                sums = Arrays.copyOf(sums, pair * 2);
            }
            if (mean) {
                sums[pair] += value;
            } else if (events.timeMillis(event) == tally.lastTime(pair)) {
                // not older than any earlier rating of the pair: the latest by time, ties to the later row
                sums[pair] = value;
            }
        }
        int count = tally.size();
        int[] counts = tally.eventCounts();
        float[] values = new float[count];
        for (int pair = 0; pair < count; pair++) {
            values[pair] = (float) (mean ? sums[pair] / counts[pair] : sums[pair]);
        }
        return Interactions.of(events.users(), events.items(), tally.users(), tally.items(), values, counts,
                new int[count], tally.lastTimes());
    }

    /** How the ratings of one pair combine. */
    public enum Mode {
        /** The rating with the latest time; ties go to the event later in the log. */
        LAST,
        /** The arithmetic mean of the pair's ratings. */
        MEAN
    }
}
