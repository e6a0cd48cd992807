package dev.recommender.core.data;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** Looks up and checks one pair of aggregated {@link Interactions} by external ids, for the aggregation tests. */
final class PairAssertions {
    private PairAssertions() {
    }

    /** The entry of the pair ({@code user}, {@code item}), or -1 if it has none. */
    static int entry(Interactions interactions, String user, String item) {
        return interactions.entryOf(interactions.users().indexOf(user), interactions.items().indexOf(item));
    }

    /** Asserts the pair's value (exactly), event count, engaged count and last event time. */
    static void assertPair(Interactions interactions, String user, String item, float value, int events,
                           int engaged, long lastTimeMillis) {
        int entry = entry(interactions, user, item);
        String pair = "(" + user + ", " + item + ")";
        assertEquals(value, interactions.value(entry), pair);
        assertEquals(events, interactions.eventCount(entry), pair);
        assertEquals(engaged, interactions.engagedCount(entry), pair);
        assertEquals(lastTimeMillis, interactions.lastTimeMillis(entry), pair);
    }
}
