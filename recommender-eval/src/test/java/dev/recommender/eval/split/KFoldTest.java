package dev.recommender.eval.split;

import dev.recommender.core.data.EventLog;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class KFoldTest {
    @Test
    void everyPairIsTestedExactlyOnceAndFoldSizesDifferByAtMostOne() {
        EventLog log = SplitChecks.randomLog(30, 20, 1_500, 3);
        int pairCount = SplitChecks.pairs(log).size();
        List<Split> folds = KFold.of(3, 42).split(log);
        assertEquals(3, folds.size());
        Map<String, Integer> timesTested = new HashMap<>();
        for (int f = 0; f < 3; f++) {
            Split fold = folds.get(f);
            SplitChecks.assertPartitionWithoutLeakage(log, fold);
            Set<String> testPairs = SplitChecks.pairs(fold.test());
            // fold f holds positions f, f+3, f+6, ... of the permutation: ceil((P - f) / 3) pairs
            assertEquals((pairCount - f + 2) / 3, testPairs.size(), "fold " + f);
            for (String pair : testPairs) {
                timesTested.merge(pair, 1, Integer::sum);
            }
        }
        assertEquals(pairCount, timesTested.size());
        assertTrue(timesTested.values().stream().allMatch(n -> n == 1));
    }

    @Test
    void protocolAIsCollectionsShuffleWithJavaUtilRandom() {
        // One event per pair (like MovieLens ratings): the pairs are the events in file order.
        EventLog.Builder builder = EventLog.builder();
        int n = 103;
        for (int e = 0; e < n; e++) {
            builder.add("u" + (e % 17), "i" + e, e, "rating", e);
        }
        EventLog log = builder.build();
        List<Integer> perm = new ArrayList<>();
        for (int e = 0; e < n; e++) {
            perm.add(e);
        }
        Collections.shuffle(perm, new Random(42));
        List<Split> folds = KFold.protocolA(5, 42).split(log);
        for (int f = 0; f < 5; f++) {
            List<Float> expected = new ArrayList<>();
            for (int p = f; p < n; p += 5) {
                expected.add((float) perm.get(p));
            }
            Collections.sort(expected); // select keeps file order, and value == file position
            List<Float> actual = new ArrayList<>();
            EventLog test = folds.get(f).test();
            for (int e = 0; e < test.size(); e++) {
                actual.add(test.value(e));
            }
            assertEquals(expected, actual, "fold " + f);
        }
    }

    @Test
    void deterministicPerSeed() {
        EventLog log = SplitChecks.randomLog(30, 20, 800, 5);
        assertEquals(SplitChecks.events(KFold.of(5, 1).split(log).get(2).test()),
                SplitChecks.events(KFold.of(5, 1).split(log).get(2).test()));
        assertTrue(!SplitChecks.events(KFold.of(5, 1).split(log).get(2).test())
                .equals(SplitChecks.events(KFold.of(5, 2).split(log).get(2).test())));
    }

    @Test
    void rejectsTooFewFoldsOrPairs() {
        IllegalArgumentException one = assertThrows(IllegalArgumentException.class, () -> KFold.of(1, 1));
        assertEquals("folds must be at least 2, got 1", one.getMessage());
        EventLog two = EventLog.builder().add("a", "x", 1, "v", 1).add("a", "y", 1, "v", 1).build();
        IllegalArgumentException small = assertThrows(IllegalArgumentException.class, () -> KFold.of(3, 1).split(two));
        assertEquals("cannot make 3 folds of 2 pairs", small.getMessage());
    }
}
