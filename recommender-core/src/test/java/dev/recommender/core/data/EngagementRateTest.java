package dev.recommender.core.data;

import static dev.recommender.core.data.PairAssertions.assertPair;
import static dev.recommender.core.data.PairAssertions.entry;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.SplittableRandom;

import org.junit.jupiter.api.Test;

class EngagementRateTest {

    /** Events of the seed's shape plus a type the seed does not have. */
    static EventLog log() {
        return EventLog.builder()
                .add("u1", "a", 1000, "viewed", Float.NaN)
                .add("u1", "a", 3000, "viewed", Float.NaN)
                .add("u1", "a", 2000, "engaged", Float.NaN)
                .add("u1", "b", 5000, "engaged", Float.NaN)
                .add("u2", "a", 4000, "viewed", Float.NaN)
                .add("u2", "a", 4500, "viewed", Float.NaN)
                .add("u2", "c", 9000, "shared", Float.NaN)
                .add("u3", "c", 8000, "shared", Float.NaN)
                .build();
    }

    @Test
    void seedEngagementRatePerPair() {
        Interactions interactions = EngagementRate.seed().aggregate(log());
        // "shared" is neither a view nor an engagement: u3 and item c have no counted event. They keep
        // the log's numbering (one numbering for every aggregation of a log) with no entries.
        assertEquals(log().users().ids(), interactions.users().ids());
        assertEquals(log().items().ids(), interactions.items().ids());
        assertEquals(0, interactions.userDegree(interactions.users().indexOf("u3")));
        assertEquals(0, interactions.itemDegree(interactions.items().indexOf("c")));
        assertEquals(3, interactions.size());

        // viewed 2, engaged 1: shown = 2 + 1 = 3, engaged_pct = 1 / 3
        assertPair(interactions, "u1", "a", 1f / 3f, 3, 1, 3000L);
        // engaged without a view: 1 / (0 + 1) = 1
        assertPair(interactions, "u1", "b", 1f, 1, 1, 5000L);
        // two views, no engagement: 0 / 2 = 0
        assertPair(interactions, "u2", "a", 0f, 2, 0, 4500L);
    }

    @Test
    void engagedPairsOnlyDropsPairsWithoutEngagement() {
        Interactions interactions = EngagementRate.seed().withEngagedPairsOnly(true).aggregate(log());
        assertEquals(2, interactions.size());
        assertEquals(2, interactions.userDegree(interactions.users().indexOf("u1")));
        assertEquals(0, interactions.userDegree(interactions.users().indexOf("u2")));
    }

    @Test
    void configurableTypes() {
        // "shared" as an engagement too: (u2, c) = 1 / 1, (u3, c) = 1 / 1
        Interactions interactions = new EngagementRate(Set.of("viewed"), Set.of("engaged", "shared"), false)
                .aggregate(log());
        assertEquals(5, interactions.size());
        assertEquals(1f, interactions.value(entry(interactions, "u3", "c")));
    }

    @Test
    void aggregatesASubsetThatSharesTheLogsIndexes() {
        EventLog subset = log().select(new int[] {4, 5});
        Interactions interactions = EngagementRate.seed().aggregate(subset);
        // the subset keeps the whole log's numbering: only (u2, a) has an entry
        assertEquals(log().users(), interactions.users());
        assertEquals(1, interactions.size());
        assertEquals(0f, interactions.value(entry(interactions, "u2", "a")));
    }

    @Test
    void overlappingOrEmptyTypeSetsAreRejected() {
        assertEquals("event type 'engaged' is in both viewTypes [engaged] and engagedTypes [engaged]",
                assertThrows(IllegalArgumentException.class,
                        () -> new EngagementRate(Set.of("engaged"), Set.of("engaged"), false)).getMessage());
        assertEquals("viewTypes must be non-empty, got []",
                assertThrows(IllegalArgumentException.class,
                        () -> new EngagementRate(Set.of(), Set.of("engaged"), false)).getMessage());
    }

    @Test
    void agreesWithANaiveHashMapAggregationOnRandomEvents() {
        SplittableRandom random = new SplittableRandom(3);
        EventLog.Builder builder = EventLog.builder();
        Map<String, int[]> expected = new HashMap<>();
        for (int k = 0; k < 50_000; k++) {
            String user = "u" + random.nextInt(400);
            String item = "i" + random.nextInt(300);
            boolean engaged = random.nextInt(10) < 4;
            long time = random.nextLong(1_000_000);
            builder.add(user, item, time, engaged ? "engaged" : "viewed", Float.NaN);
            int[] counts = expected.computeIfAbsent(user + "/" + item, key -> new int[3]);
            counts[0]++;
            counts[1] += engaged ? 1 : 0;
            counts[2] = Math.max(counts[2], (int) time);
        }
        Interactions interactions = EngagementRate.seed().aggregate(builder.build());
        assertEquals(expected.size(), interactions.size());
        for (Map.Entry<String, int[]> pair : expected.entrySet()) {
            String[] ids = pair.getKey().split("/");
            int[] counts = pair.getValue();
            assertPair(interactions, ids[0], ids[1], (float) counts[1] / counts[0], counts[0], counts[1], counts[2]);
        }
    }
}
