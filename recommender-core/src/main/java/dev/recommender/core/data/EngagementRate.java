package dev.recommender.core.data;

import java.util.Arrays;
import java.util.Collections;
import java.util.LinkedHashSet;
import java.util.Objects;
import java.util.Set;

/**
 * The proof of concept's engagement rate ({@code engaged_pct}): per (user, item) pair,
 * {@code viewed} = events of a view type, {@code engaged} = events of an engagement type,
 * {@code shown = viewed + engaged} and value {@code engaged / shown}, in [0, 1].
 *
 * <p>The resulting {@link Interactions} hold {@code eventCount = shown},
 * {@code engagedCount = engaged} and {@code lastTimeMillis} = time of the pair's last view or
 * engagement event. Events of any other type are ignored: they count neither as shown nor as
 * engaged, and a pair with only such events has no entry. A pair can be engaged without a view
 * event (as in the seed log), giving value 1. With {@link #engagedPairsOnly()} only pairs with at
 * least one engagement are kept (the seed's {@code ratings.csv}).
 *
 * <p>Complexity: O(events) expected time through a hash of packed (user, item) keys, O(pairs)
 * extra memory; no sorting of events. Immutable and thread-safe.
 *
 * @param viewTypes        event types counted as views, non-empty
 * @param engagedTypes     event types counted as engagements, non-empty, disjoint from viewTypes
 * @param engagedPairsOnly whether to drop pairs without an engagement
 */
public record EngagementRate(Set<String> viewTypes, Set<String> engagedTypes, boolean engagedPairsOnly)
        implements Aggregation {

    /**
     * Validates and copies the sets.
     *
     * @throws IllegalArgumentException if a set is empty, holds an empty name, or the sets overlap
     */
    public EngagementRate {
        viewTypes = copy(viewTypes, "viewTypes");
        engagedTypes = copy(engagedTypes, "engagedTypes");
        for (String type : engagedTypes) {
            if (viewTypes.contains(type)) {
                throw new IllegalArgumentException("event type '" + type + "' is in both viewTypes " + viewTypes
                        + " and engagedTypes " + engagedTypes);
            }
        }
    }

    /** The seed's definition: views {@code viewed}, engagements {@code engaged}, all pairs kept. */
    public static EngagementRate seed() {
        return new EngagementRate(Set.of("viewed"), Set.of("engaged"), false);
    }

    /**
     * Returns this aggregation keeping only pairs with at least one engagement, or all pairs.
     *
     * @param only whether to drop pairs without an engagement
     * @return the variant
     */
    public EngagementRate withEngagedPairsOnly(boolean only) {
        return new EngagementRate(viewTypes, engagedTypes, only);
    }

    static Set<String> copy(Set<String> types, String name) {
        Objects.requireNonNull(types, name);
        if (types.isEmpty()) {
            throw new IllegalArgumentException(name + " must be non-empty, got " + types);
        }
        for (String type : types) {
            if (type == null || type.isEmpty()) {
                throw new IllegalArgumentException(name + " must hold non-empty names, got " + types);
            }
        }
        return Collections.unmodifiableSet(new LinkedHashSet<>(types));
    }

    @Override
    public Interactions aggregate(EventLog events) {
        Objects.requireNonNull(events, "events");
        IdIndex typeNames = events.eventTypes();
        byte[] role = new byte[typeNames.size()];
        for (int type = 0; type < role.length; type++) {
            String name = typeNames.id(type);
            role[type] = (byte) (engagedTypes.contains(name) ? 2 : viewTypes.contains(name) ? 1 : 0);
        }
        int n = events.size();
        PairTally tally = new PairTally(Math.max(16, n / 2));
        for (int event = 0; event < n; event++) {
            int kind = role[events.eventType(event)];
            if (kind != 0) {
                tally.add(events, event, kind == 2);
            }
        }
        int[] users = tally.users();
        int[] items = tally.items();
        int[] shown = tally.eventCounts();
        int[] engaged = tally.engagedCounts();
        long[] last = tally.lastTimes();
        int count = tally.size();
        int kept = 0;
        float[] values = new float[count];
        for (int pair = 0; pair < count; pair++) {
            if (engagedPairsOnly && engaged[pair] == 0) {
                continue;
            }
            users[kept] = users[pair];
            items[kept] = items[pair];
            shown[kept] = shown[pair];
            engaged[kept] = engaged[pair];
            last[kept] = last[pair];
            values[kept] = (float) engaged[pair] / shown[pair];
            kept++;
        }
        return Interactions.of(events.users(), events.items(), Arrays.copyOf(users, kept), Arrays.copyOf(items, kept),
                Arrays.copyOf(values, kept), Arrays.copyOf(shown, kept), Arrays.copyOf(engaged, kept),
                Arrays.copyOf(last, kept));
    }
}
