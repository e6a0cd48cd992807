package dev.recommender.core.data;

import static dev.recommender.core.data.PairAssertions.assertPair;
import static dev.recommender.core.data.PairAssertions.entry;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.time.Duration;
import java.time.Instant;
import java.util.List;

import org.junit.jupiter.api.Test;

class ImplicitConfidenceTest {

    @Test
    void defaultsWeighViewsOneEngagementsFourOthersOne() {
        Interactions interactions = ImplicitConfidence.defaults().aggregate(EngagementRateTest.log());
        assertEquals(5, interactions.size());
        // viewed + viewed + engaged = 1 + 1 + 4 = 6
        assertPair(interactions, "u1", "a", 6f, 3, 1, 3000L);
        assertEquals(4f, interactions.value(entry(interactions, "u1", "b")));
        assertEquals(2f, interactions.value(entry(interactions, "u2", "a")));
        // "shared" has no weight of its own: the default weight 1
        assertEquals(1f, interactions.value(entry(interactions, "u3", "c")));
    }

    @Test
    void zeroWeightIgnoresEventsAltogether() {
        Interactions interactions = ImplicitConfidence.builder().defaultWeight(0).build()
                .aggregate(EngagementRateTest.log());
        // u3's only event ("shared") weighs 0: u3 keeps its index but has no entry
        assertEquals(0, interactions.userDegree(interactions.users().indexOf("u3")));
        assertEquals(3, interactions.size());
    }

    private static EventLog decayLog() {
        return EventLog.builder()
                .add("u", "i", 10_000, "viewed", Float.NaN)
                .add("u", "i", 8_000, "engaged", Float.NaN)
                .add("u", "i", 9_000, "viewed", Float.NaN)
                .build();
    }

    @Test
    void exponentialDecayFromTheLastEvent() {
        ImplicitConfidence decayed = ImplicitConfidence.builder().halfLife(Duration.ofSeconds(1)).build();
        Interactions interactions = decayed.aggregate(decayLog());
        // reference = last event time 10,000 ms; half-life 1,000 ms:
        // viewed age 0 -> 1 * 1; engaged age 2,000 -> 4 * 0.25 = 1; viewed age 1,000 -> 1 * 0.5; sum 2.5
        assertEquals(2.5f, interactions.value(0), 1e-6f);
        assertEquals(3, interactions.eventCount(0));
        assertEquals(10_000L, interactions.lastTimeMillis(0));
    }

    @Test
    void exponentialDecayFromAGivenReferenceTime() {
        ImplicitConfidence.Builder builder = ImplicitConfidence.builder().halfLife(Duration.ofSeconds(1));
        // reference 12,000: ages 2,000, 4,000, 3,000 -> 1 * 0.25 + 4 * 0.0625 + 1 * 0.125 = 0.625
        assertEquals(0.625f, builder.referenceTime(Instant.ofEpochMilli(12_000)).build().aggregate(decayLog()).value(0),
                1e-6f);
        // reference 9,000: the event at 10,000 is in the future and counts 1; 4 * 0.5 + 1 * 1 + 1 = 4
        assertEquals(4f, builder.referenceTime(Instant.ofEpochMilli(9_000)).build().aggregate(decayLog()).value(0),
                1e-6f);
    }

    @Test
    void invalidSettingsNameTheArgument() {
        assertEquals("weight of 'viewed' must be finite and at least 0, got -1.0",
                assertThrows(IllegalArgumentException.class,
                        () -> ImplicitConfidence.builder().weight("viewed", -1).build()).getMessage());
        assertEquals("defaultWeight must be finite and at least 0, got NaN",
                assertThrows(IllegalArgumentException.class,
                        () -> ImplicitConfidence.builder().defaultWeight(Double.NaN).build()).getMessage());
        assertEquals("halfLife must be positive, got PT0S",
                assertThrows(IllegalArgumentException.class,
                        () -> ImplicitConfidence.builder().halfLife(Duration.ZERO).build()).getMessage());
    }
}
