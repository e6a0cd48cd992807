package dev.recommender.core.data;

import static dev.recommender.core.data.PairAssertions.assertPair;
import static dev.recommender.core.data.PairAssertions.entry;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;

class ExplicitRatingTest {

    private static EventLog log() {
        return EventLog.builder()
                .add("u1", "m1", 100, "rating", 3f)
                .add("u1", "m1", 50, "rating", 5f)   // later in the file but earlier in time
                .add("u1", "m1", 100, "rating", 2f)  // same time as the first: later in the file wins
                .add("u2", "m1", 70, "rating", 1.5f)
                .add("u2", "m2", 80, "tag", Float.NaN)
                .build();
    }

    @Test
    void lastRatingByTimeThenFileOrder() {
        Interactions interactions = ExplicitRating.last().onlyEventTypes("rating").aggregate(log());
        assertEquals(2, interactions.size());
        assertPair(interactions, "u1", "m1", 2f, 3, 0, 100L);
        assertEquals(1.5f, interactions.value(entry(interactions, "u2", "m1")));
    }

    @Test
    void meanRating() {
        Interactions interactions = ExplicitRating.mean().onlyEventTypes("rating").aggregate(log());
        // (3 + 5 + 2) / 3 = 3.333...
        assertEquals(10f / 3f, interactions.value(entry(interactions, "u1", "m1")), 1e-6f);
        assertEquals(1.5f, interactions.value(entry(interactions, "u2", "m1")));
    }

    @Test
    void missingValueIsAnErrorNamingThePair() {
        IllegalArgumentException error = assertThrows(IllegalArgumentException.class,
                () -> ExplicitRating.last().aggregate(log()));
        assertEquals("event 4 of pair (user 'u2', item 'm2', type 'tag') has no rating value (NaN); "
                + "read the log with a value column", error.getMessage());
    }
}
