package dev.recommender.eval.split;

import dev.recommender.core.data.EventLog;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.SplittableRandom;
import java.util.TreeMap;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class PerUserHoldoutTest {

    /** Numeric ids out of order, users with 1 to 24 ratings, one rating per pair. */
    private static EventLog movieLensLike() {
        SplittableRandom random = new SplittableRandom(11);
        List<String[]> rows = new ArrayList<>();
        for (int user = 1; user <= 23; user++) {
            int ratings = user == 4 ? 4 : user == 7 ? 1 : 5 + (user * 7) % 20;
            Set<Integer> items = new HashSet<>();
            while (items.size() < ratings) {
                items.add(1 + random.nextInt(150));
            }
            for (int item : items) {
                rows.add(new String[] {Integer.toString(user), Integer.toString(item)});
            }
        }
        Collections.shuffle(rows, new Random(5)); // file order unrelated to id order
        EventLog.Builder builder = EventLog.builder();
        for (String[] row : rows) {
            builder.add(row[0], row[1], 0, "rating", 3);
        }
        return builder.build();
    }

    /** Protocol B written directly from docs/protocols.md with the JDK's own shuffle. */
    private static Set<String> protocolBReference(EventLog log, double fraction, int minHistory) {
        Map<Long, List<Long>> byUser = new TreeMap<>(); // numeric user order
        for (int e = 0; e < log.size(); e++) {
            byUser.computeIfAbsent(Long.parseLong(log.userId(e)), u -> new ArrayList<>())
                    .add(Long.parseLong(log.itemId(e)));
        }
        Random random = new Random(42);
        Set<String> test = new HashSet<>();
        for (Map.Entry<Long, List<Long>> user : byUser.entrySet()) {
            List<Long> items = user.getValue();
            Collections.sort(items);
            Collections.shuffle(items, random);
            int n = items.size();
            if (n >= minHistory) {
                int held = Math.max(1, (int) Math.round(fraction * n));
                for (int k = 0; k < held; k++) {
                    test.add(user.getKey() + "|" + items.get(k));
                }
            }
        }
        return test;
    }

    @Test
    void protocolBMatchesTheReferenceWithNumericIdOrder() {
        EventLog log = movieLensLike();
        Split split = PerUserHoldout.protocolB(0.2, 5, 42).split(log).get(0);
        SplitChecks.assertPartitionWithoutLeakage(log, split);
        assertEquals(protocolBReference(log, 0.2, 5), SplitChecks.pairs(split.test()));
    }

    @Test
    void fractionHoldsOutRoundedShareOfEachEligibleUserAndKeepsTrainingData() {
        EventLog log = SplitChecks.randomLog(30, 40, 1_500, 9);
        Split split = PerUserHoldout.fraction(0.3, 8, 4).split(log).get(0);
        SplitChecks.assertPartitionWithoutLeakage(log, split);
        Map<String, Integer> pairsPerUser = countPairsByUser(log);
        Map<String, Integer> testPerUser = countPairsByUser(split.test());
        Map<String, Integer> trainPerUser = countPairsByUser(split.train());
        for (Map.Entry<String, Integer> user : pairsPerUser.entrySet()) {
            int n = user.getValue();
            int expected = n >= 8 ? Math.max(1, (int) Math.round(0.3 * n)) : 0;
            assertEquals(expected, testPerUser.getOrDefault(user.getKey(), 0), "user " + user.getKey());
            assertEquals(n - expected, trainPerUser.getOrDefault(user.getKey(), 0), "user " + user.getKey());
        }
    }

    @Test
    void fractionCapsAtAllButOnePair() {
        // 3 pairs, fraction 0.9: round(2.7) = 3 would leave no training pair, so 2 are held out.
        EventLog log = EventLog.builder().add("a", "x", 1, "v", 1).add("a", "y", 2, "v", 1)
                .add("a", "z", 3, "v", 1).build();
        Split split = PerUserHoldout.fraction(0.9, 2, 1).split(log).get(0);
        assertEquals(2, split.test().size());
        assertEquals(1, split.train().size());
    }

    @Test
    void leaveLastNTakesEachUsersLatestPairs() {
        EventLog log = EventLog.builder()
                .add("a", "x", 1, "v", 1).add("a", "y", 5, "v", 1).add("a", "z", 3, "v", 1)
                .add("a", "x", 9, "v", 1) // (a, x) was last touched at 9: the latest pair
                .add("b", "x", 2, "v", 1).add("b", "y", 4, "v", 1) // only 2 pairs: below min history 3
                .add("c", "x", 7, "v", 1).add("c", "y", 7, "v", 1).add("c", "z", 1, "v", 1) // tie at 7
                .build();
        Split split = PerUserHoldout.leaveLastN(1, 3).split(log).get(0);
        SplitChecks.assertPartitionWithoutLeakage(log, split);
        // a: x (time 9); c: x and y tie at 7, y appeared later in the log so counts as later.
        assertEquals(Set.of("a|x", "c|y"), SplitChecks.pairs(split.test()));
        assertEquals(3, split.test().size()); // both events of (a, x) plus (c, y)
    }

    @Test
    void deterministicPerSeed() {
        EventLog log = SplitChecks.randomLog(30, 40, 1_500, 9);
        assertEquals(SplitChecks.events(PerUserHoldout.fraction(0.2, 5, 3).split(log).get(0).test()),
                SplitChecks.events(PerUserHoldout.fraction(0.2, 5, 3).split(log).get(0).test()));
        assertTrue(!SplitChecks.pairs(PerUserHoldout.fraction(0.2, 5, 3).split(log).get(0).test())
                .equals(SplitChecks.pairs(PerUserHoldout.fraction(0.2, 5, 4).split(log).get(0).test())));
    }

    @Test
    void rejectsConfigurationsThatWouldLeaveTestUsersWithoutTraining() {
        IllegalArgumentException lastN = assertThrows(IllegalArgumentException.class,
                () -> PerUserHoldout.leaveLastN(2, 2));
        assertEquals("minHistory must be at least lastN + 1 = 3 so every test user keeps training data, got 2",
                lastN.getMessage());
        IllegalArgumentException history = assertThrows(IllegalArgumentException.class,
                () -> PerUserHoldout.fraction(0.2, 1, 1));
        assertTrue(history.getMessage().startsWith("minHistory must be at least 2"), history.getMessage());
        assertThrows(IllegalArgumentException.class, () -> PerUserHoldout.protocolB(1.5, 5, 42));
        EventLog tiny = EventLog.builder().add("a", "x", 1, "v", 1).build();
        IllegalArgumentException empty = assertThrows(IllegalArgumentException.class,
                () -> PerUserHoldout.protocolB(0.2, 5, 42).split(tiny));
        assertEquals("no user has at least minHistory = 5 pairs: the test set would be empty", empty.getMessage());
    }

    private static Map<String, Integer> countPairsByUser(EventLog log) {
        Map<String, Integer> counts = new HashMap<>();
        for (String pair : SplitChecks.pairs(log)) {
            counts.merge(pair.substring(0, pair.indexOf('|')), 1, Integer::sum);
        }
        return counts;
    }
}
