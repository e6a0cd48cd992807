package dev.recommender.eval.split;

import dev.recommender.core.data.EventLog;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.SplittableRandom;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Shared fixtures and invariant checks for splitter tests. */
final class SplitChecks {
    private SplitChecks() {
    }

    /**
     * A random log of {@code events} events over {@code users} x {@code items}, with repeated
     * pairs (about {@code events / pairs} events per pair) and distinct times.
     */
    static EventLog randomLog(int users, int items, int events, long seed) {
        SplittableRandom random = new SplittableRandom(seed);
        EventLog.Builder builder = EventLog.builder();
        for (int e = 0; e < events; e++) {
            builder.add("u" + random.nextInt(users), "i" + random.nextInt(items), 1_000L * e + random.nextInt(1000),
                    random.nextBoolean() ? "viewed" : "engaged", random.nextInt(5) + 1);
        }
        return builder.build();
    }

    static String pair(EventLog log, int event) {
        return log.userId(event) + "|" + log.itemId(event);
    }

    static Set<String> pairs(EventLog log) {
        Set<String> pairs = new HashSet<>();
        for (int e = 0; e < log.size(); e++) {
            pairs.add(pair(log, e));
        }
        return pairs;
    }

    static List<String> events(EventLog log) {
        List<String> events = new ArrayList<>();
        for (int e = 0; e < log.size(); e++) {
            events.add(pair(log, e) + "|" + log.timeMillis(e) + "|" + log.eventTypeName(e) + "|" + log.value(e));
        }
        return events;
    }

    /** Counts of each event description. */
    static Map<String, Integer> multiset(List<String> events) {
        Map<String, Integer> counts = new HashMap<>();
        for (String event : events) {
            counts.merge(event, 1, Integer::sum);
        }
        return counts;
    }

    /** Every event on exactly one side, and no pair on both sides. */
    static void assertPartitionWithoutLeakage(EventLog log, Split split) {
        List<String> both = new ArrayList<>(events(split.train()));
        both.addAll(events(split.test()));
        assertEquals(multiset(events(log)), multiset(both), "every event exactly once");
        Set<String> trainPairs = pairs(split.train());
        for (String pair : pairs(split.test())) {
            assertTrue(!trainPairs.contains(pair), "pair " + pair + " on both sides");
        }
        assertTrue(split.train().users() == log.users() && split.test().items() == log.items(), "shared indexes");
    }
}
